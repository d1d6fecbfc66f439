package dev.evidentry.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static dev.evidentry.aws.FakeAws.ACCOUNT;
import static dev.evidentry.aws.FakeAws.ALPHA;
import static dev.evidentry.aws.FakeAws.BETA;
import static dev.evidentry.aws.FakeAws.error;
import static dev.evidentry.aws.FakeAws.query;
import static dev.evidentry.aws.FakeAws.queried;
import static dev.evidentry.aws.FakeAws.s3;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static dev.evidentry.aws.FakeAws.s3ListBuckets;
import static dev.evidentry.aws.FakeAws.s3Requested;
import static dev.evidentry.aws.FakeAws.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.DataStoreEncryption;
import dev.evidentry.spi.fact.HumanIdentity;
import dev.evidentry.spi.fact.MfaMethod;
import dev.evidentry.spi.fact.aws.AwsIamUser;
import dev.evidentry.spi.fact.aws.AwsPasswordPolicy;
import dev.evidentry.spi.fact.aws.AwsRootAccount;
import dev.evidentry.spi.fact.aws.AwsS3AccountPublicAccessBlock;
import dev.evidentry.spi.fact.aws.AwsS3Bucket;
import dev.evidentry.spi.fact.aws.AwsS3BucketAcl;
import dev.evidentry.spi.fact.aws.AwsS3BucketLogging;
import dev.evidentry.spi.fact.aws.AwsS3BucketVersioning;
import dev.evidentry.testkit.CollectionResult;
import dev.evidentry.testkit.ProviderTestKit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Denied, throttled, failing, slow and garbled answers: each gives a collection issue with the right cause, on the
 * right resource, for exactly the kinds it cost, and never a fact of those kinds.
 */
class AwsProviderFaultTest {

    private static final Pattern EVIDENCE = Pattern.compile("evidence ([0-9a-f]{64})");

    @RegisterExtension
    static final AwsWireMockFixture fixture = new AwsWireMockFixture();

    private static final FakeAws aws = fixture.aws();

