package dev.evidentry.sarif;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The {@code partialFingerprints} that let GitHub match an alert across scans of the same resource. */
final class Fingerprints {

    /** Bump the version suffix if the input to the hash ever changes; old alerts then close and new ones open. */
    static final String FINDING_KEY = "evidentryFinding/v1";

    private Fingerprints() {}

    /** Lower-case hex SHA-256 of {@code checkId + "\u0000" + nativeId} (UTF-8). */
    static String finding(String checkId, String nativeId) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha256.digest((checkId + "\u0000" + nativeId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
