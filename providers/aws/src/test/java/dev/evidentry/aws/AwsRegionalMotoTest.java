package dev.evidentry.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.DataStoreEncryption;
import dev.evidentry.spi.fact.DiskEncryptionState;
import dev.evidentry.spi.fact.EncryptionAtRest;
import dev.evidentry.spi.fact.EndpointDiskEncryption;
import dev.evidentry.spi.fact.EndpointOperatingSystem;
import dev.evidentry.spi.fact.EndpointProtection;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.SSESpecification;
import software.amazon.awssdk.services.dynamodb.model.SSEType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * The regional services against moto seeded through the SDK: EBS volumes and default encryption, security groups,
 * RDS, KMS, DynamoDB, CloudTrail, GuardDuty and Config, in two regions. moto does not implement SSM (HTTP 500), so
 * every scan here also shows that an unimplemented call is an issue, never an empty answer; the SSM path itself is
 * tested against WireMock (AwsEndpointProtectionTest).
 */
class AwsRegionalMotoTest {

    private static final String ACCOUNT = "123456789012";
    private static final Region US = Region.US_EAST_1;
    private static final Region EU = Region.EU_WEST_1;
    /** An Ubuntu image moto ships, with its root device at /dev/sda1. */
    private static final String UBUNTU_AMI = "ami-1e749f67";

    @RegisterExtension
    static final AwsMotoFixture fixture = new AwsMotoFixture();
    private static final SeedClients seed = fixture.seed();

    private CollectionResult collect() {
        return fixture.collect();
    }

