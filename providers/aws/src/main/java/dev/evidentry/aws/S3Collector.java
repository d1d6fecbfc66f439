package dev.evidentry.aws;

import static java.util.Objects.requireNonNull;

import dev.evidentry.aws.AwsCalls.Evidenced;
import dev.evidentry.provider.support.CallException;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.DataStoreEncryption;
import dev.evidentry.spi.fact.EncryptionAtRest;
import dev.evidentry.spi.fact.aws.AwsS3AccountPublicAccessBlock;
import dev.evidentry.spi.fact.aws.AwsS3Bucket;
import dev.evidentry.spi.fact.aws.AwsS3BucketAcl;
import dev.evidentry.spi.fact.aws.AwsS3BucketLogging;
import dev.evidentry.spi.fact.aws.AwsS3BucketPublicAccessBlock;
import dev.evidentry.spi.fact.aws.AwsS3BucketVersioning;
import dev.evidentry.spi.fact.aws.PublicAccessBlockSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.GetBucketAclResponse;
import software.amazon.awssdk.services.s3.model.GetBucketEncryptionResponse;
import software.amazon.awssdk.services.s3.model.GetBucketLocationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketLoggingResponse;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.GetPublicAccessBlockResponse;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.LoggingEnabled;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionByDefault;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionConfiguration;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;
import software.amazon.awssdk.services.s3.model.Type;

/**
 * S3: every bucket ListBuckets names (all pages), each one's region, encryption, Block Public Access, public ACL
 * grants, versioning and logging, each read with a client of the bucket's own region; and the account-wide Block
 * Public Access (S3 Control).
 *
 * <p>Two phases: {@link #firstTasks()} lists the buckets and reads the account setting; {@link #followUpTasks()}
 * returns one task per bucket and call, so a few buckets still use the whole pool.
 */
final class S3Collector implements ServiceCollector {

    static final Set<String> BUCKET_DETAIL_KINDS = Set.of(DataStoreEncryption.KIND, AwsS3BucketPublicAccessBlock.KIND,
            AwsS3BucketAcl.KIND, AwsS3BucketVersioning.KIND, AwsS3BucketLogging.KIND);
    static final Set<String> BUCKET_KINDS = union(Set.of(AwsS3Bucket.KIND), BUCKET_DETAIL_KINDS);
    static final Set<String> KINDS = union(BUCKET_KINDS, Set.of(AwsS3AccountPublicAccessBlock.KIND));

    /** Page size for ListBuckets; AWS asks every caller to paginate. */
    static final int PAGE_SIZE = 1000;

    private static final Map<String, String> PUBLIC_GROUPS = Map.of(
            "http://acs.amazonaws.com/groups/global/AllUsers", "AllUsers",
            "http://acs.amazonaws.com/groups/global/AuthenticatedUsers", "AuthenticatedUsers");

    private final AwsClients clients;
    private final Scope scope;
    private final FactSink sink;

    private volatile List<ListedBucket> buckets;

    S3Collector(AwsClients clients, Scope scope, FactSink sink) {
        this.clients = requireNonNull(clients, "clients is null");
        this.scope = requireNonNull(scope, "scope is null");
        this.sink = requireNonNull(sink, "sink is null");
    }

    @Override
    public List<Task> firstTasks() {
        return List.of(
                new Task("s3:ListBuckets", null, BUCKET_KINDS, this::listBuckets),
                new Task("s3control:GetPublicAccessBlock", scope.accountRef(),
                        Set.of(AwsS3AccountPublicAccessBlock.KIND), this::collectAccountPublicAccessBlock));
    }

    /** Emits the buckets whose region ListBuckets gave; returns every per-bucket call. */
    @Override
    public List<Task> followUpTasks() {
        List<ListedBucket> listed = buckets;
        if (listed == null) {
            return List.of(); // ListBuckets failed and was reported as an issue
        }
        List<Task> tasks = new ArrayList<>();
        for (ListedBucket bucket : listed) {
            if (bucket.region().isPresent()) {
                ResourceRef ref = scope.bucketRef(bucket.name(), bucket.region().get());
                sink.accept(new AwsS3Bucket(ref, bucket.name(), bucket.evidence()));
                tasks.addAll(detailTasks(ref));
            } else {
                ResourceRef unplaced = scope.bucketRef(bucket.name(), "");
                tasks.add(new Task("s3:GetBucketLocation", unplaced, BUCKET_KINDS, () -> locateAndDescribe(bucket)));
            }
        }
        return tasks;
    }

    private void listBuckets() {
        List<ListedBucket> listed = new ArrayList<>();
        try {
            listAllBuckets(null, listed);
            // A filtered listing can only prove where a bucket is when another region's listing could disagree.
            if (scope.regions().size() > 1 && listed.stream().anyMatch(bucket -> bucket.region().isEmpty())) {
                listed = placeByRegionListing(listed);
            }
        } finally {
            // After a failed page the buckets of the earlier pages are still described; the issue covers the rest.
            buckets = List.copyOf(listed);
        }
    }

