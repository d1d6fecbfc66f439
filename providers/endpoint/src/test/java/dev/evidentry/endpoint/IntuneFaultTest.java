package dev.evidentry.endpoint;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.fact.EndpointDiskEncryption;
import dev.evidentry.spi.fact.EndpointOperatingSystem;
import dev.evidentry.spi.fact.EndpointProtection;
import dev.evidentry.spi.fact.ProtectionState;
import dev.evidentry.testkit.CollectionResult;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every way an Intune call fails: an issue for exactly what it cost, waits through the sleeper, never a PASS. */
class IntuneFaultTest {

    private static final Set<String> INTUNE_KINDS = Set.of(EndpointProtection.KIND, EndpointDiskEncryption.KIND,
            EndpointOperatingSystem.KIND);

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
    void aWrongClientSecretIsInvalidCredentialsSayingWhatToCheckAndNothingElseIsCalled() {
        microsoft.fault(post(urlPathEqualTo(FakeMicrosoft.TOKEN_PATH)),
                FakeMicrosoft.token(401, "entra/invalid-client.json"));
        CollectionResult result = microsoft.collect(microsoft.options("intune"));
        assertThat(result.facts()).isEmpty();
        assertThat(result.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.cause()).isEqualTo(IssueCause.INVALID_CREDENTIALS);
            assertThat(issue.factKinds()).isEqualTo(INTUNE_KINDS);
            assertThat(issue.operation()).isEqualTo("intune:" + MicrosoftTokens.OPERATION);
            assertThat(issue.message()).contains("refused the app " + FakeMicrosoft.CLIENT_ID + " in tenant "
                    + FakeMicrosoft.TENANT, "invalid_client", "AADSTS7000215", "MICROSOFT_CLIENT_SECRET",
                    "nothing could be collected from Intune").doesNotContain(FakeMicrosoft.CLIENT_SECRET);
        });
        assertThat(microsoft.count(getRequestedFor(urlPathMatching("/v1.0/.*")))).isZero();
        // The refusal is evidence too, and the form's secret is not in it.
        assertThat(result.allStoredText()).contains("AADSTS7000215", "\"client_id\" : \"" + FakeMicrosoft.CLIENT_ID)
                .doesNotContain(FakeMicrosoft.CLIENT_SECRET, "client_secret");
    }

    @Test
    void aDeviceWhoseProtectionStateIsDeniedIsUnknownAndTheOthersAreRead() {
        microsoft.fault(FakeMicrosoft.graph(get(urlPathEqualTo(FakeMicrosoft.protectionPath(FakeMicrosoft.HEIDI)))),
                FakeMicrosoft.json(403, "intune/forbidden.json"));
        CollectionResult result = microsoft.collect(microsoft.options("intune"));
        Map<String, EndpointProtection> protections = OsqueryProviderTest.byId(
                result.facts(EndpointProtection.class));
        assertThat(protections.get(IntuneProviderTest.HEIDI)).satisfies(heidi -> {
            assertThat(heidi.protection()).isEqualTo(ProtectionState.UNKNOWN);
            assertThat(heidi.detail()).startsWith("Intune's protection state could not be read: access denied: "
                    + "HTTP 403: Forbidden Application is not authorized");
        });
        assertThat(protections.get(IntuneProviderTest.GRACE).protection()).isEqualTo(ProtectionState.ACTIVE);
        assertThat(protections.get(IntuneProviderTest.IVAN).protection()).isEqualTo(ProtectionState.INACTIVE);
        // The device's disk and operating system are still known.
        assertThat(OsqueryProviderTest.byId(result.facts(EndpointDiskEncryption.class)))
                .containsKey(IntuneProviderTest.HEIDI);
        assertThat(result.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.cause()).isEqualTo(IssueCause.ACCESS_DENIED);
            assertThat(issue.factKinds()).containsExactly(EndpointProtection.KIND);
            assertThat(issue.operation()).isEqualTo("intune:" + IntuneDevices.PROTECTION);
            assertThat(issue.message()).endsWith("the protection state of Intune device HEIDI-LAPTOP ("
                    + FakeMicrosoft.HEIDI + ") is unknown");
        });
    }

    @Test
    void a429WaitsGraphsRetryAfterThroughTheSleeperThenSucceeds() {
        String path = FakeMicrosoft.protectionPath(FakeMicrosoft.GRACE);
        microsoft.server.stubFor(FakeMicrosoft.graph(get(urlPathEqualTo(path))).atPriority(FakeMicrosoft.FAULT)
                .inScenario("throttled").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(FakeMicrosoft.json(429, "intune/too-many-requests.json").withHeader("Retry-After", "7"))
                .willSetStateTo("calm"));
        microsoft.server.stubFor(FakeMicrosoft.graph(get(urlPathEqualTo(path))).atPriority(FakeMicrosoft.FAULT)
                .inScenario("throttled").whenScenarioStateIs("calm")
                .willReturn(FakeMicrosoft.json(200, "intune/protection-grace.json")));
        CollectionResult result = microsoft.collect(microsoft.options("intune"));
        assertThat(result.issues()).isEmpty();
        assertThat(microsoft.sleeps).containsExactly(Duration.ofSeconds(7));
        assertThat(OsqueryProviderTest.byId(result.facts(EndpointProtection.class)).get(IntuneProviderTest.GRACE)
                .protection()).isEqualTo(ProtectionState.ACTIVE);
        assertThat(microsoft.count(getRequestedFor(urlPathEqualTo(path)))).isEqualTo(2);
    }

    @Test
    void aRetryAfterPastTheAllowedWaitIsThrottledForThatDeviceWithoutWaiting() {
        microsoft.fault(FakeMicrosoft.graph(get(urlPathEqualTo(FakeMicrosoft.protectionPath(FakeMicrosoft.IVAN)))),
                FakeMicrosoft.json(429, "intune/too-many-requests.json").withHeader("Retry-After", "600"));
        CollectionResult result = microsoft.collect(microsoft.options("intune"));
        assertThat(microsoft.sleeps).isEmpty();
        assertThat(result.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.cause()).isEqualTo(IssueCause.THROTTLED);
            assertThat(issue.factKinds()).containsExactly(EndpointProtection.KIND);
            assertThat(issue.message()).contains("TooManyRequests Please retry again later.", "resets in 600 s",
                    "PT2M", "IVAN-DESKTOP");
        });
        assertThat(OsqueryProviderTest.byId(result.facts(EndpointProtection.class)).get(IntuneProviderTest.IVAN)
                .protection()).isEqualTo(ProtectionState.UNKNOWN);
    }

    @Test
    void a503WithRetryAfterIsWaitedAndServerErrorsPastTheAttemptsAreReported() {
        microsoft.server.stubFor(FakeMicrosoft.graph(get(urlPathEqualTo(FakeMicrosoft.DEVICES_PATH))
                        .withQueryParam("$skiptoken", absent())).atPriority(FakeMicrosoft.FAULT).inScenario("busy")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(503)
                        .withHeader("Retry-After", "3")).willSetStateTo("up"));
        microsoft.server.stubFor(FakeMicrosoft.graph(get(urlPathEqualTo(FakeMicrosoft.DEVICES_PATH))
                        .withQueryParam("$skiptoken", absent())).atPriority(FakeMicrosoft.FAULT).inScenario("busy")
                .whenScenarioStateIs("up").willReturn(microsoft.linked("intune/managed-devices-page-1.json")));
        CollectionResult waited = microsoft.collect(microsoft.options("intune"));
        assertThat(waited.issues()).isEmpty();
        assertThat(microsoft.sleeps).containsExactly(Duration.ofSeconds(3));

        microsoft.sleeps.clear();
        microsoft.fault(FakeMicrosoft.graph(get(urlPathEqualTo(FakeMicrosoft.DEVICES_PATH))),
                aResponse().withStatus(500));
        CollectionResult failed = microsoft.collect(microsoft.options("intune"));
        assertThat(microsoft.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(failed.facts()).isEmpty();
        assertThat(failed.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.cause()).isEqualTo(IssueCause.SERVER_ERROR);
            assertThat(issue.factKinds()).isEqualTo(INTUNE_KINDS);
            assertThat(issue.message()).isEqualTo("HTTP 500 after 3 attempts; no Intune device could be listed");
        });
    }

    @Test
    void aSecondPageThatIsNotJsonKeepsTheDevicesOfTheFirst() {
        microsoft.fault(FakeMicrosoft.graph(get(urlPathEqualTo(FakeMicrosoft.DEVICES_PATH))
                .withQueryParam("$skiptoken", matching(".+"))), aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html>Service unavailable</html>"));
        CollectionResult result = microsoft.collect(microsoft.options("intune"));
        assertThat(result.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.cause()).isEqualTo(IssueCause.MALFORMED_RESPONSE);
            assertThat(issue.message()).contains("not the documented JSON object")
                    .endsWith("2 devices were listed before it, the others are missing");
        });
        assertThat(OsqueryProviderTest.byId(result.facts(EndpointDiskEncryption.class)))
                .containsOnlyKeys(IntuneProviderTest.GRACE, IntuneProviderTest.HEIDI);
    }

    @Test
    void anAppWithoutTheGraphPermissionIsAccessDeniedNamingIt() {
        microsoft.fault(FakeMicrosoft.graph(get(urlPathEqualTo(FakeMicrosoft.DEVICES_PATH))),
                FakeMicrosoft.json(403, "intune/forbidden.json"));
        CollectionResult result = microsoft.collect(microsoft.options("intune"));
        assertThat(result.facts()).isEmpty();
        assertThat(result.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.cause()).isEqualTo(IssueCause.ACCESS_DENIED);
            assertThat(issue.message()).contains("DeviceManagementManagedDevices.Read.All, with admin consent",
                    "no Intune device could be listed");
        });
    }

    @Test
    void protectionStatesAreReadAtMostTheConfiguredNumberAtOnce() {
        for (String device : FakeMicrosoft.PROTECTION_FIXTURES.keySet()) {
            microsoft.fault(FakeMicrosoft.graph(get(urlPathEqualTo(FakeMicrosoft.protectionPath(device)))),
                    FakeMicrosoft.json(200, "intune/" + FakeMicrosoft.PROTECTION_FIXTURES.get(device))
                            .withFixedDelay(400));
        }
        Map<String, String> two = microsoft.options("intune");
        two.put("intune-protection-concurrency", "2");
        assertThat(microsoft.collect(two).issues()).isEmpty();
        assertThat(microsoft.mostAtOnce(FakeMicrosoft.DEVICES_PATH + "/")).isEqualTo(2);

        microsoft.server.resetRequests();
        Map<String, String> one = microsoft.options("intune");
        one.put("intune-protection-concurrency", "1");
        assertThat(microsoft.collect(one).issues()).isEmpty();
        assertThat(microsoft.mostAtOnce(FakeMicrosoft.DEVICES_PATH + "/")).isEqualTo(1);
    }

    @Test
    void aTokenRejectedMidScanIsRenewedOnceBypassingMsalsCache() {
        String path = FakeMicrosoft.protectionPath(FakeMicrosoft.IVAN);
        microsoft.server.stubFor(get(urlPathEqualTo(path)).atPriority(FakeMicrosoft.FAULT).inScenario("expiry")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(FakeMicrosoft.json(401, "intune/forbidden.json"))
                .willSetStateTo("renewed"));
        CollectionResult result = microsoft.collect(microsoft.options("intune"));
        assertThat(result.issues()).isEmpty();
        assertThat(microsoft.count(postRequestedFor(urlPathEqualTo(FakeMicrosoft.TOKEN_PATH)))).isEqualTo(2);
        assertThat(OsqueryProviderTest.byId(result.facts(EndpointProtection.class)).get(IntuneProviderTest.IVAN)
                .protection()).isEqualTo(ProtectionState.INACTIVE);
    }

    @Test
    void incompleteMicrosoftOptionsAreOneConfigurationIssue() {
        Map<String, String> noTenant = microsoft.options("intune");
        noTenant.remove("microsoft-tenant-id");
        Map<String, String> badSources = microsoft.options("intune,jamf");
        Map<String, String> plainAuthority = microsoft.options("intune");
        plainAuthority.put("microsoft-authority", "http://localhost:1");
        Map<String, String> tenantWithoutClient = Map.of("microsoft-tenant-id", FakeMicrosoft.TENANT);
        Map<String, String> authorityWithTenant = microsoft.options("intune");
        authorityWithTenant.put("microsoft-authority", microsoft.baseUrl() + "/" + FakeMicrosoft.TENANT);
        assertThat(Map.of(noTenant, "needs the option microsoft-tenant-id",
                badSources, "lists intune, defender or both: intune,jamf",
                plainAuthority, "must be an https URL (MSAL signs in over https only)",
                authorityWithTenant, "the tenant goes in microsoft-tenant-id",
                tenantWithoutClient, "the Microsoft options need microsoft-client-id")).allSatisfy((options, words) ->
                assertThat(microsoft.collect(options).issues()).singleElement().satisfies(issue -> {
                    assertThat(issue.cause()).isEqualTo(IssueCause.CONFIGURATION);
                    assertThat(issue.message()).contains(words);
                }));
        assertThat(microsoft.count(postRequestedFor(urlPathEqualTo(FakeMicrosoft.TOKEN_PATH)))).isZero();
    }

    @Test
    void aServerWhoseCertificateIsNotTrustedIsNeverSentTheSecret() {
        Map<String, String> options = microsoft.options("intune");
        options.remove("microsoft-ca-file");
        CollectionResult result = microsoft.collect(options);
        assertThat(result.facts()).isEmpty();
        assertThat(result.issues()).singleElement().extracting(CollectionIssue::cause, CollectionIssue::factKinds)
                .containsExactly(IssueCause.UNKNOWN, INTUNE_KINDS);
        assertThat(result.issues().get(0).message()).contains("no token from " + microsoft.baseUrl());
        assertThat(microsoft.count(postRequestedFor(urlPathEqualTo(FakeMicrosoft.TOKEN_PATH)))).isZero();
    }
}
