package dev.evidentry.spi.fact.aws;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import java.util.List;

/**
 * One CloudTrail trail, seen once however many regions list it (shadow trails), with its status from its home region.
 *
 * @param multiRegion whether it records every region
 * @param logging whether it is recording now
 * @param logFileValidation whether digest files make its logs tamper-evident
 * @param kmsKeyId the KMS key encrypting its logs, or empty for SSE-S3
 * @param organizationTrail whether it is an AWS Organizations trail
 */
public record AwsCloudTrailTrail(ResourceRef resource, boolean multiRegion, boolean logging, boolean logFileValidation,
        String kmsKeyId, boolean organizationTrail, List<EvidenceId> evidence) implements Fact {

    public static final String KIND = "aws.cloudtrail.trail";

    public AwsCloudTrailTrail {
        requireNonNull(resource, "resource is null");
        requireNonNull(kmsKeyId, "kmsKeyId is null");
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    @Override
    public String kind() {
        return KIND;
    }
}