    /**
     * moto answers SSM DescribeInstanceInformation with HTTP 500: one issue a region, for endpoint protection and
     * operating system only, on the region, and nothing else may fail.
     */
    static void assertOnlySsmIsUnimplemented(CollectionResult result, String... regions) {
        assertThat(result.issues()).extracting(CollectionIssue::operation, CollectionIssue::region,
                        CollectionIssue::resource, CollectionIssue::cause, CollectionIssue::factKinds)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(regions).map(region -> tuple(
                        "ssm:DescribeInstanceInformation", region, ResourceRef.forRegion("aws", ACCOUNT, region),
                        IssueCause.SERVER_ERROR, Set.of(EndpointProtection.KIND, EndpointOperatingSystem.KIND))).toList());
        assertThat(result.issues()).allSatisfy(issue -> assertThat(issue.message()).contains("HTTP 500"));
        assertThat(result.facts(EndpointProtection.class)).isEmpty();
        assertThat(result.facts(EndpointOperatingSystem.class)).isEmpty();
    }

    @Test
    void readsEveryVolumesEncryptionAndEachRegionsDefault() {
        Ec2Client ec2 = seed.ec2(US);
        KeyMetadata cmk = seed.kms(US).createKey(b -> b.description("volumes")).keyMetadata();
        String plain = ec2.createVolume(b -> b.availabilityZone("us-east-1a").size(8)).volumeId();
        String byArn = ec2.createVolume(b -> b.availabilityZone("us-east-1a").size(8).encrypted(true)
                .kmsKeyId(cmk.arn())).volumeId();
        String byId = ec2.createVolume(b -> b.availabilityZone("us-east-1a").size(8).encrypted(true)
                .kmsKeyId(cmk.keyId())).volumeId(); // moto then names the key by its bare id
        String byDefault = ec2.createVolume(b -> b.availabilityZone("us-east-1a").size(8).encrypted(true))
                .volumeId();
        ec2.enableEbsEncryptionByDefault(b -> {});

        CollectionResult result = collect();

        assertOnlySsmIsUnimplemented(result, "us-east-1", "eu-west-1");
        Map<String, DataStoreEncryption> volumes = byName(result.facts(DataStoreEncryption.class).stream()
                .filter(fact -> fact.resource().type().equals("aws.ec2.volume")).toList());
        assertThat(volumes).containsOnlyKeys(plain, byArn, byId, byDefault);
        assertThat(volumes.get(plain).resource()).isEqualTo(new ResourceRef("aws", ACCOUNT, "us-east-1",
                "aws.ec2.volume", "arn:aws:ec2:us-east-1:" + ACCOUNT + ":volume/" + plain, plain));
        assertThat(volumes.get(plain)).extracting(DataStoreEncryption::encryption, DataStoreEncryption::keyId,
                DataStoreEncryption::detail).containsExactly(EncryptionAtRest.NONE, "", "Encrypted=false");
        assertThat(List.of(volumes.get(byArn), volumes.get(byId))).allSatisfy(volume ->
                assertThat(volume).extracting(DataStoreEncryption::encryption, DataStoreEncryption::keyId)
                        .containsExactly(EncryptionAtRest.CUSTOMER_KEY, cmk.arn()));
        // moto's stand-in for the aws/ebs key reports KeyManager=CUSTOMER (AWS says AWS): what DescribeKey says counts.
        assertThat(volumes.get(byDefault).encryption()).isEqualTo(EncryptionAtRest.CUSTOMER_KEY);
        assertThat(volumes.get(byArn).evidence()).hasSize(2);
        assertThat(result.evidenceJson(volumes.get(byArn).evidence().get(1))).contains("DescribeKey")
                .contains("KeyManager");

        assertThat(result.facts(AwsEbsEncryptionByDefault.class))
                .extracting(fact -> fact.resource(), AwsEbsEncryptionByDefault::enabled)
                .containsExactlyInAnyOrder(tuple(ResourceRef.forRegion("aws", ACCOUNT, "us-east-1"), true),
                        tuple(ResourceRef.forRegion("aws", ACCOUNT, "eu-west-1"), false));
    }

    /**
     * Each instance's root volume, named by DescribeInstances and judged by DescribeVolumes' Encrypted flag: moto
     * gives RunInstances an unencrypted root volume unless its block device mapping asks for encryption.
     */
    @Test
    void judgesEachInstancesRootVolumeEncryption() {
        Ec2Client ec2 = seed.ec2(US);
        KeyMetadata cmk = seed.kms(US).createKey(b -> b.description("root volumes")).keyMetadata();
        String plain = ec2.runInstances(b -> b.imageId(UBUNTU_AMI).minCount(1).maxCount(1).instanceType("t3.micro"))
                .instances().get(0).instanceId();
        String sealed = ec2.runInstances(b -> b.imageId(UBUNTU_AMI).minCount(1).maxCount(1).instanceType("t3.micro")
                .blockDeviceMappings(m -> m.deviceName("/dev/sda1").ebs(e -> e.volumeSize(8).encrypted(true)
                        .kmsKeyId(cmk.arn())))).instances().get(0).instanceId();

        CollectionResult result = collect();

        assertOnlySsmIsUnimplemented(result, "us-east-1", "eu-west-1");
        Map<String, EndpointDiskEncryption> disks = byName(result.facts(EndpointDiskEncryption.class));
        assertThat(disks).containsOnlyKeys(plain, sealed);
        assertThat(disks.get(plain).resource()).isEqualTo(new ResourceRef("aws", ACCOUNT, "us-east-1",
                "aws.ec2.instance", "arn:aws:ec2:us-east-1:" + ACCOUNT + ":instance/" + plain, plain));
        assertThat(disks.get(plain)).extracting(EndpointDiskEncryption::state, EndpointDiskEncryption::method)
                .containsExactly(DiskEncryptionState.NOT_ENCRYPTED, "");
        assertThat(disks.get(plain).detail()).startsWith("root volume vol-").endsWith(" (/dev/sda1): Encrypted=false");
        assertThat(disks.get(sealed)).extracting(EndpointDiskEncryption::state, EndpointDiskEncryption::method)
                .containsExactly(DiskEncryptionState.ENCRYPTED, "EBS encryption (KMS key " + cmk.arn() + ")");
        assertThat(disks.get(sealed).hostname()).startsWith("ip-");
        assertThat(disks.get(sealed).evidence()).hasSize(2);
    }

    @Test
    void reportsEverySecurityGroupWithItsIngressFromTheWorld() {
        Ec2Client ec2 = seed.ec2(US);
        String ssh = group(ec2, "bastion", IpPermission.builder().ipProtocol("tcp").fromPort(22).toPort(22)
                .ipRanges(r -> r.cidrIp("0.0.0.0/0")).build());
        String rdp = group(ec2, "windows-admin", IpPermission.builder().ipProtocol("tcp").fromPort(3389).toPort(3389)
                .ipRanges(r -> r.cidrIp("0.0.0.0/0"), r -> r.cidrIp("10.0.0.0/8")).build());
        String all = group(ec2, "wide-open", IpPermission.builder().ipProtocol("-1")
                .ipRanges(r -> r.cidrIp("0.0.0.0/0")).build());
        String web = group(ec2, "web-v6", IpPermission.builder().ipProtocol("tcp").fromPort(443).toPort(443)
                .ipv6Ranges(r -> r.cidrIpv6("::/0")).build());
        String safe = group(ec2, "db-internal", IpPermission.builder().ipProtocol("tcp").fromPort(5432).toPort(5432)
                .ipRanges(r -> r.cidrIp("10.0.0.0/16")).build());

        CollectionResult result = collect();

        assertOnlySsmIsUnimplemented(result, "us-east-1", "eu-west-1");
        Map<String, AwsSecurityGroup> groups = byName(result.facts(AwsSecurityGroup.class));
        assertThat(groups.get(ssh).openToWorld()).containsExactly(new WorldIngress("tcp", 22, 22, "0.0.0.0/0"));
        assertThat(groups.get(rdp).openToWorld()).containsExactly(new WorldIngress("tcp", 3389, 3389, "0.0.0.0/0"));
        assertThat(groups.get(all).openToWorld()).containsExactly(new WorldIngress("-1", -1, -1, "0.0.0.0/0"));
        assertThat(groups.get(web).openToWorld()).containsExactly(new WorldIngress("tcp", 443, 443, "::/0"));
        assertThat(groups.get(safe).openToWorld()).isEmpty();
        assertThat(groups.get(ssh)).extracting(AwsSecurityGroup::groupName).isEqualTo("bastion");
        assertThat(groups.get(ssh).vpcId()).startsWith("vpc-");
        assertThat(groups.get(ssh).resource()).isEqualTo(new ResourceRef("aws", ACCOUNT, "us-east-1",
                "aws.ec2.security-group", "arn:aws:ec2:us-east-1:" + ACCOUNT + ":security-group/" + ssh, ssh));
        // Each region's default group is reported too, without world ingress.
        assertThat(result.facts(AwsSecurityGroup.class)).filteredOn(group -> group.groupName().equals("default"))
                .extracting(group -> group.resource().region()).contains("us-east-1", "eu-west-1")
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(result.facts(AwsSecurityGroup.class)).filteredOn(group -> group.groupName().equals("default"))
                .allSatisfy(group -> assertThat(group.openToWorld()).isEmpty());
    }

    @Test
    void readsRdsInstancesAndCustomerKeys() {
        RdsClient rds = seed.rds(EU);
        KeyMetadata rotating = seed.kms(EU).createKey(b -> b.description("rds")).keyMetadata();
        seed.kms(EU).enableKeyRotation(b -> b.keyId(rotating.keyId()));
        KeyMetadata still = seed.kms(US).createKey(b -> b.description("no rotation")).keyMetadata();
        KeyMetadata disabled = seed.kms(US).createKey(b -> b.description("disabled")).keyMetadata();
        seed.kms(US).disableKey(b -> b.keyId(disabled.keyId()));
        rds.createDBInstance(b -> b.dbInstanceIdentifier("public-db").dbInstanceClass("db.t3.micro")
                .engine("postgres").masterUsername("admin").masterUserPassword("password-1").allocatedStorage(20)
                .publiclyAccessible(true).backupRetentionPeriod(0));
        // PubliclyAccessible not set: moto then leaves it out, as AWS does for false. An explicit key: moto names an
        // encrypted instance's default key "default_kms_key_id", which is no key.
        rds.createDBInstance(b -> b.dbInstanceIdentifier("private-db").dbInstanceClass("db.t3.micro")
                .engine("mysql").masterUsername("admin").masterUserPassword("password-1").allocatedStorage(20)
                .backupRetentionPeriod(7).storageEncrypted(true).kmsKeyId(rotating.arn()));

        CollectionResult result = collect();

        assertOnlySsmIsUnimplemented(result, "us-east-1", "eu-west-1");
        assertThat(result.facts(AwsRdsInstance.class)).extracting(fact -> fact.resource().nativeId(),
                        fact -> fact.resource().region(), AwsRdsInstance::engine, AwsRdsInstance::publiclyAccessible,
                        AwsRdsInstance::backupRetentionDays)
                .containsExactlyInAnyOrder(
                        tuple("arn:aws:rds:eu-west-1:" + ACCOUNT + ":db:public-db", "eu-west-1", "postgres", true, 0),
                        tuple("arn:aws:rds:eu-west-1:" + ACCOUNT + ":db:private-db", "eu-west-1", "mysql", false, 7));
        assertThat(result.facts(DataStoreEncryption.class)).filteredOn(f -> f.resource().type().equals(
                        "aws.rds.instance"))
                .extracting(f -> f.resource().name(), DataStoreEncryption::encryption, DataStoreEncryption::keyId)
                .containsExactlyInAnyOrder(tuple("public-db", EncryptionAtRest.NONE, ""),
                        tuple("private-db", EncryptionAtRest.CUSTOMER_KEY, rotating.arn()));

        assertThat(result.facts(AwsKmsKey.class)).extracting(fact -> fact.resource().nativeId(),
                        fact -> fact.resource().region(), AwsKmsKey::keyState, AwsKmsKey::keySpec,
                        AwsKmsKey::rotationEnabled)
                .containsExactlyInAnyOrder(
                        tuple(rotating.arn(), "eu-west-1", "Enabled", "SYMMETRIC_DEFAULT", true),
                        tuple(still.arn(), "us-east-1", "Enabled", "SYMMETRIC_DEFAULT", false),
                        tuple(disabled.arn(), "us-east-1", "Disabled", "SYMMETRIC_DEFAULT", false));
        assertThat(result.facts(AwsKmsKey.class)).filteredOn(key -> key.keyState().equals("Enabled"))
                .allSatisfy(key -> assertThat(key.evidence()).hasSize(3)); // ListKeys, DescribeKey, rotation
        assertThat(result.facts(AwsKmsKey.class)).filteredOn(key -> key.keyState().equals("Disabled"))
                .singleElement().satisfies(key -> assertThat(key.evidence()).hasSize(2)); // no rotation asked
    }

    @Test
    void readsEveryTablesEncryption() {
        DynamoDbClient dynamoDb = seed.dynamoDb(US);
        KeyMetadata cmk = seed.kms(US).createKey(b -> b.description("tables")).keyMetadata();
        table(dynamoDb, "orders", null);
        table(dynamoDb, "payments", SSESpecification.builder().enabled(true).sseType(SSEType.KMS)
                .kmsMasterKeyId(cmk.arn()).build());

        CollectionResult result = collect();

        assertOnlySsmIsUnimplemented(result, "us-east-1", "eu-west-1");
        assertThat(result.facts(DataStoreEncryption.class)).filteredOn(f -> f.resource().type().equals(
                        "aws.dynamodb.table"))
                .extracting(Fact::resource, DataStoreEncryption::encryption, DataStoreEncryption::keyId)
                .containsExactlyInAnyOrder(
                        tuple(new ResourceRef("aws", ACCOUNT, "us-east-1", "aws.dynamodb.table",
                                        "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/orders", "orders"),
                                EncryptionAtRest.PROVIDER_KEY, ""),
                        tuple(new ResourceRef("aws", ACCOUNT, "us-east-1", "aws.dynamodb.table",
                                        "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/payments", "payments"),
                                EncryptionAtRest.CUSTOMER_KEY, cmk.arn()));
    }

    @Test
    void readsTrailsOnceDetectorsAndRecordersPerRegion() {
        seed.s3UsEast1.createBucket(b -> b.bucket("trail-logs"));
        String key = seed.kms(US).createKey(b -> b.description("trail")).keyMetadata().arn();
        seed.cloudTrail(US).createTrail(b -> b.name("org-wide").s3BucketName("trail-logs").isMultiRegionTrail(true)
                .enableLogFileValidation(true).kmsKeyId(key));
        seed.cloudTrail(US).startLogging(b -> b.name("org-wide"));
        seed.cloudTrail(EU).createTrail(b -> b.name("local").s3BucketName("trail-logs")); // never started
        seed.guardDuty(US).createDetector(b -> b.enable(true));
        seed.config(US).putConfigurationRecorder(b -> b.configurationRecorder(r -> r.name("default")
                .roleARN("arn:aws:iam::" + ACCOUNT + ":role/config")
                .recordingGroup(g -> g.allSupported(true).includeGlobalResourceTypes(true))));
        seed.config(US).putDeliveryChannel(b -> b.deliveryChannel(d -> d.name("default").s3BucketName("trail-logs")));
        seed.config(US).startConfigurationRecorder(b -> b.configurationRecorderName("default"));

        CollectionResult result = collect();

        assertOnlySsmIsUnimplemented(result, "us-east-1", "eu-west-1");
        // The multi-region trail is listed in both regions (eu-west-1 sees its shadow) but reported once.
        assertThat(result.facts(AwsCloudTrailTrail.class)).extracting(Fact::resource,
                        AwsCloudTrailTrail::multiRegion, AwsCloudTrailTrail::logging,
                        AwsCloudTrailTrail::logFileValidation, AwsCloudTrailTrail::kmsKeyId,
                        AwsCloudTrailTrail::organizationTrail)
                .containsExactlyInAnyOrder(
                        tuple(new ResourceRef("aws", ACCOUNT, "us-east-1", "aws.cloudtrail.trail",
                                "arn:aws:cloudtrail:us-east-1:" + ACCOUNT + ":trail/org-wide", "org-wide"),
                                true, true, true, key, false),
                        tuple(new ResourceRef("aws", ACCOUNT, "eu-west-1", "aws.cloudtrail.trail",
                                "arn:aws:cloudtrail:eu-west-1:" + ACCOUNT + ":trail/local", "local"),
                                false, false, false, "", false));
        assertThat(result.allStoredText()).contains("\"includeShadowTrails\" : \"true\"");
        assertThat(result.facts(AwsCloudTrailAccount.class)).singleElement()
                .extracting(AwsCloudTrailAccount::trailArns).isEqualTo(List.of(
                        "arn:aws:cloudtrail:eu-west-1:" + ACCOUNT + ":trail/local",
                        "arn:aws:cloudtrail:us-east-1:" + ACCOUNT + ":trail/org-wide"));

        assertThat(result.facts(AwsGuardDutyRegion.class))
                .extracting(fact -> fact.resource().region(), AwsGuardDutyRegion::enabled,
                        fact -> fact.detectorId().isEmpty())
                .containsExactlyInAnyOrder(tuple("us-east-1", true, false), tuple("eu-west-1", false, true));
        assertThat(result.facts(AwsConfigRegion.class))
                .extracting(fact -> fact.resource().region(), AwsConfigRegion::recorderName,
                        AwsConfigRegion::recording, AwsConfigRegion::allSupported)
                .containsExactlyInAnyOrder(tuple("us-east-1", "default", true, true),
                        tuple("eu-west-1", "", false, false));
        assertThat(result.facts(AwsConfigRegion.class)).allSatisfy(fact -> assertThat(fact.evidence()).hasSize(2));
    }

    @Test
    void anAccountWithoutTrailsIsAFactNotSilence() {
        CollectionResult result = collect();

        assertOnlySsmIsUnimplemented(result, "us-east-1", "eu-west-1");
        assertThat(result.facts(AwsCloudTrailTrail.class)).isEmpty();
        assertThat(result.facts(AwsCloudTrailAccount.class)).hasSize(1);
        AwsCloudTrailAccount account = result.facts(AwsCloudTrailAccount.class).get(0);
        assertThat(account.resource()).isEqualTo(ResourceRef.forAccount("aws", ACCOUNT));
        assertThat(account.trailArns()).isEmpty();
        assertThat(account.evidence()).hasSize(2); // one DescribeTrails answer per region
    }

    private static String group(Ec2Client ec2, String name, IpPermission ingress) {
        String id = ec2.createSecurityGroup(b -> b.groupName(name).description(name)).groupId();
        ec2.authorizeSecurityGroupIngress(b -> b.groupId(id).ipPermissions(ingress));
        return id;
    }

    private static void table(DynamoDbClient dynamoDb, String name, SSESpecification sse) {
        dynamoDb.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .sseSpecification(sse));
    }

    private static <F extends Fact> Map<String, F> byName(List<F> facts) {
        return facts.stream().collect(Collectors.toMap(fact -> fact.resource().name(), Function.identity()));
    }
}
