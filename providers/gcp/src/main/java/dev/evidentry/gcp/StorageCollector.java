package dev.evidentry.gcp;

import static java.util.Objects.requireNonNull;

import com.google.api.services.storage.Storage;
import com.google.api.services.storage.model.Bucket;
import com.google.api.services.storage.model.Buckets;
import com.google.api.services.storage.model.Policy;
import dev.evidentry.gcp.GcpCalls.Evidenced;
import dev.evidentry.provider.support.CallException;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.DataStoreEncryption;
import dev.evidentry.spi.fact.EncryptionAtRest;
import dev.evidentry.spi.fact.gcp.GcpStorageBucket;
import dev.evidentry.spi.fact.gcp.GcpStorageBucketIamPolicy;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Cloud Storage in one project: {@code buckets.list} (all pages, default {@code noAcl} projection, which carries
 * encryption, IAM configuration, versioning and logging), then {@code buckets.getIamPolicy} once per bucket for the
 * bindings to {@code allUsers} and {@code allAuthenticatedUsers}.
 */
final class StorageCollector {

    static final Set<String> KINDS = Set.of(GcpStorageBucket.KIND, DataStoreEncryption.KIND,
            GcpStorageBucketIamPolicy.KIND);
    static final Set<String> IAM_KINDS = Set.of(GcpStorageBucketIamPolicy.KIND);
    static final long PAGE_SIZE = 1000;

    private final Storage storage;
    private final FactSink sink;
    private final Work work;

    StorageCollector(GcpClients clients, FactSink sink, Work work) {
        this.storage = requireNonNull(clients, "clients is null").storage();
        this.sink = requireNonNull(sink, "sink is null");
        this.work = requireNonNull(work, "work is null");
    }

    void start(String project) {
        work.add(Task.onAccount("storage.buckets.list", project, KINDS, () -> list(project)));
    }

    private void list(String project) {
        GcpCalls.<Buckets>pages("storage.buckets.list",
                token -> storage.buckets().list(project).setMaxResults(PAGE_SIZE).setPageToken(token),
                Buckets::getNextPageToken,
                page -> {
                    List<Bucket> items = page.value().getItems();
                    if (items != null) {
                        items.forEach(bucket -> bucket(project, bucket, page));
                    }
                });
    }

    private void bucket(String project, Bucket bucket, Evidenced<Buckets> page) {
        if (bucket.getName() == null || bucket.getName().isBlank()) {
            throw CallException.malformed("storage.buckets.list", "a bucket without a name", page.evidence());
        }
        String name = bucket.getName();
        String location = bucket.getLocation() == null ? "" : bucket.getLocation().toLowerCase(java.util.Locale.ROOT);
        ResourceRef ref = Resources.bucket(project, location, name);
        Bucket.IamConfiguration iam = bucket.getIamConfiguration();
        boolean uniform = iam != null && iam.getUniformBucketLevelAccess() != null
                && Boolean.TRUE.equals(iam.getUniformBucketLevelAccess().getEnabled());
        String prevention = iam == null || iam.getPublicAccessPrevention() == null ? ""
                : iam.getPublicAccessPrevention();
        boolean versioning = bucket.getVersioning() != null && Boolean.TRUE.equals(bucket.getVersioning().getEnabled());
        String logBucket = bucket.getLogging() == null || bucket.getLogging().getLogBucket() == null ? ""
                : bucket.getLogging().getLogBucket();
        String key = bucket.getEncryption() == null || bucket.getEncryption().getDefaultKmsKeyName() == null ? ""
                : bucket.getEncryption().getDefaultKmsKeyName();
        List<dev.evidentry.spi.EvidenceId> evidence = List.of(page.evidence());
        sink.accept(new GcpStorageBucket(ref, location, uniform, prevention, versioning, logBucket, key, evidence));
        sink.accept(key.isEmpty()
                ? new DataStoreEncryption(ref, EncryptionAtRest.PROVIDER_KEY, "", "Google-managed encryption key",
                        evidence)
                : new DataStoreEncryption(ref, EncryptionAtRest.CUSTOMER_KEY, key,
                        "Cloud KMS key (CMEK) by default for new objects", evidence));
        work.add(Task.on("storage.buckets.getIamPolicy", ref, IAM_KINDS, () -> iamPolicy(ref, name)));
    }

    private void iamPolicy(ResourceRef ref, String name) {
        Evidenced<Policy> answer = GcpCalls.call(GcpCalls.build("storage.buckets.getIamPolicy",
                token -> storage.buckets().getIamPolicy(name).setOptionsRequestedPolicyVersion(3), null));
        Set<String> grants = new TreeSet<>();
        List<Policy.Bindings> bindings = answer.value().getBindings();
        if (bindings != null) {
            for (Policy.Bindings binding : bindings) {
                if (binding.getMembers() == null) {
                    continue;
                }
                for (String member : binding.getMembers()) {
                    if (GcpStorageBucketIamPolicy.PUBLIC_MEMBERS.contains(member)) {
                        grants.add(binding.getRole() + " " + member);
                    }
                }
            }
        }
        sink.accept(new GcpStorageBucketIamPolicy(ref, List.copyOf(grants), List.of(answer.evidence())));
    }
}
