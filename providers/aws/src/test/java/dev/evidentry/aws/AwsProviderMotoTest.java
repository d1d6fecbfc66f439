package dev.evidentry.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.DataStoreEncryption;
import dev.evidentry.spi.fact.EncryptionAtRest;
import dev.evidentry.spi.fact.HumanIdentity;
import dev.evidentry.spi.fact.MfaMethod;
import dev.evidentry.spi.fact.MfaState;
import dev.evidentry.spi.fact.aws.AwsIamUser;
import dev.evidentry.spi.fact.aws.AwsPasswordPolicy;
import dev.evidentry.spi.fact.aws.AwsRootAccount;
import dev.evidentry.spi.fact.aws.AwsS3AccountPublicAccessBlock;
import dev.evidentry.spi.fact.aws.AwsS3Bucket;
import dev.evidentry.spi.fact.aws.AwsS3BucketAcl;
import dev.evidentry.spi.fact.aws.AwsS3BucketLogging;
import dev.evidentry.spi.fact.aws.AwsS3BucketPublicAccessBlock;
import dev.evidentry.spi.fact.aws.AwsS3BucketVersioning;
import dev.evidentry.spi.fact.aws.PublicAccessBlockSettings;
import dev.evidentry.testkit.CollectionResult;
import dev.evidentry.testkit.MotoServer;
import dev.evidentry.testkit.ProviderTestKit;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.model.CreateVirtualMfaDeviceResponse;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The provider, loaded through ServiceLoader, against moto seeded through the SDK: the exact facts of a known estate.
 */
class AwsProviderMotoTest {

    private static final String ACCOUNT = "123456789012";

    @RegisterExtension
    static final AwsMotoFixture fixture = new AwsMotoFixture();
    private static final MotoServer moto = fixture.moto();
    private static final SeedClients seed = fixture.seed();

    private CollectionResult collect() {
        return fixture.collect();
    }

    @Test
    void readsEveryIamUserWithCredentialsAndMfa() {
        seedUsers();

        CollectionResult result = collect();

        AwsRegionalMotoTest.assertOnlySsmIsUnimplemented(result, "us-east-1", "eu-west-1");
        Map<String, AwsIamUser> users = byName(result.facts(AwsIamUser.class), AwsIamUser::userName);
        assertThat(users).containsOnlyKeys("alice", "bob", "carol", "dave", "erin");
        assertThat(users.values()).extracting(AwsIamUser::userName, AwsIamUser::passwordEnabled,
                        AwsIamUser::mfaActive, user -> user.accessKeys().size(), user -> user.activeAccessKeys().size())
                .containsExactlyInAnyOrder(
                        tuple("alice", true, true, 1, 1),
                        tuple("bob", true, false, 2, 2),
                        tuple("carol", false, false, 0, 0),
                        tuple("dave", true, true, 0, 0),
                        tuple("erin", false, true, 0, 0));
        assertThat(users.get("bob").accessKeys()).extracting(AwsIamUser.AccessKey::slot, AwsIamUser.AccessKey::active,
                key -> key.lastUsedIfAny().isPresent()).containsExactly(tuple(1, true, false), tuple(2, true, false));
        assertThat(users.get("alice").resource()).isEqualTo(ResourceRef.global("aws", ACCOUNT, "aws.iam.user",
                "arn:aws:iam::" + ACCOUNT + ":user/alice", "alice"));
        assertThat(users.get("alice").passwordLastUsedIfAny()).isEmpty();

        Map<String, HumanIdentity> people = byName(result.facts(HumanIdentity.class), HumanIdentity::login);
        assertThat(people.values()).extracting(HumanIdentity::login, HumanIdentity::active,
                        HumanIdentity::interactiveSignIn, HumanIdentity::mfa, HumanIdentity::strongestMethod)
                .containsExactlyInAnyOrder(
                        tuple("alice", true, true, MfaState.ENROLLED, MfaMethod.AUTHENTICATOR_APP),
                        tuple("bob", true, true, MfaState.NONE, MfaMethod.NONE),
                        tuple("carol", true, false, MfaState.NONE, MfaMethod.NONE),
                        tuple("dave", true, true, MfaState.ENROLLED, MfaMethod.HARDWARE_TOKEN),
                        tuple("erin", true, false, MfaState.ENROLLED, MfaMethod.SECURITY_KEY));

        // One credential report backs every user; MFA facts also rest on the device listing they came from.
        EvidenceId report = users.get("carol").evidence().get(0);
        assertThat(users.values()).allSatisfy(user -> assertThat(user.evidence()).containsExactly(report));
        assertThat(people.get("carol").evidence()).containsExactly(report);
        assertThat(people.get("alice").evidence()).hasSize(2).startsWith(report);
        assertThat(result.evidenceJson(people.get("alice").evidence().get(1))).contains("ListVirtualMFADevices");
        assertThat(result.evidenceJson(people.get("dave").evidence().get(1)))
                .contains("ListMFADevices").contains("\"UserName\" : \"dave\"");
        assertThat(result.evidenceJson(report)).contains("\"operation\" : \"GetCredentialReport\"")
                .contains("\"service\" : \"iam\"").contains("\"statusCode\" : 200");

        assertThat(result.facts(AwsRootAccount.class)).singleElement().satisfies(root -> {
            assertThat(root.resource()).isEqualTo(ResourceRef.global("aws", ACCOUNT, "aws.iam.root-user",
                    "arn:aws:iam::" + ACCOUNT + ":root", "root"));
            assertThat(root.mfaEnabled()).isFalse(); // moto cannot turn root MFA on; WireMock shows the other side
            assertThat(root.accessKeysPresent()).isFalse();
        });
    }