    /**
     * Every bucket ListBuckets names, all pages; with {@code region}, only that region's (the bucket-region filter),
     * so every bucket listed is known to be there.
     */
    private List<ListedBucket> listAllBuckets(Region region, List<ListedBucket> listed) {
        S3Client s3 = clients.s3(scope.globalRegion());
        String token = null;
        do {
            String page = token;
            Evidenced<ListBucketsResponse> answer = AwsCalls.call("s3:ListBuckets",
                    override -> s3.listBuckets(b -> b.maxBuckets(PAGE_SIZE).continuationToken(page)
                            .bucketRegion(region == null ? null : region.id()).overrideConfiguration(override)));
            for (Bucket bucket : answer.value().buckets()) {
                if (bucket.name() == null || bucket.name().isEmpty()) {
                    throw CallException.malformed("s3:ListBuckets", "a bucket without a name", answer.evidence());
                }
                Optional<String> bucketRegion = region != null ? Optional.of(region.id())
                        : Optional.ofNullable(bucket.bucketRegion()).filter(name -> !name.isBlank());
                listed.add(new ListedBucket(bucket.name(), bucketRegion, List.of(answer.evidence())));
            }
            token = answer.value().continuationToken();
            if (token != null && (token.isEmpty() || token.equals(page))) {
                throw CallException.malformed("s3:ListBuckets", "the continuation token does not move",
                        answer.evidence());
            }
        } while (token != null);
        return listed;
    }

    /**
     * When ListBuckets does not say where buckets are (AWS does, some S3 implementations do not), one filtered listing
     * per region in scope places them all: a call per region instead of GetBucketLocation per bucket. A bucket still
     * unplaced (in a region outside the scan's scope, or a failed regional listing) falls back to GetBucketLocation.
     */
    private List<ListedBucket> placeByRegionListing(List<ListedBucket> listed) {
        Map<String, List<ListedBucket>> claims = new java.util.HashMap<>();
        for (Region region : scope.regions()) {
            try {
                for (ListedBucket bucket : listAllBuckets(region, new ArrayList<>())) {
                    claims.computeIfAbsent(bucket.name(), name -> new ArrayList<>()).add(bucket);
                }
            } catch (CallException e) {
                // Not an issue by itself: the buckets it would have placed are located one by one instead.
            }
        }
        List<ListedBucket> result = new ArrayList<>(listed.size());
        for (ListedBucket bucket : listed) {
            List<ListedBucket> regional = claims.getOrDefault(bucket.name(), List.of());
            // Exactly one region must claim it: a server that ignores the filter claims every bucket everywhere.
            result.add(bucket.region().isPresent() || regional.size() != 1 ? bucket
                    : new ListedBucket(bucket.name(), regional.get(0).region(),
                            concat(bucket.evidence(), regional.get(0).evidence())));
        }
        return result;
    }

    /** For a bucket ListBuckets gave no region: GetBucketLocation first, then the details, one after the other. */
    private void locateAndDescribe(ListedBucket bucket) {
        Evidenced<GetBucketLocationResponse> answer;
        try {
            answer = AwsCalls.call("s3:GetBucketLocation",
                    override -> clients.s3(scope.globalRegion()).getBucketLocation(b -> b.bucket(bucket.name())
                            .overrideConfiguration(override)));
        } catch (CallException e) {
            // It exists (ListBuckets said so) but where is unknown: nothing else about it can be read.
            ResourceRef unplaced = scope.bucketRef(bucket.name(), "");
            sink.accept(new AwsS3Bucket(unplaced, bucket.name(), bucket.evidence()));
            scope.report(sink, unplaced, BUCKET_DETAIL_KINDS, e);
            return;
        }
        String region = regionOfLocation(answer.value().locationConstraintAsString());
        ResourceRef ref = scope.bucketRef(bucket.name(), region);
        sink.accept(new AwsS3Bucket(ref, bucket.name(), concat(bucket.evidence(), List.of(answer.evidence()))));
        // Already on a pool thread: run the details here, each failing on its own.
        detailTasks(ref).forEach(task -> task.run(scope, sink));
    }

    /** GetBucketLocation's LocationConstraint: empty means us-east-1, {@code EU} the old name of eu-west-1. */
    static String regionOfLocation(String constraint) {
        if (constraint == null || constraint.isBlank()) {
            return "us-east-1";
        }
        return constraint.equals("EU") ? "eu-west-1" : constraint;
    }

