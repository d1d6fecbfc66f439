package dev.evidentry.core.bundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * Signs and verifies a bundle's manifest with Ed25519. The manifest holds the SHA-256 of every other file, so one
 * signature makes the whole bundle tamper-evident.
 */
public final class BundleSigner {

    private BundleSigner() {
    }

    public static void sign(Path bundle, PrivateKey key) throws IOException {
        byte[] manifest = Files.readAllBytes(bundle.resolve(BundleLayout.MANIFEST));
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(manifest);
            Files.writeString(bundle.resolve(BundleLayout.SIGNATURE),
                    Base64.getEncoder().encodeToString(signer.sign()) + "\n", StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with this key: " + e.getMessage(), e);
        }
    }

    public static boolean verify(Path bundle, PublicKey key) throws IOException {
        byte[] manifest = Files.readAllBytes(bundle.resolve(BundleLayout.MANIFEST));
        String encoded = Files.readString(bundle.resolve(BundleLayout.SIGNATURE), StandardCharsets.US_ASCII).strip();
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(manifest);
            return verifier.verify(Base64.getDecoder().decode(encoded));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }
}
