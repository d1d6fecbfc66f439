package dev.evidentry.aws;

import static dev.evidentry.aws.FakeAws.ACCOUNT;
import static dev.evidentry.aws.FakeAws.DETECTOR;
import static dev.evidentry.aws.FakeAws.EU_CMK;
import static dev.evidentry.aws.FakeAws.EU_TRAIL;
import static dev.evidentry.aws.FakeAws.ORG_TRAIL;
import static dev.evidentry.aws.FakeAws.US_CMK;
import static dev.evidentry.aws.FakeAws.US_OLD;
import static dev.evidentry.aws.FakeAws.US_SIGN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.DataStoreEncryption;
import dev.evidentry.spi.fact.EncryptionAtRest;
import dev.evidentry.spi.fact.aws.AwsCloudTrailAccount;
import dev.evidentry.spi.fact.aws.AwsCloudTrailTrail;
import dev.evidentry.spi.fact.aws.AwsConfigRegion;
import dev.evidentry.spi.fact.aws.AwsEbsEncryptionByDefault;
import dev.evidentry.spi.fact.aws.AwsGuardDutyRegion;
import dev.evidentry.spi.fact.aws.AwsKmsKey;
import dev.evidentry.spi.fact.aws.AwsRdsInstance;
import dev.evidentry.spi.fact.aws.AwsSecurityGroup;
import dev.evidentry.spi.fact.aws.AwsSecurityGroup.WorldIngress;
import dev.evidentry.testkit.CollectionResult;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What moto cannot show of the regional services, against WireMock answering like AWS: keys AWS manages (moto's say
 * CUSTOMER), a key pending deletion and a signing key, pages of volumes and keys, an ICMP rule and a port range, and a
 * stopped trail seen next to a multi-region trail's shadow.
 */
class AwsRegionalWireMockTest {

    @RegisterExtension
    static final AwsWireMockFixture fixture = new AwsWireMockFixture();

    private static final FakeAws aws = fixture.aws();

    @Test
    void classifiesEveryDataStoreByWhoManagesItsKey() {
        CollectionResult result = fixture.collect();

        assertThat(result.issues()).isEmpty();
        assertThat(result.facts(DataStoreEncryption.class)).filteredOn(f -> !f.resource().type().equals(
                        "aws.s3.bucket"))
                .extracting(f -> f.resource().type(), f -> f.resource().name(), DataStoreEncryption::encryption,
                        DataStoreEncryption::keyId, DataStoreEncryption::detail)
                .containsExactlyInAnyOrder(
                        tuple("aws.ec2.volume", "vol-0a1b2c3d4e5f60001", EncryptionAtRest.NONE, "", "Encrypted=false"),
                        tuple("aws.ec2.volume", "vol-0a1b2c3d4e5f60002", EncryptionAtRest.PROVIDER_KEY, "",
                                "Encrypted=true, KMS key KeyManager=AWS"),
                        tuple("aws.ec2.volume", "vol-0a1b2c3d4e5f60003", EncryptionAtRest.CUSTOMER_KEY, US_CMK,
                                "Encrypted=true, KMS key KeyManager=CUSTOMER"),
                        tuple("aws.ec2.volume", "vol-0a1b2c3d4e5f60004", EncryptionAtRest.CUSTOMER_KEY, US_CMK,
                                "Encrypted=true, KMS key KeyManager=CUSTOMER"),
                        tuple("aws.rds.instance", "orders-db", EncryptionAtRest.NONE, "", "StorageEncrypted=false"),
                        tuple("aws.rds.instance", "billing-db", EncryptionAtRest.CUSTOMER_KEY, US_CMK,
                                "StorageEncrypted=true, KMS key KeyManager=CUSTOMER"),
                        tuple("aws.dynamodb.table", "orders", EncryptionAtRest.PROVIDER_KEY, "",
                                "no SSEDescription: AWS owned key"),
                        tuple("aws.dynamodb.table", "payments", EncryptionAtRest.CUSTOMER_KEY, US_CMK,
                                "SSEType=KMS, KMS key KeyManager=CUSTOMER"),
                        tuple("aws.dynamodb.table", "sessions", EncryptionAtRest.PROVIDER_KEY, "",
                                "SSEType=KMS, KMS key KeyManager=AWS"));
        DataStoreEncryption secondPage = byName(result.facts(DataStoreEncryption.class)).get("vol-0a1b2c3d4e5f60003");
        assertThat(secondPage.resource()).isEqualTo(new ResourceRef("aws", ACCOUNT, "us-east-1", "aws.ec2.volume",
                "arn:aws:ec2:us-east-1:" + ACCOUNT + ":volume/vol-0a1b2c3d4e5f60003", "vol-0a1b2c3d4e5f60003"));
        assertThat(result.evidenceJson(secondPage.evidence().get(0))).contains("\"NextToken\" : \"dm9sdW1lcy1wYWdlLTI=\"");
        assertThat(result.evidenceJson(secondPage.evidence().get(1))).contains("DescribeKey").contains(US_CMK);
    }

