package dev.evidentry.endpoint;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.evidentry.spi.fact.DiskEncryptionState;
import dev.evidentry.spi.fact.EndpointDiskEncryption;
import dev.evidentry.spi.fact.EndpointOperatingSystem;
import dev.evidentry.spi.fact.EndpointProtection;
import dev.evidentry.spi.fact.ProtectionState;
import dev.evidentry.testkit.CollectionResult;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Intune through Graph, the real MSAL and HTTP clients against the fake: what each device's facts say. */
class IntuneProviderTest {

    static final String GRACE = "serial/5CG1234GRC";
    static final String HEIDI = "serial/PF3HEIDI01";
    static final String IVAN = "serial/MXL0IVAN22";
    static final String JUDY = "serial/C02JUDY0005";
    static final String KEN = "hostname/ken-ubuntu";

    private FakeMicrosoft microsoft;

    @BeforeEach
    void start() {
        microsoft = new FakeMicrosoft().baseline();
    }

    @AfterEach
    void stop() {
        microsoft.close();
    }

    @Test
    void readsEncryptionProtectionAndLastSyncOfEveryComputerOverTwoPages() {
        CollectionResult result = microsoft.collect(microsoft.options("intune"));
        assertThat(result.issues()).isEmpty();

        Map<String, EndpointDiskEncryption> disks = OsqueryProviderTest.byId(result.facts(EndpointDiskEncryption.class));
        // The iPhone on page 2 is not an endpoint here.
        assertThat(disks).containsOnlyKeys(GRACE, HEIDI, IVAN, JUDY, KEN);
        assertThat(disks.get(GRACE)).extracting(EndpointDiskEncryption::state, EndpointDiskEncryption::method,
                EndpointDiskEncryption::detail).containsExactly(DiskEncryptionState.ENCRYPTED, "BitLocker",
                "isEncrypted true, compliance compliant");
        assertThat(disks.get(HEIDI).state()).isEqualTo(DiskEncryptionState.NOT_ENCRYPTED);
        assertThat(disks.get(JUDY)).extracting(EndpointDiskEncryption::state, EndpointDiskEncryption::method)
                .containsExactly(DiskEncryptionState.ENCRYPTED, "FileVault");
        assertThat(disks.get(KEN).state()).isEqualTo(DiskEncryptionState.NOT_ENCRYPTED);

        Map<String, EndpointProtection> protections = OsqueryProviderTest.byId(
                result.facts(EndpointProtection.class));
        // Only Windows devices have a protection state in Intune.
        assertThat(protections).containsOnlyKeys(GRACE, HEIDI, IVAN);
        assertThat(protections.get(GRACE)).extracting(EndpointProtection::protection, EndpointProtection::agent,
                EndpointProtection::detail).containsExactly(ProtectionState.ACTIVE,
                "Microsoft Defender Antivirus 4.18.24090.11", "real-time protection on, signatures 1.421.1234.0, "
                        + "tamper protection on; reported 2025-12-31T21:10:17.7769392Z");
        assertThat(protections.get(HEIDI)).extracting(EndpointProtection::protection, EndpointProtection::detail)
                .containsExactly(ProtectionState.INACTIVE, "real-time protection is off; signatures 1.421.1228.0, "
                        + "tamper protection off; reported 2025-12-31T17:40:02.1231038Z");
        assertThat(protections.get(IVAN).protection()).isEqualTo(ProtectionState.INACTIVE);
        assertThat(protections.get(IVAN).detail()).startsWith("signatures are out of date (signatureUpdateOverdue)");

        Map<String, EndpointOperatingSystem> systems = OsqueryProviderTest.byId(
                result.facts(EndpointOperatingSystem.class));
        assertThat(systems.get(JUDY)).extracting(EndpointOperatingSystem::platform, EndpointOperatingSystem::name,
                EndpointOperatingSystem::version, EndpointOperatingSystem::hostname,
                EndpointOperatingSystem::lastReported).containsExactly("macos", "macOS", "15.1.1", "judy-mbp",
                Instant.parse("2025-11-02T08:30:00Z"));
        assertThat(systems.get(GRACE).lastReported()).isEqualTo(Instant.parse("2025-12-31T21:14:07.3205976Z"));
        assertThat(systems.get(KEN)).extracting(EndpointOperatingSystem::platform, EndpointOperatingSystem::detail)
                .containsExactly("linux", "last sync with Intune 2025-12-31T12:00:41.951111Z, compliance "
                        + "noncompliant, personal-owned");

        assertThat(microsoft.count(getRequestedFor(urlPathEqualTo(FakeMicrosoft.DEVICES_PATH))
                .withQueryParam("$select", WireMock.containing("isEncrypted")))).isEqualTo(2);
        assertThat(microsoft.count(getRequestedFor(urlPathMatching(".*/windowsProtectionState")))).isEqualTo(3);
        assertThat(microsoft.count(postRequestedFor(urlPathEqualTo(FakeMicrosoft.TOKEN_PATH)))).isEqualTo(1);
        // token, two pages, three protection states
        assertThat(result.evidenceCount()).isEqualTo(6);
        assertThat(result.allStoredText()).doesNotContain(FakeMicrosoft.CLIENT_SECRET,
                FakeMicrosoft.token("entra/token-graph.json")).contains("\"service\" : \"intune\"",
                "\"service\" : \"entra\"");
    }
}
