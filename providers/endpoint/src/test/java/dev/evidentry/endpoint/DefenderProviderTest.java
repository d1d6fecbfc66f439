package dev.evidentry.endpoint;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.fact.EndpointDiskEncryption;
import dev.evidentry.spi.fact.EndpointOperatingSystem;
import dev.evidentry.spi.fact.EndpointProtection;
import dev.evidentry.spi.fact.ProtectionState;
import dev.evidentry.testkit.CollectionResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Defender for Endpoint's machines and antivirus health through the real MSAL and HTTP clients against the fake. */
class DefenderProviderTest {

    static final String GRACE = "hostname/grace-laptop";
    static final String MALLORY = "hostname/mallory-srv01";
    static final String NINA = "hostname/nina-ubuntu";
    static final String OSCAR = "hostname/oscar-pc";
    static final String PEGGY = "hostname/peggy-laptop";
    private static final Set<String> DEFENDER_KINDS = Set.of(EndpointProtection.KIND, EndpointOperatingSystem.KIND);

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
    void readsOnboardingSensorHealthAndAntivirusModeOfEveryMachineOverTwoPages() {
        CollectionResult result = microsoft.collect(microsoft.options("defender"));
        assertThat(result.issues()).isEmpty();
        Map<String, EndpointProtection> protections = OsqueryProviderTest.byId(
                result.facts(EndpointProtection.class));
        assertThat(protections).containsOnlyKeys(GRACE, MALLORY, NINA, OSCAR, PEGGY);
        assertThat(protections.get(GRACE)).satisfies(grace -> {
            assertThat(grace.protection()).isEqualTo(ProtectionState.ACTIVE);
            assertThat(grace.agent()).isEqualTo("Microsoft Defender for Endpoint, Defender Antivirus 4.18.24090.11");
            // reported 2025-12-31T20:00Z with signatures released 03:00Z
            assertThat(grace.signatureAge()).isEqualTo(Duration.ofHours(17));
            assertThat(grace.detail()).isEqualTo("onboarded, sensor active, antivirus in active mode, signatures "
                    + "1.421.1234.0, up to date: True");
            assertThat(grace.lastReported()).isEqualTo(Instant.parse("2025-12-31T20:02:11.3302101Z"));
            assertThat(grace.evidence()).hasSize(2);
        });
        assertThat(protections.get(MALLORY)).extracting(EndpointProtection::protection, EndpointProtection::detail)
                .containsExactly(ProtectionState.INACTIVE, "onboarded, but the sensor's health is Inactive");
        assertThat(protections.get(NINA)).extracting(EndpointProtection::protection, EndpointProtection::detail)
                .containsExactly(ProtectionState.ACTIVE, "onboarded, sensor active; no antivirus health reported "
                        + "for this machine");
        assertThat(protections.get(OSCAR)).extracting(EndpointProtection::protection, EndpointProtection::detail)
                .containsExactly(ProtectionState.ABSENT, "not onboarded to Defender for Endpoint (onboardingStatus "
                        + "CanBeOnboarded): the device was only discovered");
        // Passive beside another antivirus: the EDR sensor runs, and the other antivirus's own source judges it.
        assertThat(protections.get(PEGGY)).extracting(EndpointProtection::protection, EndpointProtection::agent,
                EndpointProtection::signatureAge).containsExactly(ProtectionState.ACTIVE,
                        "Microsoft Defender for Endpoint (EDR)", null);
        assertThat(protections.get(PEGGY).detail())
                .contains("EDR sensor active; Defender Antivirus is in passive mode");

        Map<String, EndpointOperatingSystem> systems = OsqueryProviderTest.byId(
                result.facts(EndpointOperatingSystem.class));
        assertThat(systems.get(MALLORY)).extracting(EndpointOperatingSystem::platform, EndpointOperatingSystem::name,
                EndpointOperatingSystem::version, EndpointOperatingSystem::lastReported,
                EndpointOperatingSystem::detail).containsExactly("windows", "WindowsServer2022", "10.0.20348 (21H2)",
                Instant.parse("2025-12-10T03:15:40.1178223Z"), "build 20348, last full report to Defender "
                        + "2025-12-10T03:15:40.1178223Z");
        assertThat(systems.get(NINA).platform()).isEqualTo("linux");
        // Defender says nothing of disks.
        assertThat(result.facts(EndpointDiskEncryption.class)).isEmpty();

        assertThat(microsoft.count(getRequestedFor(urlPathEqualTo("/api/machines")))).isEqualTo(2);
        assertThat(microsoft.count(getRequestedFor(urlPathEqualTo("/api/deviceavinfo"))
                .withQueryParam("$top", equalTo("10000")))).isEqualTo(1);
        assertThat(result.allStoredText()).doesNotContain(FakeMicrosoft.CLIENT_SECRET,
                FakeMicrosoft.token("entra/token-defender.json")).contains("\"service\" : \"defender\"");
    }