    @Test
    void reportsCustomerKeysOnlyAndAsksRotationWhereKmsCanRotate() {
        CollectionResult result = fixture.collect();

        assertThat(result.facts(AwsKmsKey.class)).extracting(Fact::resource, AwsKmsKey::keyState, AwsKmsKey::keySpec,
                        AwsKmsKey::rotationEnabled, AwsKmsKey::rotatable)
                .containsExactlyInAnyOrder(
                        tuple(key("us-east-1", US_CMK), "Enabled", "SYMMETRIC_DEFAULT", true, true),
                        tuple(key("us-east-1", US_OLD), "PendingDeletion", "SYMMETRIC_DEFAULT", false, false),
                        tuple(key("us-east-1", US_SIGN), "Enabled", "RSA_2048", false, false),
                        tuple(key("eu-west-1", EU_CMK), "Enabled", "SYMMETRIC_DEFAULT",
                                false, true));
        AwsKmsKey page2 = result.facts(AwsKmsKey.class).stream().filter(k -> k.resource().nativeId().equals(US_OLD))
                .findFirst().orElseThrow();
        assertThat(result.evidenceJson(page2.evidence().get(0))).contains("ListKeys")
                .contains("\"Marker\" : \"a21zLWxpc3Qta2V5cy1wYWdlLTI=\"");
    }

    @Test
    void readsSecurityGroupsInstancesAndRegionSettings() {
        CollectionResult result = fixture.collect();

        Map<String, AwsSecurityGroup> groups = byName(result.facts(AwsSecurityGroup.class));
        assertThat(groups.values()).extracting(g -> g.resource().name(), AwsSecurityGroup::groupName,
                        AwsSecurityGroup::vpcId, AwsSecurityGroup::openToWorld)
                .containsExactlyInAnyOrder(
                        tuple("sg-0a1b2c3d4e5f60101", "bastion", "vpc-0a1b2c3d4e5f6a7b8",
                                List.of(new WorldIngress("tcp", 22, 22, "0.0.0.0/0"))),
                        tuple("sg-0a1b2c3d4e5f60102", "windows-admin", "vpc-0a1b2c3d4e5f6a7b8",
                                List.of(new WorldIngress("tcp", 3389, 3389, "::/0"))),
                        tuple("sg-0a1b2c3d4e5f60103", "wide-open", "vpc-0a1b2c3d4e5f6a7b8",
                                List.of(new WorldIngress("-1", -1, -1, "0.0.0.0/0"),
                                        new WorldIngress("udp", 1000, 2000, "0.0.0.0/0"))),
                        tuple("sg-0a1b2c3d4e5f60104", "db-internal", "vpc-0a1b2c3d4e5f6a7b8", List.of()),
                        tuple("sg-0b1c2d3e4f5a60201", "default", "vpc-0b1c2d3e4f5a6b7c9", List.of()));

        assertThat(result.facts(AwsRdsInstance.class)).extracting(f -> f.resource().nativeId(),
                        AwsRdsInstance::engine, AwsRdsInstance::publiclyAccessible, AwsRdsInstance::backupRetentionDays)
                .containsExactlyInAnyOrder(
                        tuple("arn:aws:rds:us-east-1:" + ACCOUNT + ":db:orders-db", "postgres", true, 0),
                        tuple("arn:aws:rds:us-east-1:" + ACCOUNT + ":db:billing-db", "mysql", false, 7));

        assertThat(result.facts(AwsEbsEncryptionByDefault.class))
                .extracting(f -> f.resource().region(), AwsEbsEncryptionByDefault::enabled)
                .containsExactlyInAnyOrder(tuple("us-east-1", true), tuple("eu-west-1", false));
        assertThat(result.facts(AwsGuardDutyRegion.class))
                .extracting(Fact::resource, AwsGuardDutyRegion::detectorId, AwsGuardDutyRegion::enabled)
                .containsExactlyInAnyOrder(tuple(ResourceRef.forRegion("aws", ACCOUNT, "us-east-1"), DETECTOR, true),
                        tuple(ResourceRef.forRegion("aws", ACCOUNT, "eu-west-1"), "", false));
        assertThat(result.facts(AwsConfigRegion.class))
                .extracting(f -> f.resource().region(), AwsConfigRegion::recorderName, AwsConfigRegion::recording,
                        AwsConfigRegion::allSupported, AwsConfigRegion::lastStatus)
                .containsExactlyInAnyOrder(tuple("us-east-1", "default", true, true, "SUCCESS"),
                        tuple("eu-west-1", "", false, false, ""));
    }

