package dev.evidentry.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.evidentry.azure.AzureProviderTest.byName;
import static dev.evidentry.azure.AzureProviderTest.single;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Virtual machines as endpoints, from the one VM listing (with its instance view) the provider already makes for
 * endpoint protection. vm-protected: Windows, managed OS disk with a platform-managed key, agent Ready, patched;
 * vm-unprotected: Ubuntu, managed disk with a disk encryption set and encryption at host; vm-unhealthy: an ephemeral
 * OS disk without encryption at host, agent Not Ready; vm-unassessed (second page): deallocated, an unmanaged VHD with
 * Azure Disk Encryption.
 */
class AzureVirtualMachineEndpointTest {

    private static FakeAzure azure;

    @BeforeAll
    static void start() {
        azure = FakeAzure.start();
    }

    @AfterAll
    static void stop() {
        azure.close();
    }

    @BeforeEach
    void baseline() {
        azure.reset();
        Baseline.stub(azure);
    }

    private CollectionResult collect() {
        return AzureTestKit.collect(AzureTestKit.provider(), Baseline.options(azure));
    }

    @Test
    void osDiskEncryptionSaysWhichEncryptionAndFailsTheUncoveredEphemeralDisk() {
        CollectionResult result = collect();

        assertThat(result.issues()).isEmpty();
        assertThat(byName(result.facts(EndpointDiskEncryption.class)).values())
                .extracting(disk -> disk.resource().name(), EndpointDiskEncryption::state,
                        EndpointDiskEncryption::method)
                .containsExactlyInAnyOrder(
                        tuple("vm-protected", DiskEncryptionState.ENCRYPTED,
                                "server-side encryption with a platform-managed key"),
                        tuple("vm-unprotected", DiskEncryptionState.ENCRYPTED, "server-side encryption with a "
                                + "customer-managed key (disk encryption set cmk-disk-set) + encryption at host"),
                        tuple("vm-unhealthy", DiskEncryptionState.NOT_ENCRYPTED, ""),
                        tuple("vm-unassessed", DiskEncryptionState.ENCRYPTED, "Azure Storage service encryption of "
                                + "the unmanaged VHD's storage account + Azure Disk Encryption"));
        Map<String, EndpointDiskEncryption> disks = byName(result.facts(EndpointDiskEncryption.class));
        assertThat(disks.get("vm-unhealthy").detail()).isEqualTo("ephemeral OS disk vm-unhealthy-osdisk: an "
                + "ephemeral OS disk on the host's local storage, which server-side encryption does not cover, "
                + "without encryption at host or Azure Disk Encryption");
        assertThat(disks.get("vm-protected").detail()).isEqualTo("managed OS disk vm-protected-osdisk");
        assertThat(disks.get("vm-unassessed").detail()).isEqualTo("unmanaged OS disk "
                + "https://legacyvhds.blob.core.windows.net/vhds/vm-unassessed-osdisk.vhd");
    }

    @Test
    void operatingSystemAndLastReportFromTheInstanceViewInTheSameListing() {
        CollectionResult result = collect();

        Map<String, EndpointOperatingSystem> systems = byName(result.facts(EndpointOperatingSystem.class));
        assertThat(systems.values()).extracting(os -> os.resource().name(), EndpointOperatingSystem::platform,
                        EndpointOperatingSystem::name, EndpointOperatingSystem::version,
                        EndpointOperatingSystem::lastReported)
                .containsExactlyInAnyOrder(
                        tuple("vm-protected", "windows", "Windows Server 2022 Datacenter Azure Edition",
                                "Microsoft Windows NT 10.0.20348.0", Instant.parse("2026-11-22T09:11:22Z")),
                        tuple("vm-unprotected", "linux", "ubuntu", "22.04", Instant.parse("2026-11-22T09:05:00Z")),
                        // Not Ready: the status time does not say when the agent last reported.
                        tuple("vm-unhealthy", "linux", "ubuntu", "20.04", null),
                        tuple("vm-unassessed", "windows", "WindowsServer 2019-Datacenter", "", null));
        assertThat(systems.get("vm-protected").lastPatchedIfKnown())
                .contains(Instant.parse("2026-11-20T02:40:04.2556154Z"));
        assertThat(systems.get("vm-protected").detail()).isEqualTo("VM agent Ready, power state running");
        assertThat(systems.get("vm-unhealthy").detail()).isEqualTo("VM agent Not Ready, power state running");
        assertThat(systems.get("vm-unassessed").detail()).isEqualTo("name from the image reference, no VM agent "
                + "status, power state deallocated");
        assertThat(systems.get("vm-unprotected").lastPatchedIfKnown()).isEmpty();
        // One listing, both pages, with the instance view asked for in the same call.
        assertThat(azure.count(Baseline.VMS)).isEqualTo(2);
        assertThat(azure.server().countRequestsMatching(getRequestedFor(urlPathEqualTo(Baseline.VMS))
                .withQueryParam("$expand", equalTo("instanceView")).build()).getCount()).isEqualTo(2);
    }

