package dev.evidentry.bench;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.model.AssignmentStatusType;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * moto's own maximum request rate on the calls a scan makes, measured in the same run on the seeded estate:
 * {@value #THREADS} client threads, no SDK retries (one call is one HTTP exchange), a fixed number of requests or a
 * time limit, whichever comes first. An error answer (such as S3's 404 for a bucket without encryption) is a served
 * request, as it is in a scan.
 *
 * <p>The mix: of every {@value #LIST_EVERY} requests, one is an account- or region-level list call (DescribeVolumes in
 * each region in turn, ListVirtualMFADevices, GetAccountSummary) and the others are per-bucket S3 reads
 * (GetBucketEncryption, GetPublicAccessBlock, GetBucketAcl, GetBucketVersioning, GetBucketLogging,
 * GetBucketLocation in turn) on buckets spread over the estate; per-bucket reads are nearly all of a scan's calls.
 */
final class MotoRate {

    static final int THREADS = 8;
    static final int LIST_EVERY = 50;
    private static final String[] BUCKET_OPERATIONS = {"s3:GetBucketEncryption", "s3:GetPublicAccessBlock",
        "s3:GetBucketAcl", "s3:GetBucketVersioning", "s3:GetBucketLogging", "s3:GetBucketLocation"};

    /**
     * What was measured.
     *
     * @param requests requests answered (success or error answer)
     * @param failures requests with no answer (connection errors, timeouts): not counted in the rate
     * @param elapsed from the first request sent to the last answer
     * @param byOperation answered requests by operation
     * @param meanLatencyMillis mean latency by operation
     */
    record Result(long requests, long failures, Duration elapsed, Map<String, Long> byOperation,
            Map<String, Double> meanLatencyMillis, int planned, Duration limit) {

        double requestsPerSecond() {
            return elapsed.isZero() ? 0 : requests / (elapsed.toNanos() / 1e9);
        }
    }

    private final AwsSdk sdk;
    private final Estate estate;

    MotoRate(AwsSdk sdk, Estate estate) {
        this.sdk = requireNonNull(sdk, "sdk is null");
        this.estate = requireNonNull(estate, "estate is null");
    }

    Result measure(int planned, Duration limit) {
        // Build every client first: their construction is not moto's time.
        estate.regions().forEach(region -> {
            sdk.s3(region);
            sdk.ec2(region);
        });
        sdk.iam();
        AtomicInteger next = new AtomicInteger();
        LongAdder answered = new LongAdder();
        LongAdder failures = new LongAdder();
        Map<String, LongAdder> counts = new ConcurrentHashMap<>();
        Map<String, LongAdder> nanos = new ConcurrentHashMap<>();
        AtomicLong lastAnswer = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < planned && System.nanoTime() < deadline) {
                        long sent = System.nanoTime();
                        String operation;
                        try {
                            operation = request(i);
                        } catch (RuntimeException e) {
                            failures.increment();
                            continue;
                        }
                        long now = System.nanoTime();
                        lastAnswer.accumulateAndGet(now, Math::max);
                        answered.increment();
                        counts.computeIfAbsent(operation, key -> new LongAdder()).increment();
                        nanos.computeIfAbsent(operation, key -> new LongAdder()).add(now - sent);
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(limit.toMillis() + 120_000, TimeUnit.MILLISECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("measuring moto's rate failed: " + e, e);
        } finally {
            pool.shutdownNow();
        }
        Map<String, Long> byOperation = new TreeMap<>();
        Map<String, Double> latency = new TreeMap<>();
        counts.forEach((operation, count) -> {
            byOperation.put(operation, count.sum());
            latency.put(operation, nanos.get(operation).sum() / 1e6 / count.sum());
        });
        long end = Math.max(lastAnswer.get(), start);
        return new Result(answered.sum(), failures.sum(), Duration.ofNanos(end - start), byOperation, latency,
                planned, limit);
    }

    /** Makes request number {@code i} of the mix; returns its operation. An error answer is an answer. */
    private String request(int i) {
        try {
            if (i % LIST_EVERY == LIST_EVERY - 1) {
                int round = i / LIST_EVERY;
                int kind = round % (estate.regions().size() + 2);
                if (kind < estate.regions().size()) {
                    String region = estate.regions().get(kind);
                    sdk.ec2(region).describeVolumes(b -> b.maxResults(500));
                    return "ec2:DescribeVolumes";
                }
                if (kind == estate.regions().size()) {
                    sdk.iam().listVirtualMFADevices(b -> b.assignmentStatus(AssignmentStatusType.ASSIGNED));
                    return "iam:ListVirtualMFADevices";
                }
                sdk.iam().getAccountSummary();
                return "iam:GetAccountSummary";
            }
            // Spread over the buckets (a stride prime to N), and over the six per-bucket reads.
            int bucket = (int) ((i * 7919L) % estate.buckets());
            S3Client s3 = sdk.s3(estate.regionOf(bucket));
            String name = estate.bucketName(bucket);
            String operation = BUCKET_OPERATIONS[i % BUCKET_OPERATIONS.length];
            try {
                switch (operation) {
                    case "s3:GetBucketEncryption" -> s3.getBucketEncryption(b -> b.bucket(name));
                    case "s3:GetPublicAccessBlock" -> s3.getPublicAccessBlock(b -> b.bucket(name));
                    case "s3:GetBucketAcl" -> s3.getBucketAcl(b -> b.bucket(name));
                    case "s3:GetBucketVersioning" -> s3.getBucketVersioning(b -> b.bucket(name));
                    case "s3:GetBucketLogging" -> s3.getBucketLogging(b -> b.bucket(name));
                    default -> s3.getBucketLocation(b -> b.bucket(name));
                }
            } catch (AwsServiceException answeredWithError) {
                // 404 for a bucket without encryption or a public access block: moto served it.
            }
            return operation;
        } catch (AwsServiceException answeredWithError) {
            return answeredWithError.awsErrorDetails() == null ? "error" : "error:" + answeredWithError.statusCode();
        }
    }
}
