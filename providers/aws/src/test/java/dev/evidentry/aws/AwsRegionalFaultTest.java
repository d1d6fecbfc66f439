package dev.evidentry.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.evidentry.aws.FakeAws.ACCOUNT;
import static dev.evidentry.aws.FakeAws.CLOUDTRAIL;
import static dev.evidentry.aws.FakeAws.CONFIG;
import static dev.evidentry.aws.FakeAws.DETECTOR;
import static dev.evidentry.aws.FakeAws.DYNAMODB;
import static dev.evidentry.aws.FakeAws.KMS;
import static dev.evidentry.aws.FakeAws.ORG_TRAIL;
import static dev.evidentry.aws.FakeAws.US_CMK;
import static dev.evidentry.aws.FakeAws.error;
import static dev.evidentry.aws.FakeAws.guardDuty;
import static dev.evidentry.aws.FakeAws.in;
import static dev.evidentry.aws.FakeAws.json;
import static dev.evidentry.aws.FakeAws.jsonError;
import static dev.evidentry.aws.FakeAws.key;
import static dev.evidentry.aws.FakeAws.keyRequested;
import static dev.evidentry.aws.FakeAws.query;
import static dev.evidentry.aws.FakeAws.queried;
import static dev.evidentry.aws.FakeAws.target;
import static dev.evidentry.aws.FakeAws.targeted;
import static dev.evidentry.aws.FakeAws.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.DataStoreEncryption;
import dev.evidentry.spi.fact.EndpointDiskEncryption;
import dev.evidentry.spi.fact.aws.AwsCloudTrailAccount;
import dev.evidentry.spi.fact.aws.AwsCloudTrailTrail;
import dev.evidentry.spi.fact.aws.AwsConfigRegion;
import dev.evidentry.spi.fact.aws.AwsEbsEncryptionByDefault;
import dev.evidentry.spi.fact.aws.AwsGuardDutyRegion;
import dev.evidentry.spi.fact.aws.AwsKmsKey;
import dev.evidentry.spi.fact.aws.AwsRdsInstance;
import dev.evidentry.spi.fact.aws.AwsSecurityGroup;
import dev.evidentry.testkit.CollectionResult;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Denied, throttled, failing and garbled answers from each regional service: an issue with the right cause, on the
 * right resource or region, for exactly the kinds it cost, in the vendor's words without the operation or the cause
 * repeated (the engine adds both), and never a fact of those kinds for what failed.
 */
class AwsRegionalFaultTest {

    private static final ResourceRef US_EAST_1 = ResourceRef.forRegion("aws", ACCOUNT, "us-east-1");
    private static final ResourceRef EU_WEST_1 = ResourceRef.forRegion("aws", ACCOUNT, "eu-west-1");

    @RegisterExtension
    static final AwsWireMockFixture fixture = new AwsWireMockFixture();

    private static final FakeAws aws = fixture.aws();