    @Test
    void aVmsFactsShareOneResource() {
        CollectionResult result = collect();

        Set<ResourceRef> protectedVms = refs(result.facts(EndpointProtection.class));
        assertThat(protectedVms).hasSize(4);
        assertThat(refs(result.facts(EndpointOperatingSystem.class))).isEqualTo(protectedVms);
        assertThat(refs(result.facts(EndpointDiskEncryption.class))).isEqualTo(protectedVms);
        EndpointDiskEncryption disk = byName(result.facts(EndpointDiskEncryption.class)).get("vm-protected");
        assertThat(disk.hostname()).isEqualTo("vm-protected");
        assertThat(result.evidenceJson(disk.evidence().get(0))).contains("Microsoft.Compute/virtualMachines")
                .contains("vm-protected-osdisk");
    }

    @Test
    void failedAssessmentsCostProtectionOnly() {
        azure.fault(azure.first(Baseline.ASSESSMENTS), azure.json(403, "arm/error-authorizationFailed.json"));

        CollectionResult result = collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.operation()).isEqualTo("Microsoft.Security/assessments:list");
        assertThat(issue.factKinds()).containsExactly(EndpointProtection.KIND);
        assertThat(result.facts(EndpointProtection.class)).isEmpty();
        assertThat(result.facts(EndpointOperatingSystem.class)).hasSize(4);
        assertThat(result.facts(EndpointDiskEncryption.class)).hasSize(4);
    }

    @Test
    void aFailedVmListingCostsEveryEndpointKind() {
        azure.fault(azure.first(Baseline.VMS), azure.json(500, "arm/error-internal.json"));

        CollectionResult result = collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue).extracting(CollectionIssue::operation, CollectionIssue::cause)
                .containsExactly("Microsoft.Compute/virtualMachines:listAll", IssueCause.SERVER_ERROR);
        assertThat(issue.factKinds()).containsExactlyInAnyOrder(EndpointProtection.KIND,
                EndpointOperatingSystem.KIND, EndpointDiskEncryption.KIND);
        assertThat(result.facts(EndpointOperatingSystem.class)).isEmpty();
        assertThat(result.facts(EndpointDiskEncryption.class)).isEmpty();
        assertThat(azure.count(Baseline.ASSESSMENTS)).isZero();
    }

    @Test
    void anEncryptionFlagThatIsNotABooleanCostsThatVmsDiskOnly() {
        azure.fault(azure.first(Baseline.VMS), azure.json("arm/virtualMachines-encryptionAtHost-text.json"));

        CollectionResult result = collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue).extracting(CollectionIssue::cause, CollectionIssue::factKinds)
                .containsExactly(IssueCause.MALFORMED_RESPONSE, Set.of(EndpointDiskEncryption.KIND));
        assertThat(issue.resource().name()).isEqualTo("vm-protected");
        assertThat(issue.message()).contains("encryptionAtHost is not true or false");
        assertThat(result.facts(EndpointDiskEncryption.class)).isEmpty();
        assertThat(result.facts(EndpointOperatingSystem.class)).extracting(os -> os.resource().name())
                .containsExactly("vm-protected");
    }

    private static Set<ResourceRef> refs(List<? extends Fact> facts) {
        return facts.stream().map(Fact::resource).collect(Collectors.toSet());
    }
}
