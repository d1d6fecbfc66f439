package dev.evidentry.bench;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.Owner;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.Type;

/**
 * Creates the {@link Estate} in moto through the SDK, on a pool of {@value #THREADS} threads: one task per user,
 * bucket or volume (its creation and its settings, in order). The first bucket and volume of each region come first:
 * that bucket is the region's log bucket, which must exist and grant the log-delivery group before any bucket logs
 * to it; that volume is encrypted, and moto creates the region's default EBS key ({@code alias/aws/ebs}) with it, once
 * (two concurrent first encrypted volumes would race and create two keys).
 */
final class Seeder {

    static final int THREADS = 8;
    private static final String LOG_DELIVERY = "http://acs.amazonaws.com/groups/s3/LogDelivery";

    private final AwsSdk sdk;
    private final Estate estate;
    private final AtomicLong calls = new AtomicLong();

    Seeder(AwsSdk sdk, Estate estate) {
        this.sdk = requireNonNull(sdk, "sdk is null");
        this.estate = requireNonNull(estate, "estate is null");
    }

    /** Seeds everything; returns the number of API calls it took. */
    long seed() {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Runnable> first = new ArrayList<>();
            List<Runnable> rest = new ArrayList<>();
            for (int i = 0; i < estate.n(); i++) {
                int index = i;
                boolean firstInRegion = estate.rankInRegion(i) == 0;
                (firstInRegion ? first : rest).add(() -> bucket(index));
                (firstInRegion ? first : rest).add(() -> volume(index));
                rest.add(() -> user(index));
            }
            runAll(pool, first);
            runAll(pool, rest);
            return calls.get();
        } finally {
            pool.shutdownNow();
        }
    }

    private void user(int i) {
        IamClient iam = sdk.iam();
        String name = estate.userName(i);
        call(() -> iam.createUser(b -> b.userName(name)));
        if (Estate.console(i)) {
            call(() -> iam.createLoginProfile(b -> b.userName(name).password("Bench-Passw0rd-" + i)));
        }
        if (Estate.accessKey(i)) {
            call(() -> iam.createAccessKey(b -> b.userName(name)));
        }
        if (Estate.virtualMfa(i)) {
            String serial = call(() -> iam.createVirtualMFADevice(b -> b.virtualMFADeviceName(name)))
                    .virtualMFADevice().serialNumber();
            call(() -> iam.enableMFADevice(b -> b.userName(name).serialNumber(serial)
                    .authenticationCode1("123456").authenticationCode2("654321")));
        }
        if (Estate.hardwareMfa(i)) {
            // A serial number that is not an ARN: a hardware token, which ListVirtualMFADevices does not list.
            call(() -> iam.enableMFADevice(b -> b.userName(name).serialNumber("GAHT%08d".formatted(i))
                    .authenticationCode1("123456").authenticationCode2("654321")));
        }
    }

    private void bucket(int i) {
        String region = estate.regionOf(i);
        S3Client s3 = sdk.s3(region);
        String name = estate.bucketName(i);
        call(() -> s3.createBucket(b -> {
            b.bucket(name);
            if (!region.equals("us-east-1")) {
                b.createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.fromValue(region)));
            }
        }));
        if (estate.isLogBucket(i)) {
            grantLogDelivery(s3, name);
        }
        if (estate.bucketEncrypted(i)) {
            call(() -> s3.putBucketEncryption(b -> b.bucket(name).serverSideEncryptionConfiguration(c -> c.rules(
                    rule -> rule.applyServerSideEncryptionByDefault(sse -> sse.sseAlgorithm(
                            ServerSideEncryption.AES256))))));
        }
        if (estate.bucketVersioned(i)) {
            call(() -> s3.putBucketVersioning(b -> b.bucket(name).versioningConfiguration(
                    c -> c.status(BucketVersioningStatus.ENABLED))));
        }
        if (estate.bucketPublicAccessBlock(i)) {
            call(() -> s3.putPublicAccessBlock(b -> b.bucket(name).publicAccessBlockConfiguration(c -> c
                    .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true)
                    .restrictPublicBuckets(true))));
        }
        if (estate.bucketLogged(i)) {
            String target = estate.logBucketFor(i);
            call(() -> s3.putBucketLogging(b -> b.bucket(name).bucketLoggingStatus(s -> s.loggingEnabled(
                    e -> e.targetBucket(target).targetPrefix(name + "/")))));
        }
    }

    /** WRITE and READ_ACP for the log-delivery group, as an ACL body (moto answers a canned-ACL header with 411). */
    private void grantLogDelivery(S3Client s3, String bucket) {
        Owner owner = call(() -> s3.getBucketAcl(b -> b.bucket(bucket))).owner();
        List<Grant> grants = List.of(
                Grant.builder().grantee(g -> g.type(Type.CANONICAL_USER).id(owner.id()))
                        .permission(Permission.FULL_CONTROL).build(),
                Grant.builder().grantee(g -> g.type(Type.GROUP).uri(LOG_DELIVERY)).permission(Permission.WRITE).build(),
                Grant.builder().grantee(g -> g.type(Type.GROUP).uri(LOG_DELIVERY)).permission(Permission.READ_ACP)
                        .build());
        call(() -> s3.putBucketAcl(b -> b.bucket(bucket).accessControlPolicy(p -> p.owner(owner).grants(grants))));
    }

    private void volume(int i) {
        String region = estate.regionOf(i);
        Ec2Client ec2 = sdk.ec2(region);
        boolean encrypted = estate.volumeEncrypted(i);
        call(() -> ec2.createVolume(b -> b.availabilityZone(region + "a").size(1).encrypted(encrypted)));
    }

    private <T> T call(java.util.function.Supplier<T> call) {
        calls.incrementAndGet();
        return call.get();
    }

    private static void runAll(ExecutorService pool, List<Runnable> tasks) {
        List<Future<?>> futures = new ArrayList<>();
        tasks.forEach(task -> futures.add(pool.submit(task)));
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (ExecutionException e) {
                futures.forEach(other -> other.cancel(true));
                throw new IllegalStateException("seeding moto failed: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while seeding moto", e);
            }
        }
    }
}
