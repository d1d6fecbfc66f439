package dev.evidentry.core.bundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Ed25519 keys as PEM files, with the JDK's own provider: PKCS#8 ({@code BEGIN PRIVATE KEY}) for signing and X.509
 * SubjectPublicKeyInfo ({@code BEGIN PUBLIC KEY}) for verifying, the formats {@code openssl genpkey -algorithm ed25519}
 * writes.
 */
public final class Ed25519Keys {

    private static final String ALGORITHM = "Ed25519";

    private Ed25519Keys() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot generate Ed25519 keys", e);
        }
    }

    public static PrivateKey readPrivate(Path file) throws InvalidKeyFileException {
        byte[] der = readPem(file, "PRIVATE KEY");
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new InvalidKeyFileException(file + " is not an Ed25519 private key in PKCS#8 PEM form ("
                    + "create one with: evidentry keygen, or openssl genpkey -algorithm ed25519)");
        }
    }

    public static PublicKey readPublic(Path file) throws InvalidKeyFileException {
        byte[] der = readPem(file, "PUBLIC KEY");
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new InvalidKeyFileException(file + " is not an Ed25519 public key in X.509 PEM form");
        }
    }

    public static void write(Path file, String label, byte[] der) throws IOException {
        String pem = "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
    }

    private static byte[] readPem(Path file, String label) throws InvalidKeyFileException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new InvalidKeyFileException("key file " + file + " does not exist");
        } catch (IOException e) {
            throw new InvalidKeyFileException("cannot read key file " + file + ": " + e.getMessage());
        }
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new InvalidKeyFileException(file + " has no '" + begin + "' block");
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new InvalidKeyFileException(file + " holds a PEM block that is not valid base64");
        }
    }

    /** A key file that is missing, unreadable or of the wrong kind; the message says which and what to do. */
    public static final class InvalidKeyFileException extends Exception {
        private static final long serialVersionUID = 1L;

        public InvalidKeyFileException(String message) {
            super(message);
        }
    }
}
