package dev.evidentry.spi.fact.aws;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import java.util.List;

/** A bucket as ListBuckets names it: proof that it exists, whatever else could be read about it. */
public record AwsS3Bucket(ResourceRef resource, String name, List<EvidenceId> evidence) implements Fact {

    public static final String KIND = "aws.s3.bucket";

    public AwsS3Bucket {
        requireNonNull(resource, "resource is null");
        requireNonNull(name, "name is null");
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    @Override
    public String kind() {
        return KIND;
    }
}
