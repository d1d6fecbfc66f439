package dev.evidentry.spi.fact.gcp;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A Cloud KMS key from {@code cryptoKeys.list} (resource type {@code gcp.kms.key}, region its location).
 *
 * @param purpose such as {@code ENCRYPT_DECRYPT}, {@code ASYMMETRIC_SIGN}, {@code MAC}; only symmetric
 *     {@code ENCRYPT_DECRYPT} keys can rotate automatically
 * @param rotationPeriod {@code rotationPeriod}, or {@code null} when automatic rotation is off
 * @param primaryState the primary version's state, such as {@code ENABLED}, or empty when there is no primary
 */
public record GcpKmsKey(ResourceRef resource, String purpose, Duration rotationPeriod, String primaryState,
        List<EvidenceId> evidence) implements Fact {

    public static final String KIND = "gcp.kms.key";

    public GcpKmsKey {
        requireNonNull(resource, "resource is null");
        requireNonNull(purpose, "purpose is null");
        requireNonNull(primaryState, "primaryState is null");
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    /** Whether Cloud KMS can rotate the key on a schedule: symmetric encryption keys only. */
    public boolean rotatable() {
        return purpose.equals("ENCRYPT_DECRYPT");
    }

    public Optional<Duration> rotationPeriodIfSet() {
        return Optional.ofNullable(rotationPeriod);
    }

    @Override
    public String kind() {
        return KIND;
    }
}
