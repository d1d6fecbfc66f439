package dev.evidentry.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.fact.EndpointOperatingSystem;
import dev.evidentry.spi.fact.EndpointProtection;
import dev.evidentry.spi.fact.EndpointScreenLock;
import dev.evidentry.spi.fact.ProtectionState;
import dev.evidentry.spi.fact.ScreenLockState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Matching sightings into devices, and the worse reading winning, as data. */
class FleetTest {

    private static final EvidenceId E1 = new EvidenceId("1".repeat(64));
    private static final EvidenceId E2 = new EvidenceId("2".repeat(64));

    private static Sighting sighting(String source, String id, String host, String serial, ProtectionState state,
            EvidenceId evidence) {
        return new Sighting(source, id, host, serial, Instant.parse("2025-12-31T00:00:00Z"),
                new Sighting.Protection(state, source + " agent", null, source + " says so", List.of(evidence)),
                null, null, null);
    }

    private static List<String> ids(List<Fleet.Device> devices) {
        return devices.stream().map(device -> device.resource().nativeId()).toList();
    }

    @Test
    void theSameSerialNumberIsOneDeviceWhateverTheHostNames() {
        List<Fleet.Device> devices = Fleet.match(List.of(
                sighting("falcon", "f1", "alice-old", "c02alice0001 ", ProtectionState.ACTIVE, E1),
                sighting("osquery", "o1", "alice-mbp.local", "C02ALICE0001", ProtectionState.ACTIVE, E2)));
        assertThat(ids(devices)).containsExactly("serial/C02ALICE0001");
    }

    @Test
    void aSighingWithoutSerialJoinsTheOneDeviceWithItsHostNameIgnoringCaseAndDomain() {
        List<Fleet.Device> devices = Fleet.match(List.of(
                sighting("osquery", "o1", "alice-mbp.local", "C02ALICE0001", ProtectionState.ACTIVE, E1),
                sighting("falcon", "f1", "ALICE-MBP", "", ProtectionState.ACTIVE, E2)));
        assertThat(ids(devices)).containsExactly("serial/C02ALICE0001");
        assertThat(devices.get(0).sightings()).hasSize(2);
    }

    @Test
    void aHostNameSharedByTwoSerialNumbersMatchesNothing() {
        List<Fleet.Device> devices = Fleet.match(List.of(
                sighting("osquery", "o1", "kiosk", "SERIAL1", ProtectionState.ACTIVE, E1),
                sighting("osquery", "o2", "kiosk", "SERIAL2", ProtectionState.ACTIVE, E1),
                sighting("falcon", "f1", "kiosk", "", ProtectionState.ABSENT, E2)));
        assertThat(ids(devices)).containsExactly("falcon/f1", "serial/SERIAL1", "serial/SERIAL2");
    }

    @Test
    void twoSightingsOfOneSourceSharingAHostNameStayApartButOneFromEachSourceMatch() {
        assertThat(ids(Fleet.match(List.of(
                sighting("osquery", "o1", "web", "", ProtectionState.ACTIVE, E1),
                sighting("osquery", "o2", "web", "", ProtectionState.ACTIVE, E1)))))
                .containsExactly("osquery/o1", "osquery/o2");
        assertThat(ids(Fleet.match(List.of(
                sighting("osquery", "o1", "web", "Not Specified", ProtectionState.ACTIVE, E1),
                sighting("falcon", "f1", "WEB.corp.example", "", ProtectionState.ACTIVE, E2)))))
                .containsExactly("hostname/web");
    }

    @Test
    void whereSourcesDisagreeTheWorseStateWinsAndBothPiecesOfEvidenceAreKept() {
        List<Fleet.Device> devices = Fleet.match(List.of(
                sighting("falcon", "f1", "bob-win", "PF3BOB01", ProtectionState.INACTIVE, E1),
                sighting("osquery", "o1", "BOB-WIN", "PF3BOB01", ProtectionState.ACTIVE, E2)));
        EndpointProtection bob = (EndpointProtection) Fleet.facts(devices).get(0);
        assertThat(bob.protection()).isEqualTo(ProtectionState.INACTIVE);
        assertThat(bob.agent()).isEqualTo("falcon agent");
        assertThat(bob.evidence()).containsExactly(E1, E2);
        assertThat(bob.detail()).isEqualTo("falcon inactive (falcon says so); osquery active (osquery says so)");
    }