    @Test
    void deniedEncryptionCostsThatBucketsEncryptionOnly() {
        aws.fault(s3(BETA, "encryption"), error(403, "s3/AccessDenied.xml"));

        CollectionResult result = fixture.collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.ACCESS_DENIED);
        assertThat(issue.operation()).isEqualTo("s3:GetBucketEncryption");
        assertThat(issue.factKinds()).containsExactly(DataStoreEncryption.KIND);
        assertThat(issue.resource()).isEqualTo(bucket(BETA, "eu-west-1"));
        assertThat(issue.region()).isEqualTo("eu-west-1");
        assertThat(issue.message()).startsWith("Access Denied (AccessDenied, HTTP 403")
                .doesNotContain("s3:GetBucketEncryption").doesNotContain("access denied:");
        assertThat(result.evidenceJson(evidenceIn(issue))).contains("<Code>AccessDenied</Code>");
        assertThat(names(buckets(result.facts(DataStoreEncryption.class)))).containsExactly(ALPHA);
        assertThat(names(result.facts(AwsS3BucketAcl.class))).containsExactlyInAnyOrder(ALPHA, BETA);
        assertThat(aws.count(s3Requested(BETA, "encryption"))).isEqualTo(1); // denied is not retried
    }

    @Test
    void deniedBucketListCostsEveryBucketKindButNotTheAccountBlock() {
        aws.fault(s3ListBuckets(), error(403, "s3/AccessDenied.xml"));

        CollectionResult result = fixture.collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.ACCESS_DENIED);
        assertThat(issue.operation()).isEqualTo("s3:ListBuckets");
        assertThat(issue.resource()).isNull();
        assertThat(issue.account()).isEqualTo(ACCOUNT);
        assertThat(issue.factKinds()).containsExactlyInAnyOrder(AwsS3Bucket.KIND, DataStoreEncryption.KIND,
                "aws.s3.bucket-public-access-block", AwsS3BucketAcl.KIND, AwsS3BucketVersioning.KIND,
                AwsS3BucketLogging.KIND);
        assertThat(result.facts()).noneMatch(fact -> fact.resource().type().equals("aws.s3.bucket"));
        assertThat(result.facts(AwsS3AccountPublicAccessBlock.class)).hasSize(1);
        assertThat(result.facts(AwsIamUser.class)).hasSize(4);
    }

    @Test
    void deniedCredentialReportCostsUsersAndIdentitiesOnly() {
        aws.fault(query("GenerateCredentialReport"), error(403, "iam/AccessDenied.xml"));

        CollectionResult result = fixture.collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.ACCESS_DENIED);
        assertThat(issue.operation()).isEqualTo("iam:GenerateCredentialReport");
        assertThat(issue.factKinds()).containsExactlyInAnyOrder(AwsIamUser.KIND, HumanIdentity.KIND);
        assertThat(issue.resource()).isNull();
        assertThat(result.facts(AwsIamUser.class)).isEmpty();
        assertThat(result.facts(HumanIdentity.class)).isEmpty();
        assertThat(result.facts(AwsRootAccount.class)).hasSize(1);
        assertThat(aws.count(queried("GetCredentialReport"))).isZero();
        assertThat(aws.count(queried("ListMFADevices"))).isZero();
    }

    @Test
    void throttlingPastTheRetriesIsThrottled() {
        aws.fault(query("GetAccountSummary"), error(400, "iam/Throttling.xml"));

        CollectionResult result = fixture.collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.THROTTLED);
        assertThat(issue.operation()).isEqualTo("iam:GetAccountSummary");
        assertThat(issue.factKinds()).containsExactly(AwsRootAccount.KIND);
        assertThat(issue.resource().type()).isEqualTo("aws.iam.root-user");
        assertThat(issue.message()).contains("Rate exceeded").contains("Throttling");
        assertThat(result.facts(AwsRootAccount.class)).isEmpty();
        assertThat(aws.count(queried("GetAccountSummary"))).isEqualTo(2); // max-attempts
    }

    @Test
    void s3SlowDownIsThrottlingNotAServerError() {
        aws.fault(s3(ALPHA, "versioning"), error(503, "s3/SlowDown.xml"));

        CollectionResult result = fixture.collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.THROTTLED);
        assertThat(issue.factKinds()).containsExactly(AwsS3BucketVersioning.KIND);
        assertThat(issue.resource()).isEqualTo(bucket(ALPHA, "us-east-1"));
        assertThat(names(result.facts(AwsS3BucketVersioning.class))).containsExactly(BETA);
        assertThat(aws.count(s3Requested(ALPHA, "versioning"))).isEqualTo(2);
    }

    @Test
    void anUnimplementedOperationIsAServerErrorNeverAnEmptyAnswer() {
        aws.fault(s3(ALPHA, "logging"), FakeAws.motoNotImplemented());

        CollectionResult result = fixture.collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.SERVER_ERROR);
        assertThat(issue.operation()).isEqualTo("s3:GetBucketLogging");
        assertThat(issue.factKinds()).containsExactly(AwsS3BucketLogging.KIND);
        assertThat(issue.resource()).isEqualTo(bucket(ALPHA, "us-east-1"));
        assertThat(issue.message()).contains("HTTP 500");
        assertThat(result.evidenceJson(evidenceIn(issue))).contains("Internal Server Error")
                .contains("\"statusCode\" : 500");
        assertThat(names(result.facts(AwsS3BucketLogging.class))).containsExactly(BETA);
        assertThat(aws.count(s3Requested(ALPHA, "logging"))).isEqualTo(2); // 5xx is retried
    }

    @Test
    void anIamServerErrorOnTheQueryProtocolIsAServerError() {
        aws.fault(query("GetAccountPasswordPolicy"), FakeAws.motoNotImplemented());

        CollectionResult result = fixture.collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.SERVER_ERROR);
        assertThat(issue.factKinds()).containsExactly(AwsPasswordPolicy.KIND);
        assertThat(result.facts(AwsPasswordPolicy.class)).isEmpty();
    }

    @Test
    void aSlowAnswerTimesOut() {
        fixture.collect(); // warm up: the first collection in a JVM loads the SDK, which must not count against the timeout
        aws.fault(query("GetAccountPasswordPolicy"),
                xml("iam/GetAccountPasswordPolicy.xml").withFixedDelay(4_000));

        long started = System.nanoTime();
        CollectionResult result = fixture.collect(Map.of("api-call-timeout", "PT1S", "max-attempts", "1"));
        long millis = (System.nanoTime() - started) / 1_000_000;

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.TIMEOUT);
        assertThat(issue.operation()).isEqualTo("iam:GetAccountPasswordPolicy");
        assertThat(issue.factKinds()).containsExactly(AwsPasswordPolicy.KIND);
        assertThat(result.facts(AwsPasswordPolicy.class)).isEmpty();
        assertThat(result.facts(AwsRootAccount.class)).hasSize(1);
        assertThat(millis).isLessThan(3_500); // the timeout, not the 4 s delay, ended the call
    }

    @Test
    void aGarbledBodyIsMalformedAndNamesItsEvidence() {
        aws.fault(s3(ALPHA, "acl"), xml("<?xml version=\"1.0\"?><AccessControlPolicy><Owner><ID>x</ID></Own"));

        CollectionResult result = fixture.collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.MALFORMED_RESPONSE);
        assertThat(issue.operation()).isEqualTo("s3:GetBucketAcl");
        assertThat(issue.factKinds()).containsExactly(AwsS3BucketAcl.KIND);
        assertThat(issue.resource()).isEqualTo(bucket(ALPHA, "us-east-1"));
        assertThat(result.evidenceJson(evidenceIn(issue))).contains("</Own");
        assertThat(names(result.facts(AwsS3BucketAcl.class))).containsExactly(BETA);
    }

    @Test
    void anAclAnswerThatSaysNothingIsNotReadAsPrivate() {
        aws.fault(s3(ALPHA, "acl"), xml("<?xml version=\"1.0\"?><AccessControlPolicy/>"));

        CollectionResult result = fixture.collect();

        assertThat(single(result.issues()).cause()).isEqualTo(IssueCause.MALFORMED_RESPONSE);
        assertThat(names(result.facts(AwsS3BucketAcl.class))).containsExactly(BETA);
    }

    @Test
    void aGarbledCredentialReportCostsUsersAndIdentities() {
        aws.fault(query("GetCredentialReport"), xml(FakeAws.credentialReport(
                "user,arn,user_creation_time,password_enabled,mfa_active,access_key_1_active,"
                        + "access_key_1_last_rotated,access_key_2_active,access_key_2_last_rotated\n"
                        + "alice,arn:aws:iam::111122223333:user/alice,yesterday,true,false,false,N/A,false,N/A\n")));

        CollectionResult result = fixture.collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.MALFORMED_RESPONSE);
        assertThat(issue.operation()).isEqualTo("iam:GetCredentialReport");
        assertThat(issue.factKinds()).containsExactlyInAnyOrder(AwsIamUser.KIND, HumanIdentity.KIND);
        assertThat(issue.message()).contains("user_creation_time").contains("yesterday");
        assertThat(result.facts(AwsIamUser.class)).isEmpty();
        assertThat(result.facts(HumanIdentity.class)).isEmpty();
    }

    @Test
    void aSummaryWithoutTheRootEntriesIsMalformed() {
        aws.fault(query("GetAccountSummary"), xml("<GetAccountSummaryResponse xmlns=\"https://iam.amazonaws.com/doc/"
                + "2010-05-08/\"><GetAccountSummaryResult><SummaryMap><entry><key>Users</key><value>4</value></entry>"
                + "</SummaryMap></GetAccountSummaryResult></GetAccountSummaryResponse>"));

        CollectionResult result = fixture.collect();

        assertThat(single(result.issues())).extracting(CollectionIssue::cause, CollectionIssue::factKinds)
                .containsExactly(IssueCause.MALFORMED_RESPONSE, Set.of(AwsRootAccount.KIND));
        assertThat(result.facts(AwsRootAccount.class)).isEmpty();
    }

    @Test
    void rejectedCredentialsStopTheScanWithOneIssue() {
        aws.fault(query("GetCallerIdentity"), error(403, "sts/InvalidClientTokenId.xml"));

        CollectionResult result = fixture.collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.INVALID_CREDENTIALS);
        assertThat(issue.operation()).isEqualTo("sts:GetCallerIdentity");
        assertThat(issue.factKinds()).isEqualTo(ProviderTestKit.load("aws").provider().descriptor().factKinds());
        assertThat(issue.message()).contains("rejected").contains("InvalidClientTokenId").contains("aws sso login");
        assertThat(result.facts()).isEmpty();
        assertThat(aws.server.getAllServeEvents()).hasSize(1); // nothing after the identity check
    }

    @Test
    void missingCredentialsSayWhatToDo() {
        fixture.withoutCredentials();

        CollectionResult result = fixture.collect(Map.of("profile", "evidentry-no-such-profile"));

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.INVALID_CREDENTIALS);
        assertThat(issue.factKinds()).isEqualTo(AwsProvider.FACT_KINDS).hasSize(22);
        assertThat(issue.message()).startsWith("no AWS credentials found in profile 'evidentry-no-such-profile'")
                .contains("AWS_PROFILE").contains("AWS_ACCESS_KEY_ID").contains("aws sso login");
        assertThat(result.facts()).isEmpty();
        assertThat(aws.server.getAllServeEvents()).isEmpty();
    }

    @Test
    void noCredentialsInTheDefaultChainSayWhatToDo() {
        assumeTrue(System.getenv("AWS_ACCESS_KEY_ID") == null && System.getenv("AWS_WEB_IDENTITY_TOKEN_FILE") == null
                        && System.getenv("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") == null
                        && System.getenv("AWS_CONTAINER_CREDENTIALS_FULL_URI") == null,
                "the environment holds AWS credentials");
        fixture.withoutCredentials();

        CollectionResult result = fixture.collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.INVALID_CREDENTIALS);
        assertThat(issue.operation()).isEqualTo("sts:GetCallerIdentity");
        assertThat(issue.message()).startsWith("no AWS credentials found in the default chain: set AWS_PROFILE or "
                + "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY");
        assertThat(result.facts()).isEmpty();
        assertThat(aws.server.getAllServeEvents()).isEmpty();
    }

    @Test
    void anUnknownRegionIsAConfigurationIssueBeforeAnyCall() {
        CollectionResult result = fixture.collect(Map.of("regions", "us-east-1,mars-north-1"));

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.CONFIGURATION);
        assertThat(issue.factKinds()).isEqualTo(AwsProvider.FACT_KINDS).hasSize(22);
        assertThat(issue.message()).contains("mars-north-1").contains("regions");
        assertThat(result.facts()).isEmpty();
        assertThat(aws.server.getAllServeEvents()).isEmpty();
    }

    @Test
    void withoutTheVirtualDeviceListEachMfaUserIsAskedDirectly() {
        aws.fault(query("ListVirtualMFADevices"), error(403, "iam/AccessDenied.xml"));

        CollectionResult result = fixture.collect();

        assertThat(result.issues()).isEmpty(); // nothing is missing: ListMFADevices told every device's type
        assertThat(result.facts(HumanIdentity.class))
                .filteredOn(person -> person.login().equals("alice")).singleElement()
                .satisfies(alice -> assertThat(alice.strongestMethod()).isEqualTo(MfaMethod.AUTHENTICATOR_APP));
        assertThat(aws.count(queried("ListMFADevices"))).isEqualTo(2);
    }

    @Test
    void whenNeitherDeviceListAnswersTheMfaUsersHaveIssuesNotGuesses() {
        aws.fault(query("ListVirtualMFADevices"), error(403, "iam/AccessDenied.xml"));
        aws.fault(query("ListMFADevices"), error(403, "iam/AccessDenied.xml"));

        CollectionResult result = fixture.collect();

        assertThat(result.issues()).extracting(issue -> issue.resource().name(), CollectionIssue::cause,
                        CollectionIssue::factKinds)
                .containsExactlyInAnyOrder(
                        org.assertj.core.api.Assertions.tuple("alice", IssueCause.ACCESS_DENIED,
                                Set.of(HumanIdentity.KIND)),
                        org.assertj.core.api.Assertions.tuple("erin", IssueCause.ACCESS_DENIED,
                                Set.of(HumanIdentity.KIND)));
        assertThat(result.issues()).allSatisfy(issue -> {
            assertThat(issue.operation()).isEqualTo("iam:ListMFADevices");
            assertThat(issue.message()).contains("before it, iam:ListVirtualMFADevices failed");
        });
        assertThat(result.facts(HumanIdentity.class)).extracting(HumanIdentity::login)
                .containsExactlyInAnyOrder("old-timer", "ci-bot");
        assertThat(result.facts(AwsIamUser.class)).hasSize(4);
    }

    @Test
    void aBucketWhoseRegionCannotBeLearnedIsStillListed() {
        // Neither the region-filtered listings nor GetBucketLocation can place it.
        aws.fault(s3ListBuckets().withQueryParam("bucket-region", matching(".+")), error(403, "s3/AccessDenied.xml"));
        aws.fault(s3(BETA, "location"), error(403, "s3/AccessDenied.xml"));

        CollectionResult result = fixture.collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.operation()).isEqualTo("s3:GetBucketLocation");
        assertThat(issue.resource()).isEqualTo(bucket(BETA, ""));
        assertThat(issue.factKinds()).doesNotContain(AwsS3Bucket.KIND).hasSize(5);
        assertThat(result.facts(AwsS3Bucket.class)).extracting(Fact::resource)
                .contains(bucket(BETA, ""), bucket(ALPHA, "us-east-1"));
        assertThat(result.facts()).filteredOn(fact -> fact.resource().name().equals(BETA)).hasSize(1);
        assertThat(aws.count(s3Requested(BETA, "encryption"))).isZero();
    }

    @Test
    void aPasswordPolicyThatDoesNotExistIsAFactNotAnIssue() {
        aws.fault(query("GetAccountPasswordPolicy"), error(404, "iam/NoSuchEntity-PasswordPolicy.xml"));

        CollectionResult result = fixture.collect();

        assertThat(result.issues()).isEmpty();
        assertThat(result.facts(AwsPasswordPolicy.class)).singleElement()
                .satisfies(policy -> assertThat(policy.present()).isFalse());
    }

    @Test
    void aFailedSecondPageKeepsTheFirstPagesBuckets() {
        aws.fault(s3ListBuckets().withQueryParam("continuation-token", equalTo("dG9rZW4tcGFnZS0y")),
                aResponse().withStatus(500).withBody("<Error><Code>InternalError</Code><Message>We encountered an "
                        + "internal error. Please try again.</Message></Error>"));

        CollectionResult result = fixture.collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.SERVER_ERROR);
        assertThat(issue.resource()).isNull();
        assertThat(names(result.facts(AwsS3Bucket.class))).containsExactly(ALPHA);
        assertThat(names(buckets(result.facts(DataStoreEncryption.class)))).containsExactly(ALPHA);
    }

    private static ResourceRef bucket(String name, String region) {
        return new ResourceRef("aws", ACCOUNT, region, "aws.s3.bucket", "arn:aws:s3:::" + name, name);
    }

    private static CollectionIssue single(List<CollectionIssue> issues) {
        assertThat(issues).hasSize(1);
        return issues.get(0);
    }

    private static EvidenceId evidenceIn(CollectionIssue issue) {
        Matcher matcher = EVIDENCE.matcher(issue.message());
        assertThat(matcher.find()).as("an evidence id in: " + issue.message()).isTrue();
        return new EvidenceId(matcher.group(1));
    }

    /** The facts about buckets: the same kinds are also reported for volumes, RDS instances and tables. */
    private static <F extends Fact> List<F> buckets(List<F> facts) {
        return facts.stream().filter(fact -> fact.resource().type().equals("aws.s3.bucket")).toList();
    }

    private static List<String> names(List<? extends Fact> facts) {
        return facts.stream().map(fact -> fact.resource().name()).toList();
    }
}
