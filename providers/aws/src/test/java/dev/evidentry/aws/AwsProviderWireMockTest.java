package dev.evidentry.aws;

import static dev.evidentry.aws.FakeAws.ACCOUNT;
import static dev.evidentry.aws.FakeAws.ALPHA;
import static dev.evidentry.aws.FakeAws.BETA;
import static dev.evidentry.aws.FakeAws.queried;
import static dev.evidentry.aws.FakeAws.s3ControlPublicAccessBlockRequested;
import static dev.evidentry.aws.FakeAws.s3ListBucketsRequested;
import static dev.evidentry.aws.FakeAws.s3Requested;
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
import dev.evidentry.spi.fact.aws.AwsIamUser.AccessKey;
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
import dev.evidentry.testkit.ProviderTestKit;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What moto cannot show, against WireMock answering like AWS: root MFA on, old keys and old sign-ins in the credential
 * report, pagination of buckets and virtual MFA devices, a bucket whose region ListBuckets does not give, and how many
 * requests each datum costs.
 */
class AwsProviderWireMockTest {

    @RegisterExtension
    static final AwsWireMockFixture fixture = new AwsWireMockFixture();

    private static final FakeAws aws = fixture.aws();

    @Test
    void readsTheRootAccountAndCredentialAgesFromTheReport() {
        CollectionResult result = fixture.collect();

        assertThat(result.issues()).isEmpty();
        assertThat(result.facts(AwsRootAccount.class)).singleElement().satisfies(root -> {
            assertThat(root.resource()).isEqualTo(ResourceRef.global("aws", ACCOUNT, "aws.iam.root-user",
                    "arn:aws:iam::" + ACCOUNT + ":root", "root"));
            assertThat(root.mfaEnabled()).isTrue();
            assertThat(root.accessKeysPresent()).isFalse();
        });

        Map<String, AwsIamUser> users = by(result.facts(AwsIamUser.class), AwsIamUser::userName);
        assertThat(users).containsOnlyKeys("alice", "old-timer", "erin", "ci-bot"); // not <root_account>
        AwsIamUser oldTimer = users.get("old-timer");
        assertThat(oldTimer.resource()).isEqualTo(ResourceRef.global("aws", ACCOUNT, "aws.iam.user",
                "arn:aws:iam::" + ACCOUNT + ":user/old-timer", "old-timer"));
        assertThat(oldTimer.createdAt()).isEqualTo(Instant.parse("2018-05-05T05:05:05Z"));
        assertThat(oldTimer.passwordEnabled()).isTrue();
        assertThat(oldTimer.passwordLastUsed()).isEqualTo(Instant.parse("2019-01-15T09:30:00Z"));
        assertThat(oldTimer.mfaActive()).isFalse();
        assertThat(oldTimer.accessKeys()).containsExactly(
                new AccessKey(1, true, Instant.parse("2018-05-05T05:06:00Z"), Instant.parse("2020-03-03T03:03:03Z")),
                new AccessKey(2, true, Instant.parse("2019-07-07T07:07:07Z"), null));
        assertThat(users.get("ci-bot").passwordEnabled()).isFalse();
        assertThat(users.get("ci-bot").accessKeys()).containsExactly(
                new AccessKey(1, false, Instant.parse("2024-04-04T04:05:00Z"), null));
        assertThat(users.get("erin").passwordLastUsed()).isNull(); // no_information
        assertThat(users.get("erin").accessKeys()).isEmpty();
        assertThat(users.get("alice").accessKeys()).containsExactly(
                new AccessKey(1, true, Instant.parse("2025-06-01T00:00:00Z"), Instant.parse("2025-12-30T10:00:00Z")));

        assertThat(result.facts(AwsPasswordPolicy.class)).singleElement().satisfies(policy ->
                assertThat(policy).extracting(AwsPasswordPolicy::present, AwsPasswordPolicy::minimumLength,
                                AwsPasswordPolicy::requireSymbols, AwsPasswordPolicy::requireNumbers,
                                AwsPasswordPolicy::requireUppercase, AwsPasswordPolicy::requireLowercase,
                                AwsPasswordPolicy::reusePrevention, AwsPasswordPolicy::maxAgeDays)
                        .containsExactly(true, 12, false, true, true, true, 12, 90));
    }