    @Test
    void aKnownBadStateIsWorseThanAnUnknownOne() {
        List<Fleet.Device> devices = Fleet.match(List.of(
                sighting("falcon", "f1", "h", "S", ProtectionState.UNKNOWN, E1),
                sighting("osquery", "o1", "h", "S", ProtectionState.ABSENT, E2)));
        assertThat(((EndpointProtection) Fleet.facts(devices).get(0)).protection())
                .isEqualTo(ProtectionState.ABSENT);
    }

    @Test
    void anUnknownIdleTimeIsWorseThanAKnownOne() {
        Sighting known = new Sighting("a", "1", "h", "S", null, null, null,
                new Sighting.ScreenLock(ScreenLockState.ENABLED, Duration.ofMinutes(5), "", List.of(E1)), null);
        Sighting unknown = new Sighting("b", "2", "h", "S", null, null, null,
                new Sighting.ScreenLock(ScreenLockState.ENABLED, null, "", List.of(E2)), null);
        EndpointScreenLock lock = (EndpointScreenLock) Fleet.facts(Fleet.match(List.of(known, unknown))).get(0);
        assertThat(lock.lockAfter()).isNull();
        assertThat(lock.evidence()).containsExactly(E1, E2);
    }

    @Test
    void theStalestSourceNamesTheSystemButTheNewestInstallationCounts() {
        Sighting recent = new Sighting("falcon", "1", "h", "S", Instant.parse("2025-12-31T00:00:00Z"), null, null,
                null, new Sighting.Os("macos", "macOS", "15.2", null, "", List.of(E1)));
        Sighting stale = new Sighting("osquery", "2", "h", "S", Instant.parse("2025-11-01T00:00:00Z"), null, null,
                null, new Sighting.Os("macos", "macOS", "15.1", Instant.parse("2025-10-30T00:00:00Z"), "",
                        List.of(E2)));
        Sighting patchedLater = new Sighting("ssm", "3", "h", "S", Instant.parse("2025-12-30T00:00:00Z"), null, null,
                null, new Sighting.Os("macos", "macOS", "15.2", Instant.parse("2025-12-20T00:00:00Z"), "",
                        List.of(E1)));
        EndpointOperatingSystem os = (EndpointOperatingSystem) Fleet.facts(Fleet.match(List.of(recent, stale,
                patchedLater))).get(0);
        assertThat(os.version()).isEqualTo("15.1");
        assertThat(os.lastReported()).isEqualTo(Instant.parse("2025-11-01T00:00:00Z"));
        assertThat(os.lastPatched()).isEqualTo(Instant.parse("2025-12-20T00:00:00Z"));
        assertThat(os.evidence()).containsExactly(E1, E2);
    }

    @Test
    void aServerWithoutADisplayIsNoWorseThanALockingSource() {
        Sighting headless = new Sighting("osquery", "1", "h", "S", null, null, null,
                new Sighting.ScreenLock(ScreenLockState.NO_DISPLAY, null, "no display", List.of(E1)), null);
        Sighting unknown = new Sighting("other", "2", "h", "S", null, null, null,
                new Sighting.ScreenLock(ScreenLockState.UNKNOWN, null, "", List.of(E2)), null);
        assertThat(((EndpointScreenLock) Fleet.facts(Fleet.match(List.of(headless))).get(0)).state())
                .isEqualTo(ScreenLockState.NO_DISPLAY);
        assertThat(((EndpointScreenLock) Fleet.facts(Fleet.match(List.of(headless, unknown))).get(0)).state())
                .as("a source that cannot see the lock still counts").isEqualTo(ScreenLockState.UNKNOWN);
    }
}
