package dev.evidentry.endpoint;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.fact.DiskEncryptionState;
import dev.evidentry.spi.fact.EndpointDiskEncryption;
import dev.evidentry.spi.fact.EndpointOperatingSystem;
import dev.evidentry.spi.fact.EndpointProtection;
import dev.evidentry.spi.fact.EndpointScreenLock;
import dev.evidentry.spi.fact.ProtectionState;
import dev.evidentry.spi.fact.ScreenLockState;
import dev.evidentry.testkit.CollectionResult;
import dev.evidentry.testkit.ProviderTestKit;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Jamf Pro's computer inventory through WireMock with the documented shapes of {@code src/test/resources/jamf}. */
class JamfProviderTest {

    static final String CLIENT_ID = "b1d2f3a4-5c6e-4f70-8a9b-0c1d2e3f4a5b";
    static final String SECRET = "jamf-Client-Secret-9f8e7d6c5b4a39281706";
    static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJqYW1mLWFwaS1jbGllbnQifQ.amFtZi1zaWduYXR1cmU";
    static final String INVENTORY = "/api/v1/computers-inventory";
    static final String PROFILES = "/JSSResource/osxconfigurationprofiles/id/";
    static final Set<String> JAMF_KINDS = Set.of(EndpointDiskEncryption.KIND, EndpointOperatingSystem.KIND,
            EndpointProtection.KIND, EndpointScreenLock.KIND);

    private FakeFalcon server;

