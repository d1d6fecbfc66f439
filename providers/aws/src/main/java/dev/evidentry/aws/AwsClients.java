package dev.evidentry.aws;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.CollectContext;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.s3control.S3ControlClientBuilder;
import software.amazon.awssdk.services.s3control.endpoints.S3ControlEndpointProvider;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Builds each SDK client once per service and region and keeps it for the scan. Every client shares one HTTP client
 * and one credentials provider, retries with exponential backoff and full jitter, has per-call and per-attempt
 * timeouts, and records every response through its own {@link EvidenceInterceptor}.
 *
 * <p>With an endpoint override (a local emulator) every client goes there; S3 uses path-style addressing and S3
 * Control does not prefix the host with the account id, so {@code 123456789012.127.0.0.1} is never looked up.
 */
final class AwsClients implements AutoCloseable {

    /** Delay before the first retry, doubled each attempt with full jitter, at most {@link #MAX_BACKOFF}. */
    static final Duration BASE_BACKOFF = Duration.ofMillis(100);
    static final Duration BASE_THROTTLING_BACKOFF = Duration.ofMillis(500);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(20);

    private final AwsOptions options;
    private final CollectContext context;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http;
    private final Map<String, SdkAutoCloseable> clients = new ConcurrentHashMap<>();

    AwsClients(AwsOptions options, CollectContext context, AwsCredentialsProvider credentials) {
        this.options = requireNonNull(options, "options is null");
        this.context = requireNonNull(context, "context is null");
        this.credentials = requireNonNull(credentials, "credentials is null");
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(options.apiCallTimeout().compareTo(Duration.ofSeconds(30)) < 0
                        ? options.apiCallTimeout() : Duration.ofSeconds(30))
                .build();
    }

    StsClient sts(Region region) {
        return client("sts", region, r -> configure(StsClient.builder(), "sts", r).build());
    }

    Ec2Client ec2(Region region) {
        return client("ec2", region, r -> configure(Ec2Client.builder(), "ec2", r).build());
    }

    RdsClient rds(Region region) {
        return client("rds", region, r -> configure(RdsClient.builder(), "rds", r).build());
    }

    KmsClient kms(Region region) {
        return client("kms", region, r -> configure(KmsClient.builder(), "kms", r).build());
    }

    DynamoDbClient dynamoDb(Region region) {
        return client("dynamodb", region, r -> configure(DynamoDbClient.builder(), "dynamodb", r).build());
    }

    CloudTrailClient cloudTrail(Region region) {
        return client("cloudtrail", region, r -> configure(CloudTrailClient.builder(), "cloudtrail", r).build());
    }

    GuardDutyClient guardDuty(Region region) {
        return client("guardduty", region, r -> configure(GuardDutyClient.builder(), "guardduty", r).build());
    }

    ConfigClient config(Region region) {
        return client("config", region, r -> configure(ConfigClient.builder(), "config", r).build());
    }

    SsmClient ssm(Region region) {
        return client("ssm", region, r -> configure(SsmClient.builder(), "ssm", r).build());
    }

    IamClient iam(Region region) {
        return client("iam", region, r -> configure(IamClient.builder(), "iam", r).build());
    }

    S3Client s3(Region region) {
        return client("s3", region, r -> configure(S3Client.builder(), "s3", r)
                .forcePathStyle(options.endpoint().isPresent())
                .build());
    }

    S3ControlClient s3Control(Region region) {
        return client("s3control", region, r -> {
            S3ControlClientBuilder builder = configure(S3ControlClient.builder(), "s3control", r);
            options.endpoint().ifPresent(endpoint -> builder.endpointProvider(withoutAccountHost(endpoint)));
            return builder.build();
        });
    }

    /**
     * S3 Control's endpoint rules put the account id in front of the host ({@code 123456789012.127.0.0.1}), whatever
     * the host-prefix setting says. Against an emulator the call must go to the endpoint as given: keep the rules'
     * path, headers and signing attributes, but send it to the override's scheme, host and port.
     */
    static S3ControlEndpointProvider withoutAccountHost(URI endpoint) {
        S3ControlEndpointProvider rules = S3ControlEndpointProvider.defaultProvider();
        return params -> rules.resolveEndpoint(params).thenApply(resolved -> {
            URI url = resolved.url();
            String path = url.getRawPath() == null ? "" : url.getRawPath();
            URI direct = URI.create(endpoint.getScheme() + "://" + endpoint.getRawAuthority() + path
                    + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
            return resolved.toBuilder().url(direct).build();
        });
    }

    @SuppressWarnings("unchecked")
    private <C extends SdkAutoCloseable> C client(String service, Region region, Function<Region, C> build) {
        return (C) clients.computeIfAbsent(service + "/" + region.id(), key -> build.apply(region));
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, String service, Region region) {
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(options.maxAttempts())
                        .backoffStrategy(BackoffStrategy.exponentialDelay(BASE_BACKOFF, MAX_BACKOFF))
                        .throttlingBackoffStrategy(
                                BackoffStrategy.exponentialDelay(BASE_THROTTLING_BACKOFF, MAX_BACKOFF))
                        .build())
                .apiCallTimeout(options.apiCallTimeout())
                .apiCallAttemptTimeout(options.apiCallAttemptTimeout())
                .addExecutionInterceptor(new EvidenceInterceptor(context, service, region.id()));
        if (options.endpoint().isPresent()) {
            override.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true);
            builder.endpointOverride(options.endpoint().get());
        }
        builder.region(region)
                .credentialsProvider(credentials)
                .overrideConfiguration(override.build());
        if (builder instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
            sync.httpClient(http);
        }
        return builder;
    }

    @Override
    public void close() {
        clients.values().forEach(SdkAutoCloseable::close);
        clients.clear();
        http.close();
    }
}