    private List<Task> detailTasks(ResourceRef ref) {
        S3Client s3 = clients.s3(Region.of(ref.region()));
        String name = ref.name();
        return List.of(
                new Task("s3:GetBucketEncryption", ref, Set.of(DataStoreEncryption.KIND),
                        () -> collectEncryption(s3, ref, name)),
                new Task("s3:GetPublicAccessBlock", ref, Set.of(AwsS3BucketPublicAccessBlock.KIND),
                        () -> collectPublicAccessBlock(s3, ref, name)),
                new Task("s3:GetBucketAcl", ref, Set.of(AwsS3BucketAcl.KIND), () -> collectAcl(s3, ref, name)),
                new Task("s3:GetBucketVersioning", ref, Set.of(AwsS3BucketVersioning.KIND),
                        () -> collectVersioning(s3, ref, name)),
                new Task("s3:GetBucketLogging", ref, Set.of(AwsS3BucketLogging.KIND),
                        () -> collectLogging(s3, ref, name)));
    }

    private void collectEncryption(S3Client s3, ResourceRef ref, String name) {
        Evidenced<GetBucketEncryptionResponse> answer;
        try {
            answer = AwsCalls.call("s3:GetBucketEncryption",
                    override -> s3.getBucketEncryption(b -> b.bucket(name).overrideConfiguration(override)));
        } catch (CallException e) {
            if (hasErrorCode(e, "ServerSideEncryptionConfigurationNotFoundError")) {
                sink.accept(new DataStoreEncryption(ref, EncryptionAtRest.NONE, "",
                        "ServerSideEncryptionConfigurationNotFoundError", evidenceOf(e)));
                return;
            }
            throw e;
        }
        ServerSideEncryptionConfiguration configuration = answer.value().serverSideEncryptionConfiguration();
        if (configuration == null || !configuration.hasRules() || configuration.rules().isEmpty()) {
            throw CallException.malformed("s3:GetBucketEncryption", "the answer has no encryption rule",
                    answer.evidence());
        }
        sink.accept(encryption(ref, configuration, answer.evidenceList()));
    }

    /**
     * Reads a bucket's default encryption: SSE-S3 is a provider key; SSE-KMS and DSSE-KMS are a customer key unless the
     * key is the AWS-managed {@code alias/aws/s3} (or none is named, which means that key).
     */
    static DataStoreEncryption encryption(ResourceRef ref, ServerSideEncryptionConfiguration configuration,
            List<EvidenceId> evidence) {
        ServerSideEncryptionByDefault rule = configuration.rules().stream()
                .map(ServerSideEncryptionRule::applyServerSideEncryptionByDefault)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
        if (rule == null || rule.sseAlgorithmAsString() == null) {
            return new DataStoreEncryption(ref, EncryptionAtRest.UNKNOWN, "", "no default encryption rule", evidence);
        }
        String algorithm = rule.sseAlgorithmAsString();
        String key = rule.kmsMasterKeyID() == null ? "" : rule.kmsMasterKeyID().strip();
        return switch (algorithm) {
            case "AES256" -> new DataStoreEncryption(ref, EncryptionAtRest.PROVIDER_KEY, "", algorithm, evidence);
            case "aws:kms", "aws:kms:dsse" -> key.isEmpty() || isAwsManagedS3Key(key)
                    ? new DataStoreEncryption(ref, EncryptionAtRest.PROVIDER_KEY, "",
                            algorithm + (key.isEmpty() ? "" : " " + key), evidence)
                    : new DataStoreEncryption(ref, EncryptionAtRest.CUSTOMER_KEY, key, algorithm, evidence);
            default -> new DataStoreEncryption(ref, EncryptionAtRest.UNKNOWN, "", algorithm, evidence);
        };
    }

    private static boolean isAwsManagedS3Key(String key) {
        return key.equals("alias/aws/s3") || key.startsWith("arn:") && key.endsWith(":alias/aws/s3");
    }

    private void collectPublicAccessBlock(S3Client s3, ResourceRef ref, String name) {
        Evidenced<GetPublicAccessBlockResponse> answer;
        try {
            answer = AwsCalls.call("s3:GetPublicAccessBlock",
                    override -> s3.getPublicAccessBlock(b -> b.bucket(name).overrideConfiguration(override)));
        } catch (CallException e) {
            if (hasErrorCode(e, "NoSuchPublicAccessBlockConfiguration")) {
                sink.accept(new AwsS3BucketPublicAccessBlock(ref, PublicAccessBlockSettings.NONE, evidenceOf(e)));
                return;
            }
            throw e;
        }
        PublicAccessBlockConfiguration configuration = answer.value().publicAccessBlockConfiguration();
        if (configuration == null) {
            throw CallException.malformed("s3:GetPublicAccessBlock", "the answer has no configuration",
                    answer.evidence());
        }
        sink.accept(new AwsS3BucketPublicAccessBlock(ref, new PublicAccessBlockSettings(true,
                isTrue(configuration.blockPublicAcls()), isTrue(configuration.ignorePublicAcls()),
                isTrue(configuration.blockPublicPolicy()), isTrue(configuration.restrictPublicBuckets())),
                answer.evidenceList()));
    }

