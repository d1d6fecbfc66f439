package dev.evidentry.endpoint;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
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
        // Jamf Pro says nothing here of malware protection or screen locks.
        assertThat(result.facts(EndpointProtection.class)).isEmpty();

        assertThat(server.count(postRequestedFor(urlPathEqualTo("/api/oauth/token"))
                .withRequestBody(WireMock.containing("grant_type=client_credentials")))).isEqualTo(1);
        assertThat(server.count(getRequestedFor(urlPathEqualTo(INVENTORY)).withQueryParam("section",
                equalTo("DISK_ENCRYPTION")).withHeader("Authorization", equalTo("Bearer " + TOKEN)))).isEqualTo(2);
        assertThat(result.evidenceCount()).isEqualTo(3);
        assertThat(result.allStoredText()).doesNotContain(SECRET, TOKEN).contains("\"service\" : \"jamf\"");
    }

    @Test
    void aRejectedClientIsOneIssueForJamfsKinds() {
        server.server.stubFor(post(urlPathEqualTo("/api/oauth/token")).willReturn(json(401,
                "token-invalid-client.json")));
        CollectionResult result = FakeFalcon.collect(server.provider(Map.of()), options());
        assertThat(result.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.cause()).isEqualTo(IssueCause.INVALID_CREDENTIALS);
            assertThat(issue.factKinds()).isEqualTo(Set.of(EndpointDiskEncryption.KIND,
                    EndpointOperatingSystem.KIND));
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