    @BeforeEach
    void start() {
        server = new FakeFalcon();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void baseline() {
        server.server.stubFor(post(urlPathEqualTo("/api/oauth/token")).willReturn(json(200, "token.json")));
        server.server.stubFor(get(urlPathEqualTo(INVENTORY)).withQueryParam("page", equalTo("0"))
                .willReturn(json(200, "computers-inventory-page-0.json")));
        server.server.stubFor(get(urlPathEqualTo(INVENTORY)).withQueryParam("page", equalTo("1"))
                .willReturn(json(200, "computers-inventory-page-1.json")));
        for (String id : new String[] {"3", "7", "8"}) {
            server.server.stubFor(get(urlPathEqualTo(PROFILES + id)).willReturn(json(200,
                    "osxconfigurationprofile-" + id + ".json")));
        }
        // Profile 9 was deleted in Jamf Pro after it was installed; the Classic API's 404 body is not documented.
        server.server.stubFor(get(urlPathEqualTo(PROFILES + "9")).willReturn(WireMock.aResponse().withStatus(404)));
    }

    private Map<String, String> options() {
        Map<String, String> options = new HashMap<>();
        options.put("jamf-url", server.server.baseUrl());
        options.put("jamf-client-id", CLIENT_ID);
        options.put("jamf-client-secret", SECRET);
        options.put("jamf-page-size", "2");
        return options;
    }

    private static ResponseDefinitionBuilder json(int status, String fixture) {
        return WireMock.aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(fixture(fixture));
    }

    private static String fixture(String name) {
        try (var in = JamfProviderTest.class.getResourceAsStream("/jamf/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void readsFileVaultTheOperatingSystemAndTheLastInventoryOfEveryComputer() {
        baseline();
        CollectionResult result = ProviderTestKit.load("endpoint").collect(options());
        assertThat(result.issues()).isEmpty();
        Map<String, EndpointDiskEncryption> disks = OsqueryProviderTest.byId(
                result.facts(EndpointDiskEncryption.class));
        assertThat(disks).containsOnlyKeys("serial/C02ALICE0001", "serial/FVFERIN00003", "serial/C02FRANK0004");
        assertThat(disks.get("serial/C02ALICE0001")).extracting(EndpointDiskEncryption::state,
                EndpointDiskEncryption::method, EndpointDiskEncryption::detail).containsExactly(
                DiskEncryptionState.ENCRYPTED, "FileVault", "Macintosh HD (Boot Partition) FileVault state ENCRYPTED "
                        + "(100%)");
        assertThat(disks.get("serial/FVFERIN00003").state()).isEqualTo(DiskEncryptionState.NOT_ENCRYPTED);
        assertThat(disks.get("serial/C02FRANK0004")).extracting(EndpointDiskEncryption::state,
                EndpointDiskEncryption::lastReported).containsExactly(DiskEncryptionState.NOT_ENCRYPTED,
                Instant.parse("2025-11-20T10:00:00Z"));
        EndpointOperatingSystem erin = OsqueryProviderTest.byId(result.facts(EndpointOperatingSystem.class))
                .get("serial/FVFERIN00003");
        assertThat(erin).extracting(EndpointOperatingSystem::platform, EndpointOperatingSystem::name,
                EndpointOperatingSystem::version, EndpointOperatingSystem::hostname)
                .containsExactly("macos", "macOS", "15.1", "erin-mba");
        assertThat(erin.detail()).isEqualTo("build 24B83, last inventory 2025-12-30T16:40:03.001Z, last check-in "
                + "2025-12-31T18:15:00.000Z");

        assertThat(server.count(postRequestedFor(urlPathEqualTo("/api/oauth/token"))
                .withRequestBody(WireMock.containing("grant_type=client_credentials")))).isEqualTo(1);
        assertThat(server.count(getRequestedFor(urlPathEqualTo(INVENTORY)).withQueryParam("section",
                WireMock.havingExactly("GENERAL", "HARDWARE", "OPERATING_SYSTEM", "DISK_ENCRYPTION", "SECURITY",
                        "CONFIGURATION_PROFILES")).withHeader("Authorization", equalTo("Bearer " + TOKEN))))
                .isEqualTo(2);
        assertThat(server.count(getRequestedFor(urlPathEqualTo(INVENTORY)))).isEqualTo(2);
        // token, two inventory pages, four profiles (9 answered 404)
        assertThat(result.evidenceCount()).isEqualTo(7);
        assertThat(result.allStoredText()).doesNotContain(SECRET, TOKEN).contains("\"service\" : \"jamf\"");
    }

    @Test
    void gatekeeperAndXProtectAreTheMacsProtection() {
        baseline();
        CollectionResult result = ProviderTestKit.load("endpoint").collect(options());
        Map<String, EndpointProtection> macs = OsqueryProviderTest.byId(result.facts(EndpointProtection.class));
        assertThat(macs.get("serial/C02ALICE0001")).extracting(EndpointProtection::protection,
                EndpointProtection::agent, EndpointProtection::signatureAge, EndpointProtection::detail)
                .containsExactly(ProtectionState.ACTIVE, "XProtect 5297 + Gatekeeper", null,
                        "Gatekeeper APP_STORE_AND_IDENTIFIED_DEVELOPERS, XProtect 5297, SIP ENABLED");
        assertThat(macs.get("serial/FVFERIN00003")).extracting(EndpointProtection::protection,
                EndpointProtection::detail).containsExactly(ProtectionState.INACTIVE,
                "Gatekeeper DISABLED, XProtect 5297, SIP ENABLED");
        assertThat(macs.get("serial/C02FRANK0004")).extracting(EndpointProtection::protection,
                EndpointProtection::agent, EndpointProtection::detail).containsExactly(ProtectionState.UNKNOWN,
                "XProtect + Gatekeeper", "Gatekeeper NOT_COLLECTED, XProtect version not reported, SIP NOT_COLLECTED");
    }

    @Test
    void theScreenLockIsWhatTheInstalledProfilesSetAndEachProfileIsReadOnce() {
        baseline();
        CollectionResult result = ProviderTestKit.load("endpoint").collect(options());
        assertThat(result.issues()).isEmpty();
        Map<String, EndpointScreenLock> locks = OsqueryProviderTest.byId(result.facts(EndpointScreenLock.class));
        assertThat(locks.get("serial/C02ALICE0001")).extracting(EndpointScreenLock::state,
                EndpointScreenLock::lockAfter, EndpointScreenLock::detail).containsExactly(ScreenLockState.ENABLED,
                Duration.ofSeconds(605), "configuration profiles: profile \"Screen Saver - 10 minutes\" (7) "
                        + "(askForPassword true, askForPasswordDelay 5 s, idleTime 600 s)");
        assertThat(locks.get("serial/C02ALICE0001").evidence()).hasSize(2);
        assertThat(locks.get("serial/FVFERIN00003")).extracting(EndpointScreenLock::state,
                EndpointScreenLock::detail).containsExactly(ScreenLockState.DISABLED, "configuration profiles: "
                        + "profile \"Screen Saver - 10 minutes\" (7) (askForPassword true, askForPasswordDelay 5 s, "
                        + "idleTime 600 s); profile \"Screen Saver - no password\" (8) (askForPassword false)");
        assertThat(locks.get("serial/C02FRANK0004")).extracting(EndpointScreenLock::state,
                EndpointScreenLock::detail).containsExactly(ScreenLockState.UNKNOWN, "no installed Jamf Pro "
                        + "configuration profile sets the screen saver: " + JamfScreenLock.WHAT_TO_DEPLOY
                        + "; skipped: Jamf Pro holds no macOS configuration profile 9");
        // Profile 3 is on a Mac of each page, profile 7 on two Macs: each is still read once.
        for (String id : new String[] {"3", "7", "8", "9"}) {
            assertThat(server.count(getRequestedFor(urlPathEqualTo(PROFILES + id))
                    .withHeader("Accept", equalTo("application/json")))).as("profile " + id).isEqualTo(1);
        }
    }

    @Test
    void aProfileWhoseUuidIsNotTheInstalledIdentifierIsNotUsed() {
        baseline();
        // Jamf Pro answers for id 8 with another profile: its uuid is not the one installed on erin-mba.
        server.server.stubFor(get(urlPathEqualTo(PROFILES + "8")).willReturn(json(200,
                "osxconfigurationprofile-7.json")));
        CollectionResult result = FakeFalcon.collect(server.provider(Map.of()), options());
        assertThat(result.issues()).isEmpty();
        EndpointScreenLock erin = OsqueryProviderTest.byId(result.facts(EndpointScreenLock.class))
                .get("serial/FVFERIN00003");
        assertThat(erin.state()).isEqualTo(ScreenLockState.ENABLED);
        assertThat(erin.detail()).endsWith("; skipped: Jamf Pro's profile 8 has uuid "
                + "A1B2C3D4-0007-4E5F-8A9B-0C1D2E3F4A5B, not the installed A1B2C3D4-0008-4E5F-8A9B-0C1D2E3F4A5B");
    }

    @Test
    void aRoleWithoutReadMacOsConfigurationProfilesIsOneIssueAndTheOtherFactsStay() {
        baseline();
        server.server.stubFor(get(urlPathMatching(PROFILES + ".*")).willReturn(WireMock.aResponse()
                .withStatus(403)));
        CollectionResult result = FakeFalcon.collect(server.provider(Map.of()), options());
        assertThat(result.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.cause()).isEqualTo(IssueCause.ACCESS_DENIED);
            assertThat(issue.factKinds()).isEqualTo(Set.of(EndpointScreenLock.KIND));
            assertThat(issue.operation()).isEqualTo("jamf:findOsxConfigurationProfilesById");
            assertThat(issue.message()).contains("HTTP 403", "Read macOS Configuration Profiles");
        });
        assertThat(server.count(getRequestedFor(urlPathMatching(PROFILES + ".*")))).isEqualTo(1);
        assertThat(result.facts(EndpointScreenLock.class)).hasSize(3).allSatisfy(lock -> {
            assertThat(lock.state()).isEqualTo(ScreenLockState.UNKNOWN);
            assertThat(lock.detail()).contains("Jamf Pro denied reading configuration profiles (HTTP 403");
        });
        assertThat(result.facts(EndpointDiskEncryption.class)).hasSize(3);
        assertThat(result.facts(EndpointProtection.class)).hasSize(3);
    }

    @Test
    void aProfileWhosePayloadsAreNotAPropertyListIsMalformedAndOnlyItsReadingIsLost() {
        baseline();
        String broken = fixture("osxconfigurationprofile-7.json").replace("<plist version=\\\"1\\\">",
                "<plist version=\\\"1\\\"><dict>");
        assertThat(broken).isNotEqualTo(fixture("osxconfigurationprofile-7.json"));
        server.server.stubFor(get(urlPathEqualTo(PROFILES + "7")).willReturn(WireMock.okJson(broken)));
        CollectionResult result = FakeFalcon.collect(server.provider(Map.of()), options());
        assertThat(result.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.cause()).isEqualTo(IssueCause.MALFORMED_RESPONSE);
            assertThat(issue.factKinds()).isEqualTo(Set.of(EndpointScreenLock.KIND));
            assertThat(issue.message()).startsWith("the payloads of profile \"Screen Saver - 10 minutes\" (7) are "
                    + "not a property list");
        });
        Map<String, EndpointScreenLock> locks = OsqueryProviderTest.byId(result.facts(EndpointScreenLock.class));
        assertThat(locks.get("serial/C02ALICE0001").state()).isEqualTo(ScreenLockState.UNKNOWN);
        assertThat(locks.get("serial/C02ALICE0001").detail()).startsWith("the screen saver settings could not be "
                + "read; not read: profile 7 could not be read");
        // Profile 8 alone already turns the password off.
        assertThat(locks.get("serial/FVFERIN00003").state()).isEqualTo(ScreenLockState.DISABLED);
    }

    @Test
    void aRejectedClientIsOneIssueForJamfsKinds() {
        server.server.stubFor(post(urlPathEqualTo("/api/oauth/token")).willReturn(json(401,
                "token-invalid-client.json")));
        CollectionResult result = FakeFalcon.collect(server.provider(Map.of()), options());
        assertThat(result.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.cause()).isEqualTo(IssueCause.INVALID_CREDENTIALS);
            assertThat(issue.factKinds()).isEqualTo(JAMF_KINDS);
            assertThat(issue.message()).contains("Jamf Pro rejected the API client " + CLIENT_ID, "invalid_client");
        });
    }

    @Test
    void aRoleWithoutReadComputersIsAccessDeniedAndA429WaitsItsRetryAfter() {
        baseline();
        server.server.stubFor(get(urlPathEqualTo(INVENTORY)).willReturn(json(403, "forbidden.json")));
        CollectionResult denied = FakeFalcon.collect(server.provider(Map.of()), options());
        assertThat(denied.issues()).singleElement().extracting(CollectionIssue::cause, CollectionIssue::message)
                .containsExactly(IssueCause.ACCESS_DENIED, "HTTP 403: INVALID_PRIVILEGE Forbidden; no Jamf Pro "
                        + "computer could be read");

        server.server.resetAll();
        baseline();
        server.server.stubFor(get(urlPathEqualTo(INVENTORY)).withQueryParam("page", equalTo("1")).inScenario("busy")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(WireMock.aResponse().withStatus(429)
                        .withHeader("Retry-After", "3")).willSetStateTo("free"));
        server.server.stubFor(get(urlPathEqualTo(INVENTORY)).withQueryParam("page", equalTo("1")).inScenario("busy")
                .whenScenarioStateIs("free").willReturn(json(200, "computers-inventory-page-1.json")));
        CollectionResult waited = FakeFalcon.collect(server.provider(Map.of()), options());
        assertThat(waited.issues()).isEmpty();
        assertThat(server.sleeps).containsExactly(Duration.ofSeconds(3));
        assertThat(waited.facts(EndpointDiskEncryption.class)).hasSize(3);
    }

    @Test
    void aFailingSecondPageKeepsTheComputersOfTheFirst() {
        baseline();
        server.server.stubFor(get(urlPathEqualTo(INVENTORY)).withQueryParam("page", equalTo("1"))
                .willReturn(WireMock.aResponse().withStatus(200).withBody("<html>maintenance</html>")));
        CollectionResult result = FakeFalcon.collect(server.provider(Map.of()), options());
        assertThat(result.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.cause()).isEqualTo(IssueCause.MALFORMED_RESPONSE);
            assertThat(issue.message()).endsWith("2 computers were read before it, the others are missing");
        });
        assertThat(result.facts(EndpointDiskEncryption.class)).hasSize(2);
    }

    @Test
    void aJamfClientWithoutItsServerIsAConfigurationIssue() {
        Map<String, String> options = options();
        options.remove("jamf-url");
        assertThat(FakeFalcon.collect(server.provider(Map.of()), options).issues()).singleElement()
                .satisfies(issue -> assertThat(issue.message()).contains("needs the option jamf-url"));
    }
}
