package dev.evidentry.spi.fact.aws;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import java.util.List;

/**
 * A KMS key that the customer manages. Keys AWS manages are not emitted: their rotation is AWS's business.
 *
 * @param keyState such as {@code Enabled}, {@code Disabled}, {@code PendingDeletion}
 * @param keySpec such as {@code SYMMETRIC_DEFAULT}; only symmetric encryption keys can rotate automatically
 * @param rotationEnabled whether automatic rotation is on (false when the key cannot rotate)
 */
public record AwsKmsKey(ResourceRef resource, String keyState, String keySpec, boolean rotationEnabled,
        List<EvidenceId> evidence) implements Fact {

    public static final String KIND = "aws.kms.customer-key";

    public AwsKmsKey {
        requireNonNull(resource, "resource is null");
        requireNonNull(keyState, "keyState is null");
        requireNonNull(keySpec, "keySpec is null");
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    public boolean rotatable() {
        return keySpec.equals("SYMMETRIC_DEFAULT") && keyState.equals("Enabled");
    }

    @Override
    public String kind() {
        return KIND;
    }
}
