package dev.evidentry.core.cli;

import dev.evidentry.core.bundle.BundleVerifier;
import dev.evidentry.core.bundle.Ed25519Keys;
import dev.evidentry.core.scan.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code evidentry verify}: recompute a bundle's hashes and signature and name what changed. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check that an evidence bundle is intact: every file's SHA-256 against the manifest, and the "
                + "manifest's Ed25519 signature when a public key is given. Exit 0 intact, 1 tampered, 2 usage.")
final class VerifyCommand implements Callable<Integer> {

    @Parameters(paramLabel = "BUNDLE", description = "The bundle directory.")
    Path bundle;

    @Option(names = "--public-key", paramLabel = "FILE", description = "Ed25519 public key (X.509 PEM) of the signer.")
    Path publicKey;

    private final EvidentryCli.Environment environment;

    VerifyCommand(EvidentryCli.Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws UsageException {
        if (!Files.isDirectory(bundle)) {
            throw new UsageException(bundle + " is not a directory; give the bundle directory a scan wrote");
        }
        PublicKey key;
        try {
            key = publicKey == null ? null : Ed25519Keys.readPublic(publicKey);
        } catch (Ed25519Keys.InvalidKeyFileException e) {
            throw new UsageException("--public-key: " + e.getMessage());
        }
        BundleVerifier.Report report;
        try {
            report = BundleVerifier.verify(bundle, key);
        } catch (IOException e) {
            throw new UsageException(e.getMessage());
        }
        PrintStream out = environment.out();
        report.problems().forEach(problem -> out.println("TAMPERED " + problem));
        switch (report.signature()) {
            case VALID -> out.println("signature: valid");
            case INVALID -> out.println("TAMPERED manifest.json: signature does not match the public key");
            case MISSING -> out.println("TAMPERED manifest.sig: missing, but a public key was given");
            case NOT_CHECKED -> out.println("signature: present, not checked (give --public-key)");
            case UNSIGNED -> out.println("signature: none (the bundle was not signed)");
        }
        if (report.intact()) {
            out.printf("intact: %d files match the manifest%n", report.filesChecked());
            return 0;
        }
        out.println("NOT INTACT: the bundle differs from what the scan wrote");
        return 1;
    }
}
