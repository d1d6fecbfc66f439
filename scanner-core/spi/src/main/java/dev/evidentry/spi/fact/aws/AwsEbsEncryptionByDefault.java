package dev.evidentry.spi.fact.aws;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import java.util.List;

/** Whether new EBS volumes in one region are encrypted by default. Resource: the region ({@code aws.region}). */
public record AwsEbsEncryptionByDefault(ResourceRef resource, boolean enabled, List<EvidenceId> evidence)
        implements Fact {

    public static final String KIND = "aws.ec2.ebs-encryption-by-default";

    public AwsEbsEncryptionByDefault {
        requireNonNull(resource, "resource is null");
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    @Override
    public String kind() {
        return KIND;
    }
}
