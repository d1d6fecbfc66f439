package dev.evidentry.aws;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
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
import software.amazon.awssdk.utils.SdkAutoCloseable;

/** SDK clients that seed moto, with the same static credentials the provider finds in the system properties. */
final class SeedClients implements AutoCloseable {

    private final URI endpoint;
    private final SdkHttpClient http = UrlConnectionHttpClient.create();
    private final StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsSessionCredentials.create(
            TestAwsEnvironment.ACCESS_KEY_ID, TestAwsEnvironment.SECRET_ACCESS_KEY, TestAwsEnvironment.SESSION_TOKEN));
    private final Map<String, SdkAutoCloseable> regional = new ConcurrentHashMap<>();

    final IamClient iam;
    final KmsClient kms;
    final S3Client s3UsEast1;
    final S3Client s3EuWest1;
    final S3ControlClient s3Control;

    SeedClients(String endpoint) {
        this.endpoint = URI.create(endpoint);
        this.iam = IamClient.builder().endpointOverride(this.endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(http).build();
        this.kms = kms(Region.EU_WEST_1);
        this.s3UsEast1 = s3(Region.US_EAST_1);
        this.s3EuWest1 = s3(Region.EU_WEST_1);
        this.s3Control = S3ControlClient.builder().endpointOverride(this.endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(http)
                .endpointProvider(AwsClients.withoutAccountHost(this.endpoint))
                .build();
    }

    Ec2Client ec2(Region region) {
        return regional("ec2", region, r -> build(Ec2Client.builder(), r));
    }

    KmsClient kms(Region region) {
        return regional("kms", region, r -> build(KmsClient.builder(), r));
    }

    RdsClient rds(Region region) {
        return regional("rds", region, r -> build(RdsClient.builder(), r));
    }

    DynamoDbClient dynamoDb(Region region) {
        return regional("dynamodb", region, r -> build(DynamoDbClient.builder(), r));
    }

    CloudTrailClient cloudTrail(Region region) {
        return regional("cloudtrail", region, r -> build(CloudTrailClient.builder(), r));
    }

    GuardDutyClient guardDuty(Region region) {
        return regional("guardduty", region, r -> build(GuardDutyClient.builder(), r));
    }

    ConfigClient config(Region region) {
        return regional("config", region, r -> build(ConfigClient.builder(), r));
    }

    S3Client s3(Region region) {
        return regional("s3", region, r -> S3Client.builder().endpointOverride(endpoint).region(r)
                .forcePathStyle(true).credentialsProvider(credentials).httpClient(http).build());
    }

    @SuppressWarnings("unchecked")
    private <C extends SdkAutoCloseable> C regional(String service, Region region, Function<Region, C> build) {
        return (C) regional.computeIfAbsent(service + "/" + region.id(), key -> build.apply(region));
    }

    @SuppressWarnings("unchecked")
    private <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C build(B builder, Region region) {
        return builder.endpointOverride(endpoint).region(region).credentialsProvider(credentials).httpClient(http)
                .build();
    }

    @Override
    public void close() {
        iam.close();
        s3Control.close();
        regional.values().forEach(SdkAutoCloseable::close);
        http.close();
    }
}
