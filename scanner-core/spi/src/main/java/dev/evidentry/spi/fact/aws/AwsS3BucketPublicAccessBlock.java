package dev.evidentry.spi.fact.aws;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import java.util.List;

/** One bucket's own S3 Block Public Access settings. */
public record AwsS3BucketPublicAccessBlock(
        ResourceRef resource, PublicAccessBlockSettings settings, List<EvidenceId> evidence) implements Fact {

    public static final String KIND = "aws.s3.bucket-public-access-block";

    public AwsS3BucketPublicAccessBlock {
        requireNonNull(resource, "resource is null");
        requireNonNull(settings, "settings is null");
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    @Override
    public String kind() {
        return KIND;
    }
}
