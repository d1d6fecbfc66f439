package dev.evidentry.spi.fact.aws;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import java.util.List;

/**
 * A bucket's versioning.
 *
 * @param status {@code Enabled}, {@code Suspended}, or empty when versioning was never turned on
 * @param mfaDelete whether deleting a version needs MFA
 */
public record AwsS3BucketVersioning(ResourceRef resource, String status, boolean mfaDelete, List<EvidenceId> evidence)
        implements Fact {

    public static final String KIND = "aws.s3.bucket-versioning";

    public AwsS3BucketVersioning {
        requireNonNull(resource, "resource is null");
        requireNonNull(status, "status is null");
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    public boolean enabled() {
        return status.equals("Enabled");
    }

    @Override
    public String kind() {
        return KIND;
    }
}
