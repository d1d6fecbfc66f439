package dev.evidentry.aws;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3control.S3ControlClient;

/** SDK clients that seed moto, with the same static credentials the provider finds in the system properties. */
final class SeedClients implements AutoCloseable {

    private final URI endpoint;
    private final SdkHttpClient http = UrlConnectionHttpClient.create();
    private final StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsSessionCredentials.create(
            TestAwsEnvironment.ACCESS_KEY_ID, TestAwsEnvironment.SECRET_ACCESS_KEY, TestAwsEnvironment.SESSION_TOKEN));

    final IamClient iam;
    final KmsClient kms;
    final S3Client s3UsEast1;
    final S3Client s3EuWest1;
    final S3ControlClient s3Control;

    SeedClients(String endpoint) {
        this.endpoint = URI.create(endpoint);
        this.iam = IamClient.builder().endpointOverride(this.endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(http).build();
        this.kms = KmsClient.builder().endpointOverride(this.endpoint).region(Region.EU_WEST_1)
                .credentialsProvider(credentials).httpClient(http).build();
        this.s3UsEast1 = s3(Region.US_EAST_1);
        this.s3EuWest1 = s3(Region.EU_WEST_1);
        this.s3Control = S3ControlClient.builder().endpointOverride(this.endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(http)
                .endpointProvider(AwsClients.withoutAccountHost(this.endpoint))
                .build();
    }

    private S3Client s3(Region region) {
        return S3Client.builder().endpointOverride(endpoint).region(region).forcePathStyle(true)
                .credentialsProvider(credentials).httpClient(http).build();
    }

    @Override
    public void close() {
        iam.close();
        kms.close();
        s3UsEast1.close();
        s3EuWest1.close();
        s3Control.close();
        http.close();
    }
}