    @Test
    void namesEachUsersStrongestSecondFactorAndTheEvidenceForIt() {
        CollectionResult result = fixture.collect();

        Map<String, HumanIdentity> people = by(result.facts(HumanIdentity.class), HumanIdentity::login);
        assertThat(people.values()).extracting(HumanIdentity::login, HumanIdentity::interactiveSignIn,
                        HumanIdentity::mfa, HumanIdentity::strongestMethod)
                .containsExactlyInAnyOrder(
                        tuple("alice", true, MfaState.ENROLLED, MfaMethod.AUTHENTICATOR_APP),
                        tuple("old-timer", true, MfaState.NONE, MfaMethod.NONE),
                        tuple("erin", true, MfaState.ENROLLED, MfaMethod.SECURITY_KEY),
                        tuple("ci-bot", false, MfaState.NONE, MfaMethod.NONE));

        EvidenceId report = by(result.facts(AwsIamUser.class), AwsIamUser::userName).get("alice").evidence().get(0);
        assertThat(people.get("old-timer").evidence()).containsExactly(report);
        // alice's device is on the second page of ListVirtualMFADevices: that page, not the first, backs her fact.
        EvidenceId alicePage = people.get("alice").evidence().get(1);
        assertThat(people.get("alice").evidence()).containsExactly(report, alicePage);
        assertThat(result.evidenceJson(alicePage)).contains("mfa/alice").doesNotContain("mfa/zed")
                .contains("\"Marker\" : \"bWFya2VyLXBhZ2UtMg==\"");
        assertThat(result.evidenceJson(people.get("erin").evidence().get(1)))
                .contains("\"operation\" : \"ListMFADevices\"").contains("u2f/user/erin");
    }

