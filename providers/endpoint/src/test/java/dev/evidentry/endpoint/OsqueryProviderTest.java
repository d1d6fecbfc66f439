package dev.evidentry.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.DiskEncryptionState;
import dev.evidentry.spi.fact.EndpointDiskEncryption;
import dev.evidentry.spi.fact.EndpointOperatingSystem;
import dev.evidentry.spi.fact.EndpointProtection;
import dev.evidentry.spi.fact.EndpointScreenLock;
import dev.evidentry.spi.fact.ProtectionState;
import dev.evidentry.spi.fact.ScreenLockState;
import dev.evidentry.testkit.CollectionResult;
import dev.evidentry.testkit.ProviderTestKit;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provider loaded through {@code ServiceLoader}, reading osqueryd snapshot result logs as the filesystem logger
 * writes them (a current and a rotated file, one line cut off mid-write).
 */
class OsqueryProviderTest {

    static final String ALICE = "serial/C02ALICE0001";
    static final String BOB = "serial/PF3BOB01";
    static final String CAROL = "hostname/carol-ubuntu";
    static final String DAVE = "serial/FVFDAVE00002";

    private static CollectionResult result;

    static Path fixture(String name) {
        try {
            return Path.of(OsqueryProviderTest.class.getResource("/osquery/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    static void scan() {
        result = ProviderTestKit.load("endpoint").collect(Map.of("osquery-results", fixture("fleet").toString()));
    }

    @Test
    void oneDevicePerHostNamedBySerialOrByHostNameWhenTheSerialIsAPlaceholder() {
        assertThat(byId(result.facts(EndpointOperatingSystem.class))).containsOnlyKeys(ALICE, BOB, CAROL, DAVE);
        ResourceRef alice = byId(result.facts(EndpointOperatingSystem.class)).get(ALICE).resource();
        assertThat(alice).isEqualTo(ResourceRef.global("endpoint", "fleet", "endpoint.device", ALICE,
                "alice-mbp.local"));
    }

    @Test
    void readsProtectionFromKnownAgentProcessesAndWindowsSecurityCenter() {
        Map<String, EndpointProtection> protection = byId(result.facts(EndpointProtection.class));
        assertThat(protection.get(ALICE).protection()).isEqualTo(ProtectionState.ACTIVE);
        assertThat(protection.get(ALICE).agent()).isEqualTo("CrowdStrike Falcon");
        assertThat(protection.get(ALICE).serialNumber()).isEqualTo("C02ALICE0001");
        assertThat(protection.get(ALICE).lastReported()).isEqualTo(Instant.parse("2025-12-31T08:00:00Z"));
        assertThat(protection.get(BOB).protection()).isEqualTo(ProtectionState.ACTIVE);
        assertThat(protection.get(BOB).agent()).isEqualTo("Microsoft Defender Antivirus");
        assertThat(protection.get(CAROL).protection()).isEqualTo(ProtectionState.ABSENT);
        assertThat(protection.get(CAROL).detail()).isEqualTo("no known antivirus or EDR process was running");
        assertThat(protection.get(DAVE).agent()).isEqualTo("SentinelOne");
    }

    @Test
    void readsFileVaultBitLockerAndLinuxDiskEncryption() {
        Map<String, EndpointDiskEncryption> disks = byId(result.facts(EndpointDiskEncryption.class));
        assertThat(disks.get(ALICE)).extracting(EndpointDiskEncryption::state, EndpointDiskEncryption::method)
                .containsExactly(DiskEncryptionState.ENCRYPTED, "FileVault APFS Encryption");
        assertThat(disks.get(BOB)).extracting(EndpointDiskEncryption::state, EndpointDiskEncryption::method)
                .containsExactly(DiskEncryptionState.ENCRYPTED, "BitLocker XTS_AES_128");
        assertThat(disks.get(CAROL)).extracting(EndpointDiskEncryption::state, EndpointDiskEncryption::detail)
                .containsExactly(DiskEncryptionState.NOT_ENCRYPTED, "/dev/nvme0n1p2 not encrypted (not encrypted)");
    }

    @Test
    void keepsTheLatestSnapshotOfEachQueryWhicheverFileItIsIn() {
        Map<String, EndpointScreenLock> locks = byId(result.facts(EndpointScreenLock.class));
        // The rotated file holds an older snapshot with the lock disabled; the current one wins.
        assertThat(locks.get(ALICE)).extracting(EndpointScreenLock::state, EndpointScreenLock::lockAfter)
                .containsExactly(ScreenLockState.ENABLED, Duration.ofSeconds(305));
        assertThat(locks.get(BOB)).extracting(EndpointScreenLock::state, EndpointScreenLock::lockAfter)
                .containsExactly(ScreenLockState.ENABLED, Duration.ofMinutes(15));
        assertThat(locks.get(DAVE).state()).isEqualTo(ScreenLockState.UNKNOWN);
        assertThat(locks.get(DAVE).detail()).isEqualTo("no evidentry_screenlock results for this host");
        assertThat(locks.get(CAROL)).extracting(EndpointScreenLock::state, EndpointScreenLock::detail)
                .containsExactly(ScreenLockState.UNKNOWN, "a graphical session runs, and osquery has no screen-lock "
                        + "table for Linux desktops");
    }

    @Test
    void readsTheOperatingSystemAndWhenTheHostLastReported() {
        Map<String, EndpointOperatingSystem> systems = byId(result.facts(EndpointOperatingSystem.class));
        assertThat(systems.get(ALICE)).extracting(EndpointOperatingSystem::platform, EndpointOperatingSystem::name,
                EndpointOperatingSystem::version).containsExactly("macos", "macOS", "14.6.1");
        assertThat(systems.get(BOB).platform()).isEqualTo("windows");
        assertThat(systems.get(CAROL).platform()).isEqualTo("linux");
        assertThat(systems.get(CAROL).serialNumber()).isEmpty();
        assertThat(systems.get(DAVE).lastReported()).isEqualTo(Instant.parse("2025-12-01T09:00:00Z"));
    }

    @Test
    void readsWhenEachHostLastInstalledUpdatesFromEvidentryPatches() {
        Map<String, EndpointOperatingSystem> systems = byId(result.facts(EndpointOperatingSystem.class));
        assertThat(systems.get(ALICE).lastPatched()).isEqualTo(Instant.parse("2025-12-06T08:33:20Z"));
        assertThat(systems.get(BOB).lastPatched()).isEqualTo(Instant.parse("2025-10-09T08:53:20Z"));
        assertThat(systems.get(BOB).evidence()).as("the os and the patches lines").hasSize(2);
        assertThat(systems.get(CAROL).lastPatched()).isNull();
        assertThat(systems.get(CAROL).detail()).contains("evidentry_patches found no installed update");
        assertThat(systems.get(DAVE).lastPatched()).as("no evidentry_patches results").isNull();
        assertThat(systems.get(DAVE).detail()).endsWith("; no evidentry_patches results for this host");
    }

    @Test
    void aLineCutOffMidWriteIsOneIssueNamingFileAndLineAndTheRestIsStillRead() {
        assertThat(result.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.cause()).isEqualTo(IssueCause.MALFORMED_RESPONSE);
            assertThat(issue.account()).isEqualTo("osquery");
            assertThat(issue.message()).startsWith("osquery result osqueryd.snapshots.log line 11 could not be read")
                    .contains("the other lines were read (evidence ");
            assertThat(issue.factKinds()).containsExactlyInAnyOrder(EndpointProtection.KIND,
                    EndpointDiskEncryption.KIND, EndpointScreenLock.KIND, EndpointOperatingSystem.KIND);
        });
    }

    @Test
    void eachFactRestsOnTheSnapshotLineItWasReadFrom() {
        EndpointDiskEncryption alice = byId(result.facts(EndpointDiskEncryption.class)).get(ALICE);
        assertThat(alice.evidence()).hasSize(1);
        String stored = result.evidenceJson(alice.evidence().get(0));
        assertThat(stored).contains("\"service\" : \"osquery\"", "\"operation\" : \"evidentry_disk_encryption\"",
                "alice-mbp.local", "APFS Encryption", "osqueryd.snapshots.log");
        // One evidence record per host and query kept (6 + 6 + 6 + 4 lines, the older screen-lock line not kept), and
        // the line that could not be read.
        assertThat(result.evidenceCount()).isEqualTo(23);
    }

    @Test
    void aLineOfAKnownQueryWithoutRowsCostsOnlyItsOwnKind(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("osqueryd.snapshots.log");
        Files.writeString(log, String.join("\n",
                "{\"name\":\"evidentry_os\",\"hostIdentifier\":\"h1\",\"unixTime\":1767168000}",
                "{\"snapshot\":[{\"hostname\":\"h1\",\"hardware_serial\":\"S1\"}],\"action\":\"snapshot\","
                        + "\"name\":\"evidentry_system_info\",\"hostIdentifier\":\"h1\","
                        + "\"calendarTime\":\"Wed Dec 31 08:00:00 2025 UTC\",\"unixTime\":\"1767168000\"}",
                "{\"snapshot\":[],\"action\":\"snapshot\",\"name\":\"pack_other_processes\",\"hostIdentifier\":\"h1\","
                        + "\"unixTime\":1767168000}"));
        CollectionResult one = ProviderTestKit.load("endpoint").collect(Map.of("osquery-results", log.toString()));
        assertThat(one.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.operation()).isEqualTo("osquery:evidentry_os");
            assertThat(issue.factKinds()).containsExactly(EndpointOperatingSystem.KIND);
            assertThat(issue.message()).contains("osqueryd.snapshots.log line 1", "no \"snapshot\" array");
        });
        assertThat(one.facts(EndpointOperatingSystem.class)).singleElement()
                .satisfies(os -> assertThat(os.detail()).isEqualTo("no evidentry_os results for this host; "
                        + "no evidentry_patches results for this host"));
        assertThat(one.facts(EndpointProtection.class)).singleElement()
                .extracting(EndpointProtection::protection).isEqualTo(ProtectionState.UNKNOWN);
    }

    @Test
    void aMissingPathOrNoSourceIsOneConfigurationIssueForEveryKind() {
        CollectionResult missing = ProviderTestKit.load("endpoint")
                .collect(Map.of("osquery-results", "/nonexistent/osquery"));
        CollectionResult none = ProviderTestKit.load("endpoint").collect(Map.of());
        for (CollectionResult bad : List.of(missing, none)) {
            assertThat(bad.facts()).isEmpty();
            assertThat(bad.issues()).singleElement().extracting(CollectionIssue::cause, CollectionIssue::factKinds)
                    .containsExactly(IssueCause.CONFIGURATION, EndpointProvider.FACT_KINDS);
        }
    }

    static <T extends Fact> Map<String, T> byId(List<T> facts) {
        return facts.stream().collect(Collectors.toMap(fact -> fact.resource().nativeId(), Function.identity()));
    }
}