    @Test
    void deniedVolumesCostTheRegionsVolumeAndRootVolumeEncryptionOnly() {
        aws.fault(in("us-east-1", query("DescribeVolumes")), error(403, "ec2/UnauthorizedOperation.xml"));

        CollectionResult result = fixture.collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue).extracting(CollectionIssue::operation, CollectionIssue::resource, CollectionIssue::region,
                        CollectionIssue::cause, CollectionIssue::factKinds)
                .containsExactly("ec2:DescribeVolumes", US_EAST_1, "us-east-1", IssueCause.ACCESS_DENIED,
                        Set.of(DataStoreEncryption.KIND, EndpointDiskEncryption.KIND));
        assertThat(issue.message()).startsWith("You are not authorized to perform this operation.")
                .contains("(UnauthorizedOperation, HTTP 403").contains("(evidence ")
                .doesNotContain("ec2:DescribeVolumes failed").doesNotContain("access denied:");
        assertThat(types(result.facts(DataStoreEncryption.class))).doesNotContain("aws.ec2.volume")
                .contains("aws.rds.instance", "aws.dynamodb.table", "aws.s3.bucket");
        assertThat(result.facts(EndpointDiskEncryption.class)).extracting(fact -> fact.resource().region())
                .doesNotContain("us-east-1"); // the issue says ERROR for the region's instances instead
        assertThat(result.facts(AwsEbsEncryptionByDefault.class)).hasSize(2);
        assertThat(result.facts(AwsSecurityGroup.class)).hasSize(5);
        assertThat(aws.count(queried("DescribeVolumes"))).isEqualTo(2); // us-east-1 once (denied), eu-west-1 once
    }

    @Test
    void throttledDefaultEncryptionIsThrottledAfterTheRetries() {
        aws.fault(in("eu-west-1", query("GetEbsEncryptionByDefault")), error(503, "ec2/RequestLimitExceeded.xml"));

        CollectionResult result = fixture.collect();

        assertThat(single(result.issues())).extracting(CollectionIssue::operation, CollectionIssue::resource,
                        CollectionIssue::cause, CollectionIssue::factKinds, CollectionIssue::message)
                .containsExactly("ec2:GetEbsEncryptionByDefault", EU_WEST_1, IssueCause.THROTTLED,
                        Set.of(AwsEbsEncryptionByDefault.KIND), single(result.issues()).message());
        assertThat(single(result.issues()).message()).startsWith("Request limit exceeded. (RequestLimitExceeded");
        assertThat(result.facts(AwsEbsEncryptionByDefault.class)).extracting(Fact::resource)
                .containsExactly(US_EAST_1);
        assertThat(aws.count(in("eu-west-1", queried("GetEbsEncryptionByDefault")))).isEqualTo(2);
    }

    @Test
    void aGarbledSecurityGroupListIsMalformed() {
        aws.fault(in("us-east-1", query("DescribeSecurityGroups")), xml("<DescribeSecurityGroupsResponse xmlns="
                + "\"http://ec2.amazonaws.com/doc/2016-11-15/\"><securityGroupInfo><item><groupId>sg-1</grou"));

        CollectionResult result = fixture.collect();

        assertThat(single(result.issues())).extracting(CollectionIssue::operation, CollectionIssue::resource,
                        CollectionIssue::cause, CollectionIssue::factKinds)
                .containsExactly("ec2:DescribeSecurityGroups", US_EAST_1, IssueCause.MALFORMED_RESPONSE,
                        Set.of(AwsSecurityGroup.KIND));
        assertThat(result.facts(AwsSecurityGroup.class)).extracting(group -> group.resource().region())
                .containsExactly("eu-west-1");
    }

    @Test
    void deniedRdsCostsInstancesAndTheirEncryption() {
        aws.fault(in("us-east-1", query("DescribeDBInstances")), error(403, "rds/AccessDenied.xml"));

        CollectionResult result = fixture.collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue).extracting(CollectionIssue::operation, CollectionIssue::resource, CollectionIssue::cause,
                        CollectionIssue::factKinds)
                .containsExactly("rds:DescribeDBInstances", US_EAST_1, IssueCause.ACCESS_DENIED,
                        Set.of(AwsRdsInstance.KIND, DataStoreEncryption.KIND));
        assertThat(issue.message()).startsWith("User: arn:aws:iam::111122223333:user/evidentry-auditor is not "
                + "authorized to perform: rds:DescribeDBInstances");
        assertThat(result.facts(AwsRdsInstance.class)).isEmpty();
        assertThat(types(result.facts(DataStoreEncryption.class))).doesNotContain("aws.rds.instance");
    }

    @Test
    void aKeyThatCannotBeDescribedIsAskedOnceAndCostsEveryStoreUsingIt() {
        aws.fault(key("DescribeKey", US_CMK), FakeAws.jsonError(400, "kms/AccessDeniedException.json"));

        CollectionResult result = fixture.collect();

        assertThat(aws.count(keyRequested("DescribeKey", US_CMK))).isEqualTo(1); // the failure is kept, not re-asked
        assertThat(result.issues()).allSatisfy(issue -> {
            assertThat(issue.operation()).isEqualTo("kms:DescribeKey");
            assertThat(issue.cause()).isEqualTo(IssueCause.ACCESS_DENIED);
            assertThat(issue.message()).contains("kms:DescribeKey on resource: " + US_CMK)
                    .contains("(AccessDeniedException, HTTP 400");
        });
        assertThat(result.issues()).extracting(issue -> issue.resource().name(), CollectionIssue::factKinds)
                .containsExactlyInAnyOrder(
                        tuple("1234abcd-12ab-34cd-56ef-1234567890ab", Set.of(AwsKmsKey.KIND)),
                        tuple("vol-0a1b2c3d4e5f60003", Set.of(DataStoreEncryption.KIND)),
                        tuple("vol-0a1b2c3d4e5f60004", Set.of(DataStoreEncryption.KIND)),
                        tuple("billing-db", Set.of(DataStoreEncryption.KIND)),
                        tuple("payments", Set.of(DataStoreEncryption.KIND)));
        assertThat(result.facts(DataStoreEncryption.class)).extracting(f -> f.resource().name())
                .doesNotContain("vol-0a1b2c3d4e5f60003", "vol-0a1b2c3d4e5f60004", "billing-db", "payments")
                .contains("vol-0a1b2c3d4e5f60002", "sessions", "orders-db", "alpha-data");
        assertThat(result.facts(AwsRdsInstance.class)).hasSize(2); // exposure and backups do not need the key
        assertThat(result.facts(AwsKmsKey.class)).extracting(f -> f.resource().nativeId()).doesNotContain(US_CMK)
                .hasSize(3);
    }

    @Test
    void aFailingKeyListCostsThatRegionsKeysOnly() {
        aws.fault(in("eu-west-1", target(KMS + "ListKeys")), jsonError(500,
                "{\"__type\":\"KMSInternalException\",\"message\":\"An internal error occurred.\"}"));

        CollectionResult result = fixture.collect();

        assertThat(single(result.issues())).extracting(CollectionIssue::operation, CollectionIssue::resource,
                        CollectionIssue::cause, CollectionIssue::factKinds)
                .containsExactly("kms:ListKeys", EU_WEST_1, IssueCause.SERVER_ERROR, Set.of(AwsKmsKey.KIND));
        assertThat(result.facts(AwsKmsKey.class)).extracting(f -> f.resource().region())
                .containsOnly("us-east-1").hasSize(3);
        assertThat(aws.count(in("eu-west-1", targeted(KMS + "ListKeys")))).isEqualTo(2); // 5xx is retried
    }

    @Test
    void aGarbledTableDescriptionCostsThatTableOnly() {
        aws.fault(target(DYNAMODB + "DescribeTable").withRequestBody(WireMock.matchingJsonPath("$.TableName",
                WireMock.equalTo("orders"))), json("{\"Table\": {\"TableName\": \"orders\", \"TableArn\": "));

        CollectionResult result = fixture.collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue).extracting(CollectionIssue::operation, CollectionIssue::cause, CollectionIssue::factKinds)
                .containsExactly("dynamodb:DescribeTable", IssueCause.MALFORMED_RESPONSE,
                        Set.of(DataStoreEncryption.KIND));
        assertThat(issue.resource()).isEqualTo(new ResourceRef("aws", ACCOUNT, "us-east-1", "aws.dynamodb.table",
                "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/orders", "orders"));
        assertThat(result.facts(DataStoreEncryption.class)).extracting(f -> f.resource().name())
                .doesNotContain("orders").contains("payments", "sessions");
    }

    @Test
    void deniedTableListCostsTheRegionsTables() {
        aws.fault(in("us-east-1", target(DYNAMODB + "ListTables")), jsonError(400, "{\"__type\":\"com.amazonaws."
                + "dynamodb.v20120810#AccessDeniedException\",\"message\":\"User: arn:aws:iam::111122223333:user/"
                + "evidentry-auditor is not authorized to perform: dynamodb:ListTables\"}"));

        CollectionResult result = fixture.collect();

        assertThat(single(result.issues())).extracting(CollectionIssue::operation, CollectionIssue::resource,
                        CollectionIssue::cause, CollectionIssue::factKinds)
                .containsExactly("dynamodb:ListTables", US_EAST_1, IssueCause.ACCESS_DENIED,
                        Set.of(DataStoreEncryption.KIND));
        assertThat(types(result.facts(DataStoreEncryption.class))).doesNotContain("aws.dynamodb.table");
    }

    @Test
    void aThrottledTrailStatusCostsThatTrailOnly() {
        aws.fault(target(CLOUDTRAIL + "GetTrailStatus").withRequestBody(WireMock.matchingJsonPath("$.Name",
                WireMock.equalTo(ORG_TRAIL))), jsonError(400, "config/ThrottlingException.json"));

        CollectionResult result = fixture.collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue).extracting(CollectionIssue::operation, CollectionIssue::cause, CollectionIssue::factKinds,
                        CollectionIssue::message)
                .containsExactly("cloudtrail:GetTrailStatus", IssueCause.THROTTLED, Set.of(AwsCloudTrailTrail.KIND),
                        issue.message());
        assertThat(issue.resource()).isEqualTo(new ResourceRef("aws", ACCOUNT, "us-east-1", "aws.cloudtrail.trail",
                ORG_TRAIL, "org-trail"));
        assertThat(issue.message()).startsWith("Rate exceeded (ThrottlingException, HTTP 400");
        assertThat(result.facts(AwsCloudTrailTrail.class)).extracting(f -> f.resource().name())
                .containsExactly("eu-audit");
    }

    @Test
    void aDeniedTrailListInOneRegionStillSeesTheMultiRegionTrailOnce() {
        aws.fault(in("eu-west-1", target(CLOUDTRAIL + "DescribeTrails")), jsonError(400, "{\"__type\":"
                + "\"AccessDeniedException\",\"message\":\"User is not authorized to perform: "
                + "cloudtrail:DescribeTrails\"}"));

        CollectionResult result = fixture.collect();

        assertThat(single(result.issues())).extracting(CollectionIssue::operation, CollectionIssue::resource,
                        CollectionIssue::cause, CollectionIssue::factKinds)
                .containsExactly("cloudtrail:DescribeTrails", EU_WEST_1, IssueCause.ACCESS_DENIED,
                        Set.of(AwsCloudTrailTrail.KIND, AwsCloudTrailAccount.KIND));
        assertThat(result.facts(AwsCloudTrailTrail.class)).extracting(f -> f.resource().name())
                .containsExactly("org-trail");
        // A trail might hide in the region not listed: the account's trails are not known, so no account fact.
        assertThat(result.facts(AwsCloudTrailAccount.class)).isEmpty();
    }

    @Test
    void aFailedTrailListingInEveryRegionLeavesNoAccountFact() {
        aws.fault(target(CLOUDTRAIL + "DescribeTrails"), jsonError(400, "{\"__type\":"
                + "\"AccessDeniedException\",\"message\":\"User is not authorized to perform: "
                + "cloudtrail:DescribeTrails\"}"));

        CollectionResult result = fixture.collect();

        assertThat(result.issues()).extracting(CollectionIssue::operation, CollectionIssue::resource,
                        CollectionIssue::cause, CollectionIssue::factKinds)
                .containsExactlyInAnyOrder(
                        tuple("cloudtrail:DescribeTrails", US_EAST_1, IssueCause.ACCESS_DENIED,
                                Set.of(AwsCloudTrailTrail.KIND, AwsCloudTrailAccount.KIND)),
                        tuple("cloudtrail:DescribeTrails", EU_WEST_1, IssueCause.ACCESS_DENIED,
                                Set.of(AwsCloudTrailTrail.KIND, AwsCloudTrailAccount.KIND)));
        assertThat(result.facts(AwsCloudTrailTrail.class)).isEmpty();
        assertThat(result.facts(AwsCloudTrailAccount.class)).isEmpty();
    }

    @Test
    void aThrottledTrailStatusLeavesTheAccountFact() {
        aws.fault(target(CLOUDTRAIL + "GetTrailStatus").withRequestBody(WireMock.matchingJsonPath("$.Name",
                WireMock.equalTo(ORG_TRAIL))), jsonError(400, "config/ThrottlingException.json"));

        CollectionResult result = fixture.collect();

        // The listings all succeeded: the account fact names both trails; only the org trail's own fact is missing.
        assertThat(result.facts(AwsCloudTrailAccount.class)).singleElement()
                .extracting(AwsCloudTrailAccount::trailArns).isEqualTo(List.of(FakeAws.EU_TRAIL, ORG_TRAIL));
    }

    @Test
    void guardDutyNotSubscribedIsUnsupported() {
        aws.fault(in("eu-west-1", guardDuty("/detector")), jsonError(403,
                "guardduty/SubscriptionRequiredException.json").withHeader("x-amzn-ErrorType",
                "SubscriptionRequiredException"));

        CollectionResult result = fixture.collect();

        assertThat(single(result.issues())).extracting(CollectionIssue::operation, CollectionIssue::resource,
                        CollectionIssue::cause, CollectionIssue::factKinds, CollectionIssue::message)
                .containsExactly("guardduty:ListDetectors", EU_WEST_1, IssueCause.UNSUPPORTED,
                        Set.of(AwsGuardDutyRegion.KIND), single(result.issues()).message());
        assertThat(single(result.issues()).message()).startsWith("The AWS Access Key Id needs a subscription for the "
                + "service (SubscriptionRequiredException, HTTP 403");
        assertThat(result.facts(AwsGuardDutyRegion.class)).extracting(Fact::resource).containsExactly(US_EAST_1);
    }

    @Test
    void aDeniedDetectorIsNotReadAsDisabled() {
        aws.fault(guardDuty("/detector/" + DETECTOR), aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withHeader("x-amzn-ErrorType", "AccessDeniedException")
                .withBody("{\"message\":\"User: arn:aws:iam::111122223333:user/evidentry-auditor is not authorized to "
                        + "perform: guardduty:GetDetector\",\"__type\":\"AccessDeniedException\"}"));

        CollectionResult result = fixture.collect();

        assertThat(single(result.issues())).extracting(CollectionIssue::operation, CollectionIssue::resource,
                        CollectionIssue::cause, CollectionIssue::factKinds)
                .containsExactly("guardduty:GetDetector", US_EAST_1, IssueCause.ACCESS_DENIED,
                        Set.of(AwsGuardDutyRegion.KIND));
        assertThat(result.facts(AwsGuardDutyRegion.class)).extracting(Fact::resource).containsExactly(EU_WEST_1);
    }

    @Test
    void aThrottledRecorderStatusCostsThatRegionsConfigOnly() {
        aws.fault(in("us-east-1", target(CONFIG + "DescribeConfigurationRecorderStatus")),
                jsonError(400, "config/ThrottlingException.json"));

        CollectionResult result = fixture.collect();

        assertThat(single(result.issues())).extracting(CollectionIssue::operation, CollectionIssue::resource,
                        CollectionIssue::cause, CollectionIssue::factKinds)
                .containsExactly("config:DescribeConfigurationRecorderStatus", US_EAST_1, IssueCause.THROTTLED,
                        Set.of(AwsConfigRegion.KIND));
        assertThat(result.facts(AwsConfigRegion.class)).extracting(Fact::resource).containsExactly(EU_WEST_1);
        assertThat(aws.count(in("us-east-1", targeted(CONFIG + "DescribeConfigurationRecorders")))).isEqualTo(1);
    }

    private static CollectionIssue single(List<CollectionIssue> issues) {
        assertThat(issues).hasSize(1);
        return issues.get(0);
    }

    private static List<String> types(List<? extends Fact> facts) {
        return facts.stream().map(fact -> fact.resource().type()).distinct().toList();
    }
}
