package dev.evidentry.spi.fact.aws;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import java.util.List;

/**
 * A bucket's server access logging.
 *
 * @param targetBucket the bucket that receives the logs, or empty when logging is off
 */
public record AwsS3BucketLogging(ResourceRef resource, String targetBucket, List<EvidenceId> evidence) implements Fact {

    public static final String KIND = "aws.s3.bucket-logging";

    public AwsS3BucketLogging {
        requireNonNull(resource, "resource is null");
        requireNonNull(targetBucket, "targetBucket is null");
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    public boolean enabled() {
        return !targetBucket.isEmpty();
    }

    @Override
    public String kind() {
        return KIND;
    }
}
