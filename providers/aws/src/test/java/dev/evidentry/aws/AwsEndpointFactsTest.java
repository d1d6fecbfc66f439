package dev.evidentry.aws;

import static dev.evidentry.aws.FakeAws.ACCOUNT;
import static dev.evidentry.aws.FakeAws.ON_PREMISES;
import static dev.evidentry.aws.FakeAws.SSM;
import static dev.evidentry.aws.FakeAws.STOPPED;
import static dev.evidentry.aws.FakeAws.UNMANAGED;
import static dev.evidentry.aws.FakeAws.WITHOUT_AGENT;
import static dev.evidentry.aws.FakeAws.WITH_AGENT;
import static dev.evidentry.aws.FakeAws.error;
import static dev.evidentry.aws.FakeAws.in;
import static dev.evidentry.aws.FakeAws.inventory;
import static dev.evidentry.aws.FakeAws.jsonError;
import static dev.evidentry.aws.FakeAws.query;
import static dev.evidentry.aws.FakeAws.target;
import static dev.evidentry.aws.FakeAws.xml;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.DiskEncryptionState;
import dev.evidentry.spi.fact.EndpointDiskEncryption;
import dev.evidentry.spi.fact.EndpointOperatingSystem;
import dev.evidentry.spi.fact.EndpointProtection;
import dev.evidentry.testkit.CollectionResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The operating system and root volume encryption of the same machines {@link AwsEndpointProtectionTest} judges, from
 * the listings the provider already makes: SSM DescribeInstanceInformation (which moto does not implement, hence
 * WireMock), EC2 DescribeInstances (each instance's root device) and EC2 DescribeVolumes (each volume's
 * {@code Encrypted}). In us-east-1 the Amazon Linux instance's root volume is encrypted with a KMS key, the Windows
 * one's is not, the unmanaged one's is, and the stopped one's is.
 */
class AwsEndpointFactsTest {

    private static final Instant LAST_PING = Instant.ofEpochSecond(1_767_250_800L);

    @RegisterExtension
    static final AwsWireMockFixture fixture = new AwsWireMockFixture();

    private static final FakeAws aws = fixture.aws();

    @Test
    void everyManagedMachineHasItsOperatingSystemAndLastPing() {
        CollectionResult result = fixture.collect();

        assertThat(result.issues()).isEmpty();
        Map<String, EndpointOperatingSystem> systems = byName(result.facts(EndpointOperatingSystem.class));
        assertThat(systems.values()).extracting(os -> os.resource().name(), EndpointOperatingSystem::hostname,
                        EndpointOperatingSystem::platform, EndpointOperatingSystem::name,
                        EndpointOperatingSystem::version, EndpointOperatingSystem::lastReported)
                .containsExactlyInAnyOrder(
                        tuple(WITH_AGENT, "ip-10-0-1-10.ec2.internal", "linux", "Amazon Linux", "2023", LAST_PING),
                        tuple(WITHOUT_AGENT, "ip-10-0-1-20.ec2.internal", "windows",
                                "Microsoft Windows Server 2022 Datacenter", "10.0.20348", LAST_PING),
                        tuple(UNMANAGED, "ip-10-0-1-30.ec2.internal", "linux", "Linux/UNIX", "", null),
                        tuple(STOPPED, "ip-10-0-1-50.ec2.internal", "linux", "Linux/UNIX", "", null),
                        tuple(ON_PREMISES, "build-01.corp.example.com", "linux", "Ubuntu", "22.04", LAST_PING));
        assertThat(systems.get(WITHOUT_AGENT).detail()).isEqualTo("SSM Agent ping status Online");
        assertThat(systems.get(UNMANAGED).detail())
                .isEqualTo("not managed by SSM Systems Manager: its software cannot be seen");
        assertThat(result.evidenceJson(systems.get(WITH_AGENT).evidence().get(1)))
                .contains("DescribeInstanceInformation").contains("Amazon Linux");
    }

