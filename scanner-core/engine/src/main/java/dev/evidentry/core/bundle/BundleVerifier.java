package dev.evidentry.core.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Recomputes a bundle's hashes (and its signature, given the public key) and names every file that changed. */
public final class BundleVerifier {

    private BundleVerifier() {
    }

    /** What verification found; {@link #intact()} only when nothing changed and any signature checked out. */
    public record Report(List<String> problems, SignatureStatus signature, int filesChecked) {
        public Report {
            problems = List.copyOf(problems);
        }

        public boolean intact() {
            return problems.isEmpty() && signature != SignatureStatus.INVALID && signature != SignatureStatus.MISSING;
        }
    }

    public enum SignatureStatus {
        /** Signed, and the signature matches the given public key. */
        VALID,
        /** The signature does not match: the manifest changed or the key is not the signer's. */
        INVALID,
        /** A public key was given but the bundle carries no signature. */
        MISSING,
        /** Signed, but no public key was given to check it with. */
        NOT_CHECKED,
        /** Not signed, and no key was given. */
        UNSIGNED
    }

    public static Report verify(Path bundle, PublicKey publicKey) throws IOException {
        Path manifestFile = bundle.resolve(BundleLayout.MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new IOException(bundle + " is not an evidence bundle: it has no " + BundleLayout.MANIFEST);
        }
        JsonNode manifest;
        try {
            manifest = Json.LINES.readTree(manifestFile.toFile());
        } catch (IOException e) {
            return new Report(List.of(BundleLayout.MANIFEST + ": not valid JSON (" + e.getMessage() + ")"),
                    SignatureStatus.INVALID, 0);
        }
        List<String> problems = new ArrayList<>();
        Map<String, String> expected = new TreeMap<>();
        for (JsonNode file : manifest.path("files")) {
            expected.put(file.path("path").asText(), file.path("sha256").asText());
        }
        int checked = 0;
        for (Map.Entry<String, String> entry : expected.entrySet()) {
            Path file = bundle.resolve(entry.getKey()).normalize();
            if (!file.startsWith(bundle.normalize())) {
                problems.add(entry.getKey() + ": path leaves the bundle");
            } else if (!Files.isRegularFile(file)) {
                problems.add(entry.getKey() + ": missing");
            } else if (!Sha256.ofFile(file).equals(entry.getValue())) {
                problems.add(entry.getKey() + ": changed (SHA-256 differs from the manifest)");
            }
            checked++;
        }
        for (Path file : BundleWriter.listBundleFiles(bundle)) {
            String name = bundle.relativize(file).toString().replace('\\', '/');
            if (!expected.containsKey(name)) {
                problems.add(name + ": added (not in the manifest)");
            }
        }
        return new Report(problems, signatureStatus(bundle, publicKey), checked);
    }

    private static SignatureStatus signatureStatus(Path bundle, PublicKey publicKey) throws IOException {
        boolean signed = Files.isRegularFile(bundle.resolve(BundleLayout.SIGNATURE));
        if (publicKey == null) {
            return signed ? SignatureStatus.NOT_CHECKED : SignatureStatus.UNSIGNED;
        }
        if (!signed) {
            return SignatureStatus.MISSING;
        }
        return BundleSigner.verify(bundle, publicKey) ? SignatureStatus.VALID : SignatureStatus.INVALID;
    }
}
