package dev.evidentry.spi.fact.gcp;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import java.util.List;
import java.util.Set;

/**
 * Who a Cloud Storage bucket's IAM policy ({@code buckets.getIamPolicy}) lets in from outside the organisation: the
 * bindings that grant a role to {@code allUsers} (anyone on the internet) or {@code allAuthenticatedUsers} (anyone
 * with a Google account).
 *
 * @param publicBindings each such grant as {@code ROLE MEMBER}, such as {@code roles/storage.objectViewer allUsers},
 *     sorted; empty when the policy grants nothing to the public
 */
public record GcpStorageBucketIamPolicy(ResourceRef resource, List<String> publicBindings, List<EvidenceId> evidence)
        implements Fact {

    public static final String KIND = "gcp.storage.bucket-iam-policy";

    /** The members that mean "the public". */
    public static final Set<String> PUBLIC_MEMBERS = Set.of("allUsers", "allAuthenticatedUsers");

    public GcpStorageBucketIamPolicy {
        requireNonNull(resource, "resource is null");
        publicBindings = List.copyOf(requireNonNull(publicBindings, "publicBindings is null"));
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    public boolean isPublic() {
        return !publicBindings.isEmpty();
    }

    @Override
    public String kind() {
        return KIND;
    }
}