    @Test
    void readsBucketsOverPagesEachInItsRegion() {
        CollectionResult result = fixture.collect();

        assertThat(result.issues()).isEmpty();
        Map<String, AwsS3Bucket> buckets = byResource(result.facts(AwsS3Bucket.class));
        assertThat(buckets.values()).extracting(Fact::resource).containsExactlyInAnyOrder(
                new ResourceRef("aws", ACCOUNT, "us-east-1", "aws.s3.bucket", "arn:aws:s3:::alpha-data", ALPHA),
                new ResourceRef("aws", ACCOUNT, "eu-west-1", "aws.s3.bucket", "arn:aws:s3:::beta-logs", BETA));
        // Each bucket rests on the page that named it; beta-logs, whose page gave no region, also on the listing
        // filtered by eu-west-1 that placed it there.
        EvidenceId firstPage = buckets.get(ALPHA).evidence().get(0);
        assertThat(buckets.get(ALPHA).evidence()).containsExactly(firstPage);
        assertThat(buckets.get(BETA).evidence()).hasSize(2).doesNotContain(firstPage);
        assertThat(result.evidenceJson(firstPage)).contains(ALPHA).doesNotContain(BETA);
        assertThat(result.evidenceJson(buckets.get(BETA).evidence().get(0)))
                .contains("\"ContinuationToken\" : \"dG9rZW4tcGFnZS0y\"").contains(BETA);
        assertThat(result.evidenceJson(buckets.get(BETA).evidence().get(1)))
                .contains("\"operation\" : \"ListBuckets\"").contains(BETA).doesNotContain(ALPHA)
                .contains("eu-west-1");

        assertThat(byResource(result.facts(DataStoreEncryption.class).stream()
                        .filter(fact -> fact.resource().type().equals("aws.s3.bucket")).toList()).values())
                .extracting(f -> f.resource().name(), f -> f.resource().region(), DataStoreEncryption::encryption,
                        DataStoreEncryption::keyId, DataStoreEncryption::detail)
                .containsExactlyInAnyOrder(
                        tuple(ALPHA, "us-east-1", EncryptionAtRest.CUSTOMER_KEY,
                                "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                                "aws:kms"),
                        tuple(BETA, "eu-west-1", EncryptionAtRest.NONE, "",
                                "ServerSideEncryptionConfigurationNotFoundError"));
        DataStoreEncryption none = byResource(result.facts(DataStoreEncryption.class)).get(BETA);
        assertThat(result.evidenceJson(none.evidence().get(0))).contains("\"statusCode\" : 404")
                .contains("\"region\" : \"eu-west-1\"").contains("\"Bucket\" : \"beta-logs\"");

        Map<String, AwsS3BucketPublicAccessBlock> blocks =
                byResource(result.facts(AwsS3BucketPublicAccessBlock.class));
        assertThat(blocks.get(ALPHA).settings()).isEqualTo(new PublicAccessBlockSettings(true, true, true, true,
                true));
        assertThat(blocks.get(BETA).settings()).isEqualTo(PublicAccessBlockSettings.NONE);

        Map<String, AwsS3BucketAcl> acls = byResource(result.facts(AwsS3BucketAcl.class));
        assertThat(acls.get(ALPHA).publicGrants()).isEmpty();
        assertThat(acls.get(BETA).publicGrants()).containsExactly("AllUsers:READ", "AuthenticatedUsers:READ_ACP");

        Map<String, AwsS3BucketVersioning> versioning = byResource(result.facts(AwsS3BucketVersioning.class));
        assertThat(versioning.get(ALPHA)).extracting(AwsS3BucketVersioning::status, AwsS3BucketVersioning::mfaDelete)
                .containsExactly("Enabled", true);
        assertThat(versioning.get(BETA)).extracting(AwsS3BucketVersioning::status, AwsS3BucketVersioning::mfaDelete)
                .containsExactly("", false);

        Map<String, AwsS3BucketLogging> logging = byResource(result.facts(AwsS3BucketLogging.class));
        assertThat(logging.get(ALPHA).targetBucket()).isEqualTo(BETA);
        assertThat(logging.get(BETA).enabled()).isFalse();

        assertThat(result.facts(AwsS3AccountPublicAccessBlock.class)).singleElement().satisfies(block -> {
            assertThat(block.resource()).isEqualTo(ResourceRef.global("aws", ACCOUNT, "aws.account", ACCOUNT,
                    ACCOUNT));
            assertThat(block.settings()).isEqualTo(new PublicAccessBlockSettings(true, true, true, true, false));
            assertThat(result.evidenceJson(block.evidence().get(0))).contains("\"AccountId\" : \"" + ACCOUNT + "\"")
                    .contains("\"service\" : \"s3control\"");
        });
    }

    @Test
    void fetchesEachDatumExactlyOnce() {
        fixture.collect();

        assertThat(aws.count(queried("GetCallerIdentity"))).isEqualTo(1);
        assertThat(aws.count(queried("DescribeRegions"))).isZero(); // the regions option was given
        assertThat(aws.count(queried("GenerateCredentialReport"))).isEqualTo(1);
        assertThat(aws.count(queried("GetCredentialReport"))).isEqualTo(1);
        assertThat(aws.count(queried("GetAccountSummary"))).isEqualTo(1);
        assertThat(aws.count(queried("GetAccountPasswordPolicy"))).isEqualTo(1);
        assertThat(aws.count(queried("ListVirtualMFADevices"))).isEqualTo(2); // two pages
        assertThat(aws.count(queried("ListMFADevices"))).isEqualTo(1); // erin only: alice has a virtual device
        assertThat(aws.count(queried("ListMFADevices").withFormParam("UserName",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("erin")))).isEqualTo(1);
        // Two pages, then (beta's region not given) one listing filtered by each region in scope: no per-bucket call.
        assertThat(aws.count(s3ListBucketsRequested())).isEqualTo(4);
        assertThat(aws.count(s3ListBucketsRequested().withQueryParam("bucket-region",
                com.github.tomakehurst.wiremock.client.WireMock.matching(".+")))).isEqualTo(2);
        assertThat(aws.count(s3Requested(ALPHA, "location"))).isZero();
        assertThat(aws.count(s3Requested(BETA, "location"))).isZero();
        for (String bucket : List.of(ALPHA, BETA)) {
            for (String call : List.of("encryption", "publicAccessBlock", "acl", "versioning", "logging")) {
                assertThat(aws.count(s3Requested(bucket, call))).as(bucket + "?" + call).isEqualTo(1);
            }
        }
        assertThat(aws.count(s3ControlPublicAccessBlockRequested())).isEqualTo(1);
        // IAM and S3 as counted above; the regional services' calls are counted in AwsRegionalCallCountTest.
        // STS, GenerateCredentialReport, GetCredentialReport, summary, policy, 2 virtual MFA pages, 1 ListMFADevices,
        // 2 ListBuckets pages + 2 region-filtered listings, 10 bucket details, S3 Control.
        assertThat(aws.server.getAllServeEvents()).hasSize(1 + 1 + 1 + 1 + 1 + 2 + 1 + 2 + 2 + 10 + 1
                + AwsRegionalCallCountTest.BASELINE_REGIONAL_CALLS);
    }

    @Test
    void withoutTheRegionsOptionAsksEc2Once() {
        CollectionResult result = ProviderTestKit.load("aws").collect(Map.of("endpoint-url", aws.endpoint(),
                "max-attempts", "2"));

        assertThat(result.issues()).isEmpty();
        assertThat(aws.count(queried("DescribeRegions"))).isEqualTo(1);
        assertThat(aws.server.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getBodyAsString().contains("Action=DescribeRegions"))
                .map(event -> event.getRequest().getBodyAsString()))
                .singleElement().satisfies(body -> assertThat(body).contains("opt-in-status")
                        .contains("opt-in-not-required").contains("opted-in"));
    }

