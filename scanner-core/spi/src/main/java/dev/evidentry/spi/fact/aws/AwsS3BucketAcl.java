package dev.evidentry.spi.fact.aws;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import java.util.List;

/**
 * A bucket's ACL grants to everyone ({@code AllUsers}) or to every AWS account ({@code AuthenticatedUsers}).
 *
 * @param publicGrants each as {@code <group>:<permission>}, such as {@code AllUsers:READ}; empty when none
 */
public record AwsS3BucketAcl(ResourceRef resource, List<String> publicGrants, List<EvidenceId> evidence) implements Fact {

    public static final String KIND = "aws.s3.bucket-acl";

    public AwsS3BucketAcl {
        requireNonNull(resource, "resource is null");
        publicGrants = List.copyOf(requireNonNull(publicGrants, "publicGrants is null"));
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    @Override
    public String kind() {
        return KIND;
    }
}
