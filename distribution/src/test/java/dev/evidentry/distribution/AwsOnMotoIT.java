package dev.evidentry.distribution;

import static dev.evidentry.distribution.Distribution.finding;
import static dev.evidentry.distribution.Distribution.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evidentry.testkit.MotoServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.Owner;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.Type;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.s3control.endpoints.S3ControlEndpointProvider;

/**
 * The whole scanner (layout, plugin class loader, AWS SDK, checks, bundle) against moto, seeded through the SDK: for
 * every check moto can represent, a resource that passes and one that fails. Root MFA and credential ages, which moto
 * cannot show, are covered by the AWS provider's WireMock tests and by {@link DemoIT}.
 */
class AwsOnMotoIT {

    private static final String ACCOUNT = "123456789012";
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));

    private static MotoServer moto;

    @TempDir
    Path workspace;

    @BeforeAll
    static void startMoto() {
        moto = MotoServer.start();
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        System.setProperty("aws.region", "us-east-1");
    }

    @AfterAll
    static void stopMoto() {
        moto.close();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        System.clearProperty("aws.region");
    }

    @BeforeEach
    void reset() {
        moto.reset();
    }

    @Test
    void aWellKeptAccountPassesEveryCheckMotoCanShow() {
        try (IamClient iam = iam(); S3Client s3 = s3(); KmsClient kms = kms(); S3ControlClient control = s3control()) {
            iam.updateAccountPasswordPolicy(policy -> policy.minimumPasswordLength(16).requireSymbols(true)
                    .requireNumbers(true).requireUppercaseCharacters(true).requireLowercaseCharacters(true)
                    .passwordReusePrevention(24).maxPasswordAge(90));
            iam.createUser(user -> user.userName("alice"));
            iam.createLoginProfile(profile -> profile.userName("alice").password("Correct-Horse-9-Battery"));
            String serial = iam.createVirtualMFADevice(device -> device.virtualMFADeviceName("alice"))
                    .virtualMFADevice().serialNumber();
            iam.enableMFADevice(mfa -> mfa.userName("alice").serialNumber(serial)
                    .authenticationCode1("123456").authenticationCode2("654321"));
            iam.createAccessKey(key -> key.userName("alice"));
            iam.createUser(user -> user.userName("reporting-service"));
            iam.createAccessKey(key -> key.userName("reporting-service"));

            String keyId = kms.createKey(key -> key.description("evidentry test")).keyMetadata().keyId();
            s3.createBucket(bucket -> bucket.bucket("kept-logs"));
            s3.createBucket(bucket -> bucket.bucket("kept-data"));
            s3.putBucketEncryption(encryption -> encryption.bucket("kept-logs").serverSideEncryptionConfiguration(
                    config -> config.rules(rule -> rule.applyServerSideEncryptionByDefault(
                            sse -> sse.sseAlgorithm(ServerSideEncryption.AES256)))));
            s3.putBucketEncryption(encryption -> encryption.bucket("kept-data").serverSideEncryptionConfiguration(
                    config -> config.rules(rule -> rule.applyServerSideEncryptionByDefault(
                            sse -> sse.sseAlgorithm(ServerSideEncryption.AWS_KMS).kmsMasterKeyID(keyId)))));
            for (String bucket : List.of("kept-logs", "kept-data")) {
                s3.putPublicAccessBlock(block -> block.bucket(bucket).publicAccessBlockConfiguration(config -> config
                        .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true)
                        .restrictPublicBuckets(true)));
                s3.putBucketVersioning(versioning -> versioning.bucket(bucket)
                        .versioningConfiguration(config -> config.status(BucketVersioningStatus.ENABLED)));
            }
            grantToGroup(s3, "kept-logs", "http://acs.amazonaws.com/groups/s3/LogDelivery", Permission.WRITE,
                    Permission.READ_ACP);
            s3.putBucketLogging(logging -> logging.bucket("kept-data").bucketLoggingStatus(
                    status -> status.loggingEnabled(enabled -> enabled.targetBucket("kept-logs")
                            .targetPrefix("kept-data/"))));
            s3.putBucketLogging(logging -> logging.bucket("kept-logs").bucketLoggingStatus(
                    status -> status.loggingEnabled(enabled -> enabled.targetBucket("kept-logs")
                            .targetPrefix("self/"))));
            s3.putObject(object -> object.bucket("kept-data").key("report.csv"), RequestBody.fromString("a,b\n"));
            control.putPublicAccessBlock(block -> block.accountId(ACCOUNT).publicAccessBlockConfiguration(config ->
                    config.blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true)
                            .restrictPublicBuckets(true)));
        }

        Path bundle = workspace.resolve("bundle");
        Distribution.Run run = scan(bundle);
        List<JsonNode> findings = Distribution.findings(bundle);

        assertThat(outcome(findings, "identity.mfa.interactive-users", user("alice"))).isEqualTo("PASS");
        assertThat(outcome(findings, "identity.mfa.interactive-users", user("reporting-service")))
                .isEqualTo("NOT_APPLICABLE");
        assertThat(outcome(findings, "aws.iam.root-no-access-keys", root())).isEqualTo("PASS");
        assertThat(outcome(findings, "aws.iam.single-active-access-key", user("alice"))).isEqualTo("PASS");
        assertThat(outcome(findings, "aws.iam.access-key-rotation", user("alice"))).isEqualTo("PASS");
        assertThat(outcome(findings, "aws.iam.unused-credentials", user("alice"))).isEqualTo("PASS");
        assertThat(outcome(findings, "aws.iam.password-policy", ACCOUNT)).isEqualTo("PASS");
        assertThat(outcome(findings, "encryption.datastore.at-rest", bucket("kept-logs"))).isEqualTo("PASS");
        assertThat(outcome(findings, "encryption.datastore.at-rest", bucket("kept-data"))).isEqualTo("PASS");
        assertThat(finding(findings, "encryption.datastore.at-rest", bucket("kept-data")).path("message").asText())
                .containsIgnoringCase("customer");
        assertThat(outcome(findings, "aws.s3.account-public-access-block", ACCOUNT)).isEqualTo("PASS");
        assertThat(outcome(findings, "aws.s3.bucket-public-access-block", bucket("kept-data"))).isEqualTo("PASS");
        assertThat(outcome(findings, "aws.s3.no-public-acl", bucket("kept-logs"))).isEqualTo("PASS");
        assertThat(outcome(findings, "aws.s3.versioning", bucket("kept-data"))).isEqualTo("PASS");
        assertThat(outcome(findings, "aws.s3.access-logging", bucket("kept-data"))).isEqualTo("PASS");
        // moto reports AccountMFAEnabled=0 whatever is done, so root MFA is the one failure left.
        assertThat(findings.stream().filter(node -> node.path("outcome").asText().equals("FAIL"))
                .map(node -> node.path("checkId").asText())).containsExactly("aws.iam.root-mfa");
        assertThat(findings).noneMatch(node -> node.path("outcome").asText().equals("ERROR"));
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void aNeglectedAccountFailsEveryCheckMotoCanShow() {
        try (IamClient iam = iam(); S3Client s3 = s3()) {
            iam.createUser(user -> user.userName("bob"));
            iam.createLoginProfile(profile -> profile.userName("bob").password("password1"));
            iam.createAccessKey(key -> key.userName("bob"));
            iam.createAccessKey(key -> key.userName("bob"));
            s3.createBucket(bucket -> bucket.bucket("open-bucket"));
            grantToGroup(s3, "open-bucket", "http://acs.amazonaws.com/groups/global/AllUsers", Permission.READ);
        }

        Path bundle = workspace.resolve("bundle");
        Distribution.Run run = scan(bundle);
        List<JsonNode> findings = Distribution.findings(bundle);

        assertThat(outcome(findings, "identity.mfa.interactive-users", user("bob"))).isEqualTo("FAIL");
        assertThat(outcome(findings, "aws.iam.root-mfa", root())).isEqualTo("FAIL");
        assertThat(outcome(findings, "aws.iam.single-active-access-key", user("bob"))).isEqualTo("FAIL");
        assertThat(outcome(findings, "aws.iam.password-policy", ACCOUNT)).isEqualTo("FAIL");
        assertThat(outcome(findings, "encryption.datastore.at-rest", bucket("open-bucket"))).isEqualTo("FAIL");
        assertThat(outcome(findings, "aws.s3.account-public-access-block", ACCOUNT)).isEqualTo("FAIL");
        assertThat(outcome(findings, "aws.s3.bucket-public-access-block", bucket("open-bucket"))).isEqualTo("FAIL");
        assertThat(outcome(findings, "aws.s3.no-public-acl", bucket("open-bucket"))).isEqualTo("FAIL");
        assertThat(outcome(findings, "aws.s3.versioning", bucket("open-bucket"))).isEqualTo("FAIL");
        assertThat(outcome(findings, "aws.s3.access-logging", bucket("open-bucket"))).isEqualTo("FAIL");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(Distribution.run("verify", bundle.toString()).exitCode()).isZero();
    }

    /** Adds grants to a group; a policy body rather than a canned-ACL header, which moto answers with 411. */
    private static void grantToGroup(S3Client s3, String bucket, String groupUri, Permission... permissions) {
        Owner owner = s3.getBucketAcl(acl -> acl.bucket(bucket)).owner();
        List<Grant> grants = new java.util.ArrayList<>();
        grants.add(Grant.builder().grantee(grantee -> grantee.type(Type.CANONICAL_USER).id(owner.id()))
                .permission(Permission.FULL_CONTROL).build());
        for (Permission permission : permissions) {
            grants.add(Grant.builder().grantee(grantee -> grantee.type(Type.GROUP).uri(groupUri))
                    .permission(permission).build());
        }
        s3.putBucketAcl(acl -> acl.bucket(bucket).accessControlPolicy(policy -> policy.owner(owner).grants(grants)));
    }

    private static Distribution.Run scan(Path bundle) {
        Distribution.Run run = Distribution.run("scan", "--provider", "aws", "--endpoint-url", moto.endpoint(),
                "--region", "us-east-1", "--output", bundle.toString(), "--no-progress");
        assertThat(run.err()).as("stderr").doesNotContain("Exception");
        return run;
    }

    private static String user(String name) {
        return "arn:aws:iam::" + ACCOUNT + ":user/" + name;
    }

    private static String root() {
        return "arn:aws:iam::" + ACCOUNT + ":root";
    }

    private static String bucket(String name) {
        return "arn:aws:s3:::" + name;
    }

    private static IamClient iam() {
        return IamClient.builder().region(Region.AWS_GLOBAL).credentialsProvider(CREDENTIALS)
                .endpointOverride(URI.create(moto.endpoint())).httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static KmsClient kms() {
        return KmsClient.builder().region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
                .endpointOverride(URI.create(moto.endpoint())).httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static S3Client s3() {
        return S3Client.builder().region(Region.US_EAST_1).credentialsProvider(CREDENTIALS).forcePathStyle(true)
                .endpointOverride(URI.create(moto.endpoint())).httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** S3 Control's rules prefix the host with the account id; against moto the call must go to moto as given. */
    private static S3ControlClient s3control() {
        S3ControlEndpointProvider rules = S3ControlEndpointProvider.defaultProvider();
        return S3ControlClient.builder().region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
                .endpointOverride(URI.create(moto.endpoint())).httpClient(UrlConnectionHttpClient.create())
                .endpointProvider(params -> rules.resolveEndpoint(params).thenApply(resolved -> resolved.toBuilder()
                        .url(URI.create(moto.endpoint() + resolved.url().getRawPath())).build()))
                .build();
    }
}
