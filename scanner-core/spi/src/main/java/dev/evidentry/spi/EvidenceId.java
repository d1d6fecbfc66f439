package dev.evidentry.spi;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/** Content address of one stored {@link RawEvidence}: the lower-case hex SHA-256 of its redacted content. */
public record EvidenceId(String sha256) implements Comparable<EvidenceId> {

    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");

    public EvidenceId {
        requireNonNull(sha256, "sha256 is null");
        if (!HEX_SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a lower-case hex SHA-256: " + sha256);
        }
    }

    @Override
    public int compareTo(EvidenceId other) {
        return sha256.compareTo(other.sha256);
    }

    @Override
    public String toString() {
        return sha256;
    }
}