    @Test
    void lastPatchedIsWhenPatchManagerLastInstalledNotWhenItScanned() {
        CollectionResult result = fixture.collect();

        Map<String, EndpointOperatingSystem> systems = byName(result.facts(EndpointOperatingSystem.class));
        EndpointOperatingSystem installed = systems.get(WITH_AGENT);
        assertThat(installed.lastPatchedIfKnown()).contains(Instant.ofEpochSecond(1_767_241_800L));
        assertThat(installed.detail()).isEqualTo("SSM Agent ping status Online, Patch Manager Install ended "
                + "2026-01-01T04:30:00Z");
        assertThat(result.evidenceJson(installed.evidence().get(2))).contains("DescribeInstancePatchStates");
        EndpointOperatingSystem scanned = systems.get(ON_PREMISES);
        assertThat(scanned.lastPatchedIfKnown()).isEmpty();
        assertThat(scanned.detail()).endsWith("Patch Manager Scan ended 2026-01-01T03:05:00Z");
        // Patch Manager never ran on it: no patch data, and no issue.
        assertThat(systems.get(WITHOUT_AGENT).lastPatchedIfKnown()).isEmpty();
        assertThat(result.issues()).isEmpty();
        // One call for the region's three managed machines, naming them all.
        assertThat(aws.count(FakeAws.targeted(SSM + "DescribeInstancePatchStates"))).isEqualTo(1);
        assertThat(aws.count(FakeAws.targeted(SSM + "DescribeInstancePatchStates").withRequestBody(
                matchingJsonPath("$.InstanceIds.length()", equalTo("3"))))).isEqualTo(1);
    }

