package dev.evidentry.spi.fact.aws;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import java.util.List;

/** The account-wide S3 Block Public Access settings (S3 Control). */
public record AwsS3AccountPublicAccessBlock(
        ResourceRef resource, PublicAccessBlockSettings settings, List<EvidenceId> evidence) implements Fact {

    public static final String KIND = "aws.s3.account-public-access-block";

    public AwsS3AccountPublicAccessBlock {
        requireNonNull(resource, "resource is null");
        requireNonNull(settings, "settings is null");
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    @Override
    public String kind() {
        return KIND;
    }
}