    @Test
    void readsThePasswordPolicyAndAccountBlockWhenSet() {
        seed.iam.updateAccountPasswordPolicy(b -> b.minimumPasswordLength(14).requireSymbols(true)
                .requireNumbers(true).requireUppercaseCharacters(true).requireLowercaseCharacters(true)
                .passwordReusePrevention(24).maxPasswordAge(90));
        seed.s3Control.putPublicAccessBlock(b -> b.accountId(ACCOUNT).publicAccessBlockConfiguration(c -> c
                .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true)));

        CollectionResult result = collect();

        AwsRegionalMotoTest.assertOnlySsmIsUnimplemented(result, "us-east-1", "eu-west-1");
        ResourceRef account = ResourceRef.global("aws", ACCOUNT, "aws.account", ACCOUNT, ACCOUNT);
        assertThat(result.facts(AwsPasswordPolicy.class)).singleElement().satisfies(policy -> {
            assertThat(policy.resource()).isEqualTo(account);
            assertThat(policy).extracting(AwsPasswordPolicy::present, AwsPasswordPolicy::minimumLength,
                            AwsPasswordPolicy::requireSymbols, AwsPasswordPolicy::requireNumbers,
                            AwsPasswordPolicy::requireUppercase, AwsPasswordPolicy::requireLowercase,
                            AwsPasswordPolicy::reusePrevention, AwsPasswordPolicy::maxAgeDays)
                    .containsExactly(true, 14, true, true, true, true, 24, 90);
        });
        assertThat(result.facts(AwsS3AccountPublicAccessBlock.class)).singleElement().satisfies(block -> {
            assertThat(block.resource()).isEqualTo(account);
            assertThat(block.settings()).isEqualTo(new PublicAccessBlockSettings(true, true, true, true, true));
        });
    }

    @Test
    void anAccountWithoutPolicyOrBlockHasFactsSayingSo() {
        CollectionResult result = collect();

        AwsRegionalMotoTest.assertOnlySsmIsUnimplemented(result, "us-east-1", "eu-west-1");
        assertThat(result.facts(AwsPasswordPolicy.class)).singleElement()
                .satisfies(policy -> assertThat(policy.present()).isFalse());
        assertThat(result.facts(AwsS3AccountPublicAccessBlock.class)).singleElement()
                .satisfies(block -> assertThat(block.settings()).isEqualTo(PublicAccessBlockSettings.NONE));
        assertThat(result.facts(AwsS3Bucket.class)).isEmpty();
        assertThat(result.facts(AwsIamUser.class)).isEmpty();
        // Absence is proven by the error answer it was read from.
        EvidenceId noPolicy = result.facts(AwsPasswordPolicy.class).get(0).evidence().get(0);
        assertThat(result.evidenceJson(noPolicy)).contains("NoSuchEntity").contains("\"statusCode\" : 404");
    }

    @Test
    void readsEveryBucketInItsOwnRegion() {
        String kmsKey = seed.kms.createKey(b -> b.description("evidentry test key")).keyMetadata().arn();
        seedBuckets(kmsKey);

        CollectionResult result = collect();

        AwsRegionalMotoTest.assertOnlySsmIsUnimplemented(result, "us-east-1", "eu-west-1");
        assertThat(result.facts(AwsS3Bucket.class)).extracting(bucket -> bucket.resource().name(),
                        bucket -> bucket.resource().region(), bucket -> bucket.resource().nativeId())
                .containsExactlyInAnyOrder(
                        tuple("plain", "us-east-1", "arn:aws:s3:::plain"),
                        tuple("public", "us-east-1", "arn:aws:s3:::public"),
                        tuple("logs", "eu-west-1", "arn:aws:s3:::logs"),
                        tuple("sse-s3", "eu-west-1", "arn:aws:s3:::sse-s3"),
                        tuple("sse-kms", "eu-west-1", "arn:aws:s3:::sse-kms"),
                        tuple("aws-managed-kms", "eu-west-1", "arn:aws:s3:::aws-managed-kms"));

        assertThat(byBucket(result.facts(DataStoreEncryption.class)).values())
                .extracting(f -> f.resource().name(), DataStoreEncryption::encryption, DataStoreEncryption::keyId,
                        DataStoreEncryption::detail)
                .containsExactlyInAnyOrder(
                        tuple("plain", EncryptionAtRest.NONE, "", "ServerSideEncryptionConfigurationNotFoundError"),
                        tuple("public", EncryptionAtRest.NONE, "", "ServerSideEncryptionConfigurationNotFoundError"),
                        tuple("logs", EncryptionAtRest.NONE, "", "ServerSideEncryptionConfigurationNotFoundError"),
                        tuple("sse-s3", EncryptionAtRest.PROVIDER_KEY, "", "AES256"),
                        tuple("sse-kms", EncryptionAtRest.CUSTOMER_KEY, kmsKey, "aws:kms"),
                        tuple("aws-managed-kms", EncryptionAtRest.PROVIDER_KEY, "", "aws:kms"));

        Map<String, AwsS3BucketPublicAccessBlock> blocks = byBucket(result.facts(AwsS3BucketPublicAccessBlock.class));
        assertThat(blocks.get("sse-s3").settings()).isEqualTo(new PublicAccessBlockSettings(true, true, true, true,
                true));
        assertThat(blocks.get("sse-kms").settings()).isEqualTo(new PublicAccessBlockSettings(true, true, false, true,
                false));
        assertThat(blocks.get("plain").settings()).isEqualTo(PublicAccessBlockSettings.NONE);
        assertThat(blocks).hasSize(6);

        Map<String, AwsS3BucketAcl> acls = byBucket(result.facts(AwsS3BucketAcl.class));
        assertThat(acls.get("public").publicGrants()).containsExactly("AllUsers:READ");
        assertThat(acls.get("plain").publicGrants()).isEmpty();
        assertThat(acls.get("logs").publicGrants()).isEmpty(); // log delivery is not the public
        assertThat(acls).hasSize(6);

        Map<String, AwsS3BucketVersioning> versioning = byBucket(result.facts(AwsS3BucketVersioning.class));
        assertThat(versioning.get("sse-s3").status()).isEqualTo("Enabled");
        assertThat(versioning.get("sse-kms").status()).isEqualTo("Suspended");
        assertThat(versioning.get("plain").status()).isEmpty();
        assertThat(versioning.values()).noneMatch(AwsS3BucketVersioning::mfaDelete);

        Map<String, AwsS3BucketLogging> logging = byBucket(result.facts(AwsS3BucketLogging.class));
        assertThat(logging.get("sse-s3").targetBucket()).isEqualTo("logs");
        assertThat(logging.get("plain").enabled()).isFalse();
        assertThat(logging).hasSize(6);

        // Every per-bucket fact names its bucket's region, and rests on the call made for that bucket.
        DataStoreEncryption kms = byBucket(result.facts(DataStoreEncryption.class)).get("sse-kms");
        assertThat(kms.resource().region()).isEqualTo("eu-west-1");
        assertThat(result.evidenceJson(kms.evidence().get(0)))
                .contains("\"operation\" : \"GetBucketEncryption\"")
                .contains("\"region\" : \"eu-west-1\"")
                .contains("\"Bucket\" : \"sse-kms\"")
                .doesNotContainIgnoringCase("authorization")
                .doesNotContain(TestAwsEnvironment.ACCESS_KEY_ID);
    }

    @Test
    void noSecretReachesStoredEvidence() {
        seed.iam.createUser(b -> b.userName("mallory"));
        CreateVirtualMfaDeviceResponse created = seed.iam.createVirtualMFADevice(b -> b.virtualMFADeviceName("m"));
        VirtualMFADevice device = created.virtualMFADevice();
        seed.iam.enableMFADevice(b -> b.userName("mallory").serialNumber(device.serialNumber())
                .authenticationCode1("123456").authenticationCode2("654321"));
        String seedBase64 = Base64.getEncoder().encodeToString(device.base32StringSeed().asByteArray());
        String seedText = device.base32StringSeed().asUtf8String();
        String qrBase64 = Base64.getEncoder().encodeToString(device.qrCodePNG().asByteArray());

        CollectionResult result = collect();

        String stored = result.allStoredText();
        assertThat(stored).contains("ListVirtualMFADevices").contains("Base32StringSeed");
        assertThat(stored)
                .doesNotContain(seedBase64)
                .doesNotContain(seedText)
                .doesNotContain(qrBase64)
                .doesNotContain(TestAwsEnvironment.SECRET_ACCESS_KEY)
                .doesNotContain(TestAwsEnvironment.SESSION_TOKEN)
                .doesNotContainIgnoringCase("x-amz-security-token")
                .doesNotContainIgnoringCase("AWS4-HMAC-SHA256");
        assertThat(result.issues()).allSatisfy(issue -> assertThat(issue.message())
                .doesNotContain(TestAwsEnvironment.SECRET_ACCESS_KEY).doesNotContain(TestAwsEnvironment.SESSION_TOKEN));
        assertThat(result.facts(HumanIdentity.class)).singleElement()
                .satisfies(person -> assertThat(person.strongestMethod()).isEqualTo(MfaMethod.AUTHENTICATOR_APP));
    }

    @Test
    void withoutTheRegionsOptionAsksEc2AndKeepsThePartition() {
        CollectionResult result = ProviderTestKit.load("aws").collect(Map.of(
                "endpoint-url", moto.endpoint(), "max-attempts", "1"));

        // Every region of the aws partition moto lists is scanned; in each, only SSM (not implemented) fails.
        assertThat(result.issues()).isNotEmpty().allSatisfy(issue -> {
            assertThat(issue.operation()).isEqualTo("ssm:DescribeInstanceInformation");
            assertThat(issue.region()).doesNotStartWith("cn-").doesNotStartWith("us-gov-");
        });
        assertThat(result.issues()).extracting(issue -> issue.region()).contains("us-east-1", "eu-west-1", "ap-south-1");
        assertThat(result.allStoredText()).contains("DescribeRegions");
        assertThat(result.facts(AwsRootAccount.class)).hasSize(1);
    }

    private static void seedUsers() {
        seed.iam.createUser(b -> b.userName("alice"));
        seed.iam.createLoginProfile(b -> b.userName("alice").password("Alice-Password-1!"));
        String serial = seed.iam.createVirtualMFADevice(b -> b.virtualMFADeviceName("alice")).virtualMFADevice()
                .serialNumber();
        seed.iam.enableMFADevice(b -> b.userName("alice").serialNumber(serial).authenticationCode1("123456")
                .authenticationCode2("654321"));
        seed.iam.createAccessKey(b -> b.userName("alice"));

        seed.iam.createUser(b -> b.userName("bob"));
        seed.iam.createLoginProfile(b -> b.userName("bob").password("Bob-Password-1!"));
        seed.iam.createAccessKey(b -> b.userName("bob"));
        seed.iam.createAccessKey(b -> b.userName("bob"));

        seed.iam.createUser(b -> b.userName("carol"));

        seed.iam.createUser(b -> b.userName("dave"));
        seed.iam.createLoginProfile(b -> b.userName("dave").password("Dave-Password-1!"));
        seed.iam.enableMFADevice(b -> b.userName("dave").serialNumber("GAHT12345678")
                .authenticationCode1("123456").authenticationCode2("654321"));

        seed.iam.createUser(b -> b.userName("erin"));
        seed.iam.enableMFADevice(b -> b.userName("erin")
                .serialNumber("arn:aws:iam::" + ACCOUNT + ":u2f/user/erin/fidosecuritykey-ABCDEFGHIJKLMNOP")
                .authenticationCode1("123456").authenticationCode2("654321"));
    }

    private static void seedBuckets(String kmsKey) {
        seed.s3UsEast1.createBucket(b -> b.bucket("plain"));
        seed.s3UsEast1.createBucket(b -> b.bucket("public").acl(BucketCannedACL.PUBLIC_READ));
        for (String name : List.of("logs", "sse-s3", "sse-kms", "aws-managed-kms")) {
            seed.s3EuWest1.createBucket(b -> b.bucket(name).acl(name.equals("logs") ? "log-delivery-write" : null)
                    .createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.EU_WEST_1)));
        }
        seed.s3EuWest1.putBucketEncryption(b -> b.bucket("sse-s3").serverSideEncryptionConfiguration(c -> c
                .rules(r -> r.applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256)))));
        seed.s3EuWest1.putBucketEncryption(b -> b.bucket("sse-kms").serverSideEncryptionConfiguration(c -> c
                .rules(r -> r.applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AWS_KMS)
                        .kmsMasterKeyID(kmsKey)))));
        seed.s3EuWest1.putBucketEncryption(b -> b.bucket("aws-managed-kms").serverSideEncryptionConfiguration(c -> c
                .rules(r -> r.applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AWS_KMS)))));
        seed.s3EuWest1.putPublicAccessBlock(b -> b.bucket("sse-s3").publicAccessBlockConfiguration(c -> c
                .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true)));
        seed.s3EuWest1.putPublicAccessBlock(b -> b.bucket("sse-kms").publicAccessBlockConfiguration(c -> c
                .blockPublicAcls(true).ignorePublicAcls(false).blockPublicPolicy(true).restrictPublicBuckets(false)));
        seed.s3EuWest1.putBucketVersioning(b -> b.bucket("sse-s3")
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        seed.s3EuWest1.putBucketVersioning(b -> b.bucket("sse-kms")
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        seed.s3EuWest1.putBucketVersioning(b -> b.bucket("sse-kms")
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.SUSPENDED)));
        seed.s3EuWest1.putBucketLogging(b -> b.bucket("sse-s3").bucketLoggingStatus(l -> l
                .loggingEnabled(e -> e.targetBucket("logs").targetPrefix("sse-s3/"))));
    }

    private static <F extends Fact> Map<String, F> byBucket(List<F> facts) {
        return byName(facts, fact -> fact.resource().name());
    }

    private static <F> Map<String, F> byName(List<F> facts, Function<F, String> name) {
        return facts.stream().sorted(Comparator.comparing(name)).collect(Collectors.toMap(name, f -> f));
    }
}
