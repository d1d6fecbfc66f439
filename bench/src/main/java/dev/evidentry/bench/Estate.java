package dev.evidentry.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the benchmark seeds, decided from N and the regions alone (so the minimum number of calls can be computed
 * from it): N IAM users, N S3 buckets and N EBS volumes, buckets and volumes dealt round-robin over the regions.
 *
 * <p>User {@code i}: a console password when {@code i % 3 == 0}; an access key when {@code i % 2 == 1}; among the
 * console users, a virtual MFA device when {@code i % 30 == 0} and a hardware token (not a virtual device, so the
 * scanner must ask ListMFADevices) when {@code i % 30 == 15}.
 *
 * <p>Bucket and volume {@code i} live in region {@code i % R}; with {@code k = i / R} (their rank in that region):
 * a bucket has default encryption (SSE-S3) when {@code k % 2 == 0}, versioning when {@code k % 3 == 0}, access
 * logging (to its region's log bucket, rank 0) when {@code k % 5 == 1}, a public access block when
 * {@code k % 4 == 0}; a volume is encrypted (with the region's default EBS key) when {@code k % 2 == 0}.
 */
record Estate(int n, List<String> regions) {

    Estate {
        regions = List.copyOf(regions);
    }

    String userName(int i) {
        return "bench-user-%05d".formatted(i);
    }

    static boolean console(int i) {
        return i % 3 == 0;
    }

    static boolean accessKey(int i) {
        return i % 2 == 1;
    }

    static boolean virtualMfa(int i) {
        return i % 30 == 0;
    }

    static boolean hardwareMfa(int i) {
        return i % 30 == 15;
    }

    String bucketName(int i) {
        return "bench-bucket-%05d".formatted(i);
    }

    String regionOf(int i) {
        return regions.get(i % regions.size());
    }

    int rankInRegion(int i) {
        return i / regions.size();
    }

    /** The log bucket of bucket {@code i}'s region: that region's first bucket. */
    String logBucketFor(int i) {
        return bucketName(i % regions.size());
    }

    boolean isLogBucket(int i) {
        return rankInRegion(i) == 0;
    }

    boolean bucketEncrypted(int i) {
        return rankInRegion(i) % 2 == 0;
    }

    boolean bucketVersioned(int i) {
        return rankInRegion(i) % 3 == 0;
    }

    boolean bucketLogged(int i) {
        return rankInRegion(i) % 5 == 1;
    }

    boolean bucketPublicAccessBlock(int i) {
        return rankInRegion(i) % 4 == 0;
    }

    boolean volumeEncrypted(int i) {
        return rankInRegion(i) % 2 == 0;
    }

    int users() {
        return n;
    }

    int consoleUsers() {
        return count(Estate::console);
    }

    int accessKeyUsers() {
        return count(Estate::accessKey);
    }

    int virtualMfaUsers() {
        return count(Estate::virtualMfa);
    }

    int hardwareMfaUsers() {
        return count(Estate::hardwareMfa);
    }

    int buckets() {
        return n;
    }

    int volumes() {
        return n;
    }

    Map<String, Integer> bucketsByRegion() {
        return byRegion(i -> true);
    }

    Map<String, Integer> volumesByRegion() {
        return byRegion(i -> true);
    }

    Map<String, Integer> encryptedVolumesByRegion() {
        return byRegion(this::volumeEncrypted);
    }

    /** KMS keys in each region: moto creates the AWS-managed {@code alias/aws/ebs} key with the first encrypted volume. */
    Map<String, Integer> kmsKeysByRegion() {
        Map<String, Integer> keys = new LinkedHashMap<>();
        encryptedVolumesByRegion().forEach((region, encrypted) -> keys.put(region, encrypted > 0 ? 1 : 0));
        return keys;
    }

    int kmsKeys() {
        return kmsKeysByRegion().values().stream().mapToInt(Integer::intValue).sum();
    }

    int count(java.util.function.IntPredicate predicate) {
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (predicate.test(i)) {
                count++;
            }
        }
        return count;
    }

    private Map<String, Integer> byRegion(java.util.function.IntPredicate predicate) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        regions.forEach(region -> counts.put(region, 0));
        for (int i = 0; i < n; i++) {
            if (predicate.test(i)) {
                counts.merge(regionOf(i), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** A summary for the report. */
    Map<String, Object> describe() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("iamUsers", users());
        summary.put("consoleUsers", consoleUsers());
        summary.put("accessKeyUsers", accessKeyUsers());
        summary.put("virtualMfaUsers", virtualMfaUsers());
        summary.put("hardwareMfaUsers", hardwareMfaUsers());
        summary.put("buckets", buckets());
        summary.put("bucketsByRegion", bucketsByRegion());
        summary.put("encryptedBuckets", count(this::bucketEncrypted));
        summary.put("versionedBuckets", count(this::bucketVersioned));
        summary.put("loggedBuckets", count(this::bucketLogged));
        summary.put("publicAccessBlockBuckets", count(this::bucketPublicAccessBlock));
        summary.put("volumes", volumes());
        summary.put("volumesByRegion", volumesByRegion());
        summary.put("encryptedVolumes", count(this::volumeEncrypted));
        summary.put("kmsKeysByRegion", kmsKeysByRegion());
        return summary;
    }
}
