package dev.evidentry.bench;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The benchmark's own SDK clients against moto: one per service and region, one shared HTTP client, static test
 * credentials. {@code retries=false} gives clients that make exactly one HTTP exchange per call (for the rate
 * measurement); seeding keeps the SDK's standard retries.
 */
final class AwsSdk implements AutoCloseable {

    static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));

    private final URI endpoint;
    private final boolean retries;
    private final SdkHttpClient http = UrlConnectionHttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(5))
            .socketTimeout(Duration.ofSeconds(60))
            .build();
    private final Map<String, SdkAutoCloseable> clients = new ConcurrentHashMap<>();

    AwsSdk(String endpoint, boolean retries) {
        this.endpoint = URI.create(endpoint);
        this.retries = retries;
    }

    IamClient iam() {
        return client("iam", "aws-global", () -> IamClient.builder().region(Region.AWS_GLOBAL)
                .credentialsProvider(CREDENTIALS).endpointOverride(endpoint).httpClient(http)
                .overrideConfiguration(override()).build());
    }

    S3Client s3(String region) {
        return client("s3", region, () -> S3Client.builder().region(Region.of(region)).forcePathStyle(true)
                .credentialsProvider(CREDENTIALS).endpointOverride(endpoint).httpClient(http)
                .overrideConfiguration(override()).build());
    }

    Ec2Client ec2(String region) {
        return client("ec2", region, () -> Ec2Client.builder().region(Region.of(region))
                .credentialsProvider(CREDENTIALS).endpointOverride(endpoint).httpClient(http)
                .overrideConfiguration(override()).build());
    }

    private ClientOverrideConfiguration override() {
        ClientOverrideConfiguration.Builder builder = ClientOverrideConfiguration.builder()
                .apiCallTimeout(Duration.ofMinutes(2));
        if (!retries) {
            builder.retryStrategy(AwsRetryStrategy.doNotRetry());
        }
        return builder.build();
    }

    @SuppressWarnings("unchecked")
    private <C extends SdkAutoCloseable> C client(String service, String region, java.util.function.Supplier<C> build) {
        return (C) clients.computeIfAbsent(service + "/" + region, key -> build.get());
    }

    @Override
    public void close() {
        clients.values().forEach(SdkAutoCloseable::close);
        clients.clear();
        http.close();
    }
}
