package dev.evidentry.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evidentry.spi.fact.DiskEncryptionState;
import dev.evidentry.spi.fact.EndpointDiskEncryption;
import dev.evidentry.spi.fact.EndpointOperatingSystem;
import dev.evidentry.spi.fact.EndpointProtection;
import dev.evidentry.spi.fact.ProtectionState;
import dev.evidentry.testkit.CollectionResult;
import dev.evidentry.testkit.ProviderTestKit;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** osquery and Falcon in one scan: a laptop both see is one device with both pieces of evidence. */
class MatchedSourcesTest {

    private static FakeFalcon falcon;
    private static CollectionResult result;

    @BeforeAll
    static void scan() {
        falcon = new FakeFalcon().baseline();
        Map<String, String> options = new HashMap<>(falcon.options());
        options.put("osquery-results", OsqueryProviderTest.fixture("fleet").toString());
        result = ProviderTestKit.load("endpoint").collect(options);
    }

    @AfterAll
    static void stop() {
        falcon.close();
    }

    @Test
    void devicesSeenByBothSourcesAreOneDevice() {
        assertThat(OsqueryProviderTest.byId(result.facts(EndpointProtection.class))).containsOnlyKeys(
                OsqueryProviderTest.ALICE, OsqueryProviderTest.BOB, OsqueryProviderTest.CAROL,
                OsqueryProviderTest.DAVE, FalconProviderTest.BUILD);
        // Only the osquery line that was cut off mid-write.
        assertThat(result.issues()).hasSize(1);
    }

    @Test
    void agreeingSourcesKeepBothPiecesOfEvidence() {
        EndpointProtection alice = OsqueryProviderTest.byId(result.facts(EndpointProtection.class))
                .get(OsqueryProviderTest.ALICE);
        assertThat(alice.protection()).isEqualTo(ProtectionState.ACTIVE);
        // osquery's line, Falcon's host details and Falcon's prevention policy
        assertThat(alice.evidence()).hasSize(3);
        assertThat(alice.evidence()).extracting(result::evidenceJson).anySatisfy(json -> assertThat(json)
                .contains("\"service\" : \"osquery\"", "evidentry_antivirus", "com.crowdstrike.falcon.Agent"))
                .anySatisfy(json -> assertThat(json).contains("\"service\" : \"falcon\"", "C02ALICE0001"));
    }

    @Test
    void theWorseReadingWinsAndTheDetailShowsTheDisagreement() {
        Map<String, EndpointProtection> hosts = OsqueryProviderTest.byId(result.facts(EndpointProtection.class));
        EndpointProtection bob = hosts.get(OsqueryProviderTest.BOB);
        assertThat(bob.protection()).isEqualTo(ProtectionState.INACTIVE);
        assertThat(bob.detail()).isEqualTo("falcon inactive (prevention policy 8e7d6c5b4a39281706f5e4d3c2b1a09f is "
                + "assigned but not applied); osquery active");
        assertThat(bob.evidence()).hasSize(2);
        // carol-ubuntu: a placeholder serial in osquery and none in Falcon, matched by its unique host name.
        EndpointProtection carol = hosts.get(OsqueryProviderTest.CAROL);
        assertThat(carol.protection()).isEqualTo(ProtectionState.ABSENT);
        assertThat(carol.evidence()).hasSize(3);
    }

    @Test
    void theOldestReportIsTheDevicesLastReportAndOnlyOneSourceKnowsTheDisk() {
        EndpointOperatingSystem alice = OsqueryProviderTest.byId(result.facts(EndpointOperatingSystem.class))
                .get(OsqueryProviderTest.ALICE);
        assertThat(alice.lastReported()).isEqualTo(Instant.parse("2025-12-31T08:00:00Z"));
        assertThat(alice.detail()).contains("falcon last report 2025-12-31T23:40:12Z",
                "osquery last report 2025-12-31T08:00:00Z");
        EndpointDiskEncryption disk = OsqueryProviderTest.byId(result.facts(EndpointDiskEncryption.class))
                .get(OsqueryProviderTest.ALICE);
        assertThat(disk.state()).isEqualTo(DiskEncryptionState.ENCRYPTED);
        assertThat(disk.evidence()).hasSize(1);
        assertThat(result.facts(EndpointDiskEncryption.class)).extracting(fact -> fact.resource().nativeId())
                .doesNotContain(FalconProviderTest.BUILD);
    }
}