    @Test
    void countsEachTrailOnceInItsHomeRegion() {
        CollectionResult result = fixture.collect();

        assertThat(result.facts(AwsCloudTrailTrail.class)).extracting(Fact::resource, AwsCloudTrailTrail::multiRegion,
                        AwsCloudTrailTrail::logging, AwsCloudTrailTrail::logFileValidation,
                        AwsCloudTrailTrail::kmsKeyId, AwsCloudTrailTrail::organizationTrail)
                .containsExactlyInAnyOrder(
                        tuple(new ResourceRef("aws", ACCOUNT, "us-east-1", "aws.cloudtrail.trail", ORG_TRAIL,
                                "org-trail"), true, true, true, US_CMK, false),
                        tuple(new ResourceRef("aws", ACCOUNT, "eu-west-1", "aws.cloudtrail.trail", EU_TRAIL,
                                "eu-audit"), false, false, false, "", false));
        AwsCloudTrailTrail org = result.facts(AwsCloudTrailTrail.class).stream()
                .filter(trail -> trail.resource().name().equals("org-trail")).findFirst().orElseThrow();
        // It rests on its home region's listing, not the shadow's, and on its status.
        assertThat(result.evidenceJson(org.evidence().get(0))).contains("DescribeTrails")
                .contains("\"region\" : \"us-east-1\"");
        assertThat(result.evidenceJson(org.evidence().get(1))).contains("GetTrailStatus").contains("IsLogging");
    }

    @Test
    void theAccountFactNamesEveryTrailListedAndRestsOnEveryRegionsListing() {
        CollectionResult result = fixture.collect();

        assertThat(result.facts(AwsCloudTrailAccount.class)).hasSize(1);
        AwsCloudTrailAccount account = result.facts(AwsCloudTrailAccount.class).get(0);
        assertThat(account.resource()).isEqualTo(ResourceRef.forAccount("aws", ACCOUNT));
        assertThat(account.trailArns()).containsExactly(EU_TRAIL, ORG_TRAIL);
        assertThat(account.evidence()).hasSize(2);
        assertThat(account.evidence()).extracting(result::evidenceJson)
                .allSatisfy(json -> assertThat(json).contains("DescribeTrails"))
                .anySatisfy(json -> assertThat(json).contains("\"region\" : \"us-east-1\""))
                .anySatisfy(json -> assertThat(json).contains("\"region\" : \"eu-west-1\""));
    }

    private static ResourceRef key(String region, String arn) {
        return new ResourceRef("aws", ACCOUNT, region, "aws.kms.key", arn, arn.substring(arn.lastIndexOf('/') + 1));
    }

    private static <F extends Fact> Map<String, F> byName(List<F> facts) {
        return facts.stream().collect(Collectors.toMap(fact -> fact.resource().name(), fact -> fact));
    }
}