    @Test
    void deniedPatchStatesLeaveTheSystemsWithoutLastPatchAndCostNoVerdict() {
        aws.fault(target(SSM + "DescribeInstancePatchStates"), jsonError(400, "ssm/AccessDeniedException.json"));

        CollectionResult result = fixture.collect();

        assertThat(result.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.operation()).isEqualTo("ssm:DescribeInstancePatchStates");
            assertThat(issue.cause()).isEqualTo(IssueCause.ACCESS_DENIED);
            assertThat(issue.factKinds()).as("the systems' other verdicts stand").isEmpty();
        });
        Map<String, EndpointOperatingSystem> systems = byName(result.facts(EndpointOperatingSystem.class));
        assertThat(systems).containsOnlyKeys(WITH_AGENT, WITHOUT_AGENT, UNMANAGED, STOPPED, ON_PREMISES);
        assertThat(systems.get(WITH_AGENT).lastPatchedIfKnown()).isEmpty();
        assertThat(systems.get(WITH_AGENT).detail()).contains("ssm:DescribeInstancePatchStates failed: ");
        assertThat(systems.get(WITH_AGENT).lastReportedIfKnown()).contains(LAST_PING);
    }

    @Test
    void aMachinesFactsShareOneResource() {
        CollectionResult result = fixture.collect();

        Set<ResourceRef> protectionRefs = refs(result.facts(EndpointProtection.class));
        assertThat(refs(result.facts(EndpointOperatingSystem.class))).isEqualTo(protectionRefs);
        // Every EC2 instance has a root volume; the on-premises machine has none EC2 knows of.
        assertThat(refs(result.facts(EndpointDiskEncryption.class))).containsExactlyInAnyOrderElementsOf(
                protectionRefs.stream().filter(ref -> !ref.name().equals(ON_PREMISES)).toList());
    }

    @Test
    void everyInstancesRootVolumeEncryptionComesFromTheVolumeListing() {
        CollectionResult result = fixture.collect();

        Map<String, EndpointDiskEncryption> disks = byName(result.facts(EndpointDiskEncryption.class));
        assertThat(disks.values()).extracting(disk -> disk.resource().name(), EndpointDiskEncryption::state,
                        EndpointDiskEncryption::method, EndpointDiskEncryption::detail)
                .containsExactlyInAnyOrder(
                        tuple(WITH_AGENT, DiskEncryptionState.ENCRYPTED, "EBS encryption (KMS key arn:aws:kms:"
                                + "us-east-1:111122223333:key/0987dcba-09fe-87dc-65ba-ab0987654321)",
                                "root volume vol-0a1b2c3d4e5f60002 (/dev/xvda): Encrypted=true"),
                        tuple(WITHOUT_AGENT, DiskEncryptionState.NOT_ENCRYPTED, "",
                                "root volume vol-0a1b2c3d4e5f60001 (/dev/xvda): Encrypted=false"),
                        tuple(UNMANAGED, DiskEncryptionState.ENCRYPTED, "EBS encryption (KMS key arn:aws:kms:"
                                + "us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab)",
                                "root volume vol-0a1b2c3d4e5f60003 (/dev/xvda): Encrypted=true"),
                        tuple(STOPPED, DiskEncryptionState.ENCRYPTED, "EBS encryption (KMS key arn:aws:kms:"
                                + "us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab)",
                                "root volume vol-0a1b2c3d4e5f60004 (/dev/xvda): Encrypted=true"));
        EndpointDiskEncryption plain = disks.get(WITHOUT_AGENT);
        assertThat(plain.hostname()).isEqualTo("ip-10-0-1-20.ec2.internal");
        assertThat(result.evidenceJson(plain.evidence().get(0))).contains("DescribeInstances")
                .contains("vol-0a1b2c3d4e5f60001");
        assertThat(result.evidenceJson(plain.evidence().get(1))).contains("DescribeVolumes")
                .contains("vol-0a1b2c3d4e5f60001");
        // The root volumes add no call: each listing is made once per region.
        assertThat(aws.count(in("us-east-1", FakeAws.queried("DescribeInstances")))).isEqualTo(1);
        assertThat(aws.count(in("us-east-1", FakeAws.queried("DescribeVolumes")))).isEqualTo(2); // two pages
    }

    @Test
    void aRootDeviceWithoutAListedEbsVolumeCannotBeJudged() {
        aws.fault(in("us-east-1", query("DescribeInstances")),
                xml("ec2/DescribeInstances-us-east-1-unusual-roots.xml"));

        CollectionResult result = fixture.collect();

        assertThat(result.facts(EndpointDiskEncryption.class)).extracting(disk -> disk.resource().name(),
                        EndpointDiskEncryption::state, EndpointDiskEncryption::detail)
                .containsExactlyInAnyOrder(
                        tuple("i-0a1b2c3d4e5f60060", DiskEncryptionState.UNKNOWN, "its root device is an instance "
                                + "store volume, whose encryption EC2 does not report"),
                        tuple("i-0a1b2c3d4e5f60070", DiskEncryptionState.UNKNOWN, "root volume "
                                + "vol-0a1b2c3d4e5f60099 (/dev/xvda) is not in the region's DescribeVolumes answer "
                                + "(attached or replaced while the scan ran?)"));
    }

    @Test
    void deniedInstancesCostTheRegionsDiskEncryptionButNotTheManagedMachinesSystems() {
        aws.fault(in("us-east-1", query("DescribeInstances")), error(403, "ec2/UnauthorizedOperation.xml"));

        CollectionResult result = fixture.collect();

        assertThat(result.issues()).singleElement().extracting(CollectionIssue::operation, CollectionIssue::resource,
                        CollectionIssue::factKinds)
                .containsExactly("ec2:DescribeInstances", ResourceRef.forRegion("aws", ACCOUNT, "us-east-1"),
                        Set.of(EndpointProtection.KIND, EndpointOperatingSystem.KIND, EndpointDiskEncryption.KIND));
        assertThat(result.facts(EndpointDiskEncryption.class)).isEmpty();
        assertThat(byName(result.facts(EndpointOperatingSystem.class))).containsOnlyKeys(WITH_AGENT, WITHOUT_AGENT,
                ON_PREMISES);
    }

    @Test
    void aFailedManagedInstanceListingCostsTheSystemsButNotTheDisks() {
        aws.fault(in("us-east-1", target(SSM + "DescribeInstanceInformation")),
                jsonError(400, "ssm/AccessDeniedException.json"));

        CollectionResult result = fixture.collect();

        assertThat(result.issues()).singleElement().extracting(CollectionIssue::operation, CollectionIssue::cause,
                        CollectionIssue::factKinds)
                .containsExactly("ssm:DescribeInstanceInformation", IssueCause.ACCESS_DENIED,
                        Set.of(EndpointProtection.KIND, EndpointOperatingSystem.KIND));
        assertThat(result.facts(EndpointOperatingSystem.class)).isEmpty();
        assertThat(byName(result.facts(EndpointDiskEncryption.class))).containsOnlyKeys(WITH_AGENT, WITHOUT_AGENT,
                UNMANAGED, STOPPED);
    }

    @Test
    void aDeniedInventoryCostsProtectionOnly() {
        aws.fault(inventory(WITH_AGENT), jsonError(400, "ssm/AccessDeniedException.json"));

        CollectionResult result = fixture.collect();

        assertThat(result.issues()).singleElement().extracting(CollectionIssue::factKinds)
                .isEqualTo(Set.of(EndpointProtection.KIND));
        assertThat(byName(result.facts(EndpointOperatingSystem.class))).containsKey(WITH_AGENT);
        assertThat(byName(result.facts(EndpointDiskEncryption.class))).containsKey(WITH_AGENT);
    }

    private static Set<ResourceRef> refs(List<? extends Fact> facts) {
        return facts.stream().map(Fact::resource).collect(Collectors.toSet());
    }

    private static <F extends Fact> Map<String, F> byName(List<F> facts) {
        return facts.stream().collect(Collectors.toMap(fact -> fact.resource().name(), fact -> fact));
    }
}