    @Test
    void storesNoSecret() {
        CollectionResult result = fixture.collect();

        String stored = result.allStoredText();
        assertThat(stored).contains("ListVirtualMFADevices").contains("Base32StringSeed").contains("QRCodePNG");
        assertThat(stored)
                .doesNotContain("WkVEU0VDUkVUU0VFRFpFRFNFQ1JFVFNFRUQ=")
                .doesNotContain("QUxJQ0VTRUNSRVRTRUVEQUxJQ0VTRUNSRVQ=")
                .doesNotContain("iVBORw0KGgoAAAANSUhEUgZEDQRCODESECRET==")
                .doesNotContain("iVBORw0KGgoAAAANSUhEUgALICEQRCODESECRET==")
                .doesNotContain(TestAwsEnvironment.SECRET_ACCESS_KEY)
                .doesNotContain(TestAwsEnvironment.SESSION_TOKEN)
                .doesNotContainIgnoringCase("authorization")
                .doesNotContainIgnoringCase("x-amz-security-token");
        // The session token did reach AWS: it is the provider's output, not its input, that holds no secret.
        assertThat(aws.server.getAllServeEvents()).allSatisfy(event -> assertThat(
                event.getRequest().getHeader("X-Amz-Security-Token")).isEqualTo(TestAwsEnvironment.SESSION_TOKEN));
    }

    private static <F extends Fact> Map<String, F> byResource(List<F> facts) {
        return by(facts, fact -> fact.resource().name());
    }

    private static <F> Map<String, F> by(List<F> facts, Function<F, String> key) {
        return facts.stream().collect(Collectors.toMap(key, fact -> fact));
    }
}