    private void collectAcl(S3Client s3, ResourceRef ref, String name) {
        Evidenced<GetBucketAclResponse> answer = AwsCalls.call("s3:GetBucketAcl",
                override -> s3.getBucketAcl(b -> b.bucket(name).overrideConfiguration(override)));
        if (answer.value().owner() == null) {
            // AWS always names the owner; without it, "no public grant" would be read from an answer that says nothing.
            throw CallException.malformed("s3:GetBucketAcl", "the answer names no owner", answer.evidence());
        }
        sink.accept(new AwsS3BucketAcl(ref, publicGrants(answer.value().grants()), answer.evidenceList()));
    }

    /** Grants to everyone or every AWS account, as {@code AllUsers:READ}, sorted. */
    static List<String> publicGrants(List<Grant> grants) {
        Set<String> result = new TreeSet<>();
        for (Grant grant : grants) {
            if (grant.grantee() != null && grant.grantee().type() == Type.GROUP && grant.grantee().uri() != null) {
                String group = PUBLIC_GROUPS.get(grant.grantee().uri());
                if (group != null) {
                    result.add(group + ":" + grant.permissionAsString());
                }
            }
        }
        return List.copyOf(result);
    }

    private void collectVersioning(S3Client s3, ResourceRef ref, String name) {
        Evidenced<GetBucketVersioningResponse> answer = AwsCalls.call("s3:GetBucketVersioning",
                override -> s3.getBucketVersioning(b -> b.bucket(name).overrideConfiguration(override)));
        String status = answer.value().statusAsString() == null ? "" : answer.value().statusAsString();
        sink.accept(new AwsS3BucketVersioning(ref, status, "Enabled".equals(answer.value().mfaDeleteAsString()),
                answer.evidenceList()));
    }

    private void collectLogging(S3Client s3, ResourceRef ref, String name) {
        Evidenced<GetBucketLoggingResponse> answer = AwsCalls.call("s3:GetBucketLogging",
                override -> s3.getBucketLogging(b -> b.bucket(name).overrideConfiguration(override)));
        LoggingEnabled enabled = answer.value().loggingEnabled();
        String target = enabled == null || enabled.targetBucket() == null ? "" : enabled.targetBucket();
        sink.accept(new AwsS3BucketLogging(ref, target, answer.evidenceList()));
    }

    private void collectAccountPublicAccessBlock() {
        ResourceRef ref = scope.accountRef();
        software.amazon.awssdk.services.s3control.model.PublicAccessBlockConfiguration configuration;
        Evidenced<software.amazon.awssdk.services.s3control.model.GetPublicAccessBlockResponse> answer;
        try {
            answer = AwsCalls.call("s3control:GetPublicAccessBlock",
                    override -> clients.s3Control(scope.globalRegion()).getPublicAccessBlock(b -> b
                            .accountId(scope.account()).overrideConfiguration(override)));
        } catch (CallException e) {
            if (hasErrorCode(e, "NoSuchPublicAccessBlockConfiguration")) {
                sink.accept(new AwsS3AccountPublicAccessBlock(ref, PublicAccessBlockSettings.NONE, evidenceOf(e)));
                return;
            }
            throw e;
        }
        configuration = answer.value().publicAccessBlockConfiguration();
        if (configuration == null) {
            throw CallException.malformed("s3control:GetPublicAccessBlock", "the answer has no configuration",
                    answer.evidence());
        }
        sink.accept(new AwsS3AccountPublicAccessBlock(ref, new PublicAccessBlockSettings(true,
                isTrue(configuration.blockPublicAcls()), isTrue(configuration.ignorePublicAcls()),
                isTrue(configuration.blockPublicPolicy()), isTrue(configuration.restrictPublicBuckets())),
                answer.evidenceList()));
    }

    static boolean hasErrorCode(CallException e, String code) {
        return e.getCause() instanceof AwsServiceException service && service.awsErrorDetails() != null
                && code.equals(service.awsErrorDetails().errorCode());
    }

    private static List<EvidenceId> evidenceOf(CallException e) {
        return e.evidence().map(List::of).orElse(List.of());
    }

    private static boolean isTrue(Boolean value) {
        return Boolean.TRUE.equals(value);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    /** A bucket as ListBuckets named it, with the page that named it. */
    private static List<EvidenceId> concat(List<EvidenceId> first, List<EvidenceId> second) {
        List<EvidenceId> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** A bucket as listed: its region when known, and the listing pages that named and placed it. */
    private record ListedBucket(String name, Optional<String> region, List<EvidenceId> evidence) {}
}
