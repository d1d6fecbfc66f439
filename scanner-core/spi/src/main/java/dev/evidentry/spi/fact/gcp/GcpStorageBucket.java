package dev.evidentry.spi.fact.gcp;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import java.util.List;

/**
 * A Cloud Storage bucket's settings as {@code buckets.list} returns them (resource type {@code gcp.storage.bucket}).
 * Its encryption at rest is a separate {@link dev.evidentry.spi.fact.DataStoreEncryption} fact on the same resource,
 * who can read it a separate {@link GcpStorageBucketIamPolicy}.
 *
 * @param location such as {@code US} or {@code EUROPE-WEST1}
 * @param uniformBucketLevelAccess {@code iamConfiguration.uniformBucketLevelAccess.enabled}: ACLs are off, IAM alone
 *     grants access
 * @param publicAccessPrevention {@code iamConfiguration.publicAccessPrevention}: {@code enforced}, {@code inherited}
 *     (or the older {@code unspecified}); empty when Google does not say
 * @param versioning {@code versioning.enabled}
 * @param logBucket {@code logging.logBucket}, the bucket usage logs go to, or empty when usage logging is off
 * @param defaultKmsKeyName {@code encryption.defaultKmsKeyName}, or empty for Google-managed keys
 */
public record GcpStorageBucket(
        ResourceRef resource,
        String location,
        boolean uniformBucketLevelAccess,
        String publicAccessPrevention,
        boolean versioning,
        String logBucket,
        String defaultKmsKeyName,
        List<EvidenceId> evidence) implements Fact {

    public static final String KIND = "gcp.storage.bucket";

    public GcpStorageBucket {
        requireNonNull(resource, "resource is null");
        requireNonNull(location, "location is null");
        requireNonNull(publicAccessPrevention, "publicAccessPrevention is null");
        requireNonNull(logBucket, "logBucket is null");
        requireNonNull(defaultKmsKeyName, "defaultKmsKeyName is null");
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    /** Whether public access prevention is enforced on the bucket itself. */
    public boolean publicAccessPrevented() {
        return publicAccessPrevention.equals("enforced");
    }

    @Override
    public String kind() {
        return KIND;
    }
}