    @Test
    void anAppWithoutMachineReadAllIsAccessDeniedNamingThePermission() {
        microsoft.fault(FakeMicrosoft.defender(get(urlPathEqualTo("/api/machines"))),
                FakeMicrosoft.json(403, "defender/forbidden.json"));
        CollectionResult result = microsoft.collect(microsoft.options("defender"));
        assertThat(result.facts()).isEmpty();
        assertThat(result.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.cause()).isEqualTo(IssueCause.ACCESS_DENIED);
            assertThat(issue.factKinds()).isEqualTo(DEFENDER_KINDS);
            assertThat(issue.operation()).isEqualTo("defender:GET /api/machines");
            assertThat(issue.message()).contains("Forbidden The application does not have any of the required "
                    + "application roles", "WindowsDefenderATP application permission Machine.Read.All",
                    "no Defender for Endpoint machine could be listed");
        });
        assertThat(microsoft.count(getRequestedFor(urlPathEqualTo("/api/deviceavinfo")))).isZero();
    }

    @Test
    void anUnreadableAntivirusExportLeavesOnboardedMachinesUnknownAndKeepsTheRest() {
        microsoft.fault(FakeMicrosoft.defender(get(urlPathEqualTo("/api/deviceavinfo"))),
                FakeMicrosoft.json(403, "defender/forbidden.json"));
        CollectionResult result = microsoft.collect(microsoft.options("defender"));
        Map<String, EndpointProtection> protections = OsqueryProviderTest.byId(
                result.facts(EndpointProtection.class));
        assertThat(protections.get(GRACE)).extracting(EndpointProtection::protection, EndpointProtection::detail)
                .containsExactly(ProtectionState.UNKNOWN, "onboarded, sensor active; the antivirus health export "
                        + "could not be read (access denied)");
        // What the machines list alone decides still stands.
        assertThat(protections.get(OSCAR).protection()).isEqualTo(ProtectionState.ABSENT);
        assertThat(protections.get(MALLORY).protection()).isEqualTo(ProtectionState.INACTIVE);
        assertThat(result.facts(EndpointOperatingSystem.class)).hasSize(5);
        assertThat(result.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.cause()).isEqualTo(IssueCause.ACCESS_DENIED);
            assertThat(issue.factKinds()).containsExactly(EndpointProtection.KIND);
            assertThat(issue.operation()).isEqualTo("defender:GET /api/deviceavinfo");
        });
    }

    @Test
    void noRecentMachineIsTheDocumented404AndNotAnIssue() {
        microsoft.fault(FakeMicrosoft.defender(get(urlPathEqualTo("/api/machines"))),
                FakeMicrosoft.json(404, "defender/not-found.json"));
        CollectionResult result = microsoft.collect(microsoft.options("defender"));
        assertThat(result.facts()).isEmpty();
        assertThat(result.issues()).isEmpty();
        assertThat(microsoft.count(getRequestedFor(urlPathEqualTo("/api/deviceavinfo")))).isZero();
    }

    @Test
    void a429OnTheSecondPageWaitsItsRetryAfterAndAFailingSecondPageKeepsTheFirst() {
        microsoft.server.stubFor(FakeMicrosoft.defender(get(urlPathEqualTo("/api/machines"))
                        .withQueryParam("$skiptoken", matching(".+"))).atPriority(FakeMicrosoft.FAULT)
                .inScenario("quota").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(FakeMicrosoft.json(429, "intune/too-many-requests.json").withHeader("Retry-After", "20"))
                .willSetStateTo("refilled"));
        microsoft.server.stubFor(FakeMicrosoft.defender(get(urlPathEqualTo("/api/machines"))
                        .withQueryParam("$skiptoken", matching(".+"))).atPriority(FakeMicrosoft.FAULT)
                .inScenario("quota").whenScenarioStateIs("refilled")
                .willReturn(FakeMicrosoft.json(200, "defender/machines-page-2.json")));
        CollectionResult waited = microsoft.collect(microsoft.options("defender"));
        assertThat(waited.issues()).isEmpty();
        assertThat(microsoft.sleeps).containsExactly(Duration.ofSeconds(20));
        assertThat(waited.facts(EndpointProtection.class)).hasSize(5);

        microsoft.server.resetAll();
        microsoft.baseline().fault(FakeMicrosoft.defender(get(urlPathEqualTo("/api/machines"))
                .withQueryParam("$skiptoken", matching(".+"))), FakeMicrosoft.json(403, "defender/forbidden.json"));
        CollectionResult partial = microsoft.collect(microsoft.options("defender"));
        assertThat(partial.issues()).singleElement().satisfies(issue -> assertThat(issue.message())
                .endsWith("2 machines were listed before it, the others are missing"));
        assertThat(OsqueryProviderTest.byId(partial.facts(EndpointProtection.class))).containsOnlyKeys(GRACE,
                MALLORY);
        assertThat(microsoft.count(getRequestedFor(urlPathEqualTo("/api/machines"))
                .withQueryParam("$skiptoken", absent()))).isEqualTo(1);
    }

    @Test
    void aNextLinkToAnotherHostIsNotFollowedWithTheToken() {
        microsoft.fault(FakeMicrosoft.defender(get(urlPathEqualTo("/api/machines"))
                .withQueryParam("$skiptoken", absent())), FakeMicrosoft.json(200, "defender/machines-page-1.json")
                .withBody(FakeMicrosoft.fixture("defender/machines-page-1.json").replace("{{DEFENDER}}",
                        "https://attacker.example")));
        CollectionResult result = microsoft.collect(microsoft.options("defender"));
        assertThat(result.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.cause()).isEqualTo(IssueCause.MALFORMED_RESPONSE);
            assertThat(issue.message()).contains("https://attacker.example/api/machines", "it is not followed");
        });
        assertThat(result.facts(EndpointProtection.class)).hasSize(2);
    }
}
