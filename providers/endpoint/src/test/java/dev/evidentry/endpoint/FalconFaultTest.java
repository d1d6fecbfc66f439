package dev.evidentry.endpoint;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.fact.EndpointOperatingSystem;
import dev.evidentry.spi.fact.EndpointProtection;
import dev.evidentry.testkit.CollectionResult;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every way a Falcon call fails becomes an issue for exactly the Falcon fact kinds, never a silent gap. */
class FalconFaultTest {

    private static final Set<String> FALCON_KINDS = Set.of(EndpointProtection.KIND, EndpointOperatingSystem.KIND);

    private FakeFalcon falcon;

    @BeforeEach
    void start() {
        falcon = new FakeFalcon();
    }

    @AfterEach
    void stop() {
        falcon.close();
    }

    @Test
    void rejectedClientCredentialsAreOneIssueAndNothingElseIsCalled() {
        falcon.server.stubFor(post(urlPathEqualTo("/oauth2/token")).willReturn(FakeFalcon.json(403,
                "token-denied.json")));
        CollectionResult result = falcon.collect(falcon.options());
        assertThat(result.facts()).isEmpty();
        assertThat(result.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.cause()).isEqualTo(IssueCause.INVALID_CREDENTIALS);
            assertThat(issue.factKinds()).isEqualTo(FALCON_KINDS);
            assertThat(issue.operation()).isEqualTo("falcon:oauth2AccessToken");
            assertThat(issue.account()).isEqualTo("localhost");
            assertThat(issue.message()).contains("Falcon rejected the API client " + FakeFalcon.CLIENT_ID,
                    "Failed to issue access token - Not Authorized", "FALCON_CLIENT_SECRET")
                    .doesNotContain(FakeFalcon.CLIENT_SECRET);
        });
        assertThat(falcon.count(FakeFalcon.anyDeviceCall())).isZero();
    }

    @Test
    void aClientWithoutHostsReadIsAccessDenied() {
        falcon.baseline();
        falcon.server.stubFor(get(urlPathEqualTo(FakeFalcon.QUERY_PATH)).willReturn(FakeFalcon.json(403,
                "access-denied.json")));
        CollectionResult result = falcon.collect(falcon.options());
        assertThat(result.facts()).isEmpty();
        assertThat(result.issues()).singleElement().extracting(CollectionIssue::cause, CollectionIssue::operation,
                CollectionIssue::message).containsExactly(IssueCause.ACCESS_DENIED, "falcon:QueryDevicesByFilterScroll",
                "HTTP 403: access denied, authorization failed; no Falcon host could be listed");
    }

    @Test
    void a429WaitsUntilTheDocumentedRetryAfterThroughTheSleeperAndThenSucceeds() {
        falcon.baseline();
        falcon.server.stubFor(get(urlPathEqualTo(FakeFalcon.DETAILS_PATH)).inScenario("limit")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(FakeFalcon.json(429, "too-many-requests.json")
                        .withHeader("X-RateLimit-Limit", "6000").withHeader("X-RateLimit-Remaining", "0")
                        .withHeader("X-RateLimit-RetryAfter", String.valueOf(FakeFalcon.NOW + 7)))
                .willSetStateTo("reset"));
        falcon.server.stubFor(get(urlPathEqualTo(FakeFalcon.DETAILS_PATH)).inScenario("limit")
                .whenScenarioStateIs("reset").willReturn(FakeFalcon.json(200, "devices.json")));
        CollectionResult result = falcon.collect(falcon.options());
        assertThat(result.issues()).isEmpty();
        assertThat(falcon.sleeps).containsExactly(Duration.ofSeconds(7));
        assertThat(result.facts(EndpointProtection.class)).hasSize(4);
    }

    @Test
    void a429ThatResetsPastTheAllowedWaitIsThrottledWithoutWaiting() {
        falcon.baseline();
        falcon.server.stubFor(get(urlPathEqualTo(FakeFalcon.DETAILS_PATH)).willReturn(FakeFalcon.json(429,
                "too-many-requests.json").withHeader("X-RateLimit-RetryAfter", String.valueOf(FakeFalcon.NOW + 600))));
        CollectionResult result = falcon.collect(falcon.options());
        assertThat(falcon.sleeps).isEmpty();
        assertThat(result.facts()).isEmpty();
        assertThat(result.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.cause()).isEqualTo(IssueCause.THROTTLED);
            assertThat(issue.factKinds()).isEqualTo(FALCON_KINDS);
            assertThat(issue.message()).contains("API rate limit exceeded.", "resets in 600 s", "PT2M",
                    "the details of 4 Falcon hosts are missing");
        });
    }

    @Test
    void aTokenThatExpiresMidScanIsRenewedOnceAndARepeated401IsInvalidCredentials() {
        falcon.baseline();
        falcon.server.stubFor(get(urlPathEqualTo(FakeFalcon.DETAILS_PATH)).inScenario("expiry")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(FakeFalcon.json(401, "access-denied.json"))
                .willSetStateTo("renewed"));
        falcon.server.stubFor(get(urlPathEqualTo(FakeFalcon.DETAILS_PATH)).inScenario("expiry")
                .whenScenarioStateIs("renewed").willReturn(FakeFalcon.json(200, "devices.json")));
        CollectionResult renewed = falcon.collect(falcon.options());
        assertThat(renewed.issues()).isEmpty();
        assertThat(renewed.facts(EndpointProtection.class)).hasSize(4);
        assertThat(falcon.count(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                urlPathEqualTo("/oauth2/token")))).isEqualTo(2);

        falcon.server.stubFor(get(urlPathEqualTo(FakeFalcon.DETAILS_PATH)).willReturn(FakeFalcon.json(401,
                "access-denied.json")));
        CollectionResult rejected = falcon.collect(falcon.options());
        assertThat(rejected.issues()).singleElement().extracting(CollectionIssue::cause)
                .isEqualTo(IssueCause.INVALID_CREDENTIALS);
    }

    @Test
    void serverErrorsAreRetriedWithBackoffThenReported() {
        falcon.baseline();
        falcon.server.stubFor(get(urlPathEqualTo(FakeFalcon.DETAILS_PATH)).willReturn(FakeFalcon.json(500,
                "server-error.json")));
        CollectionResult result = falcon.collect(falcon.options());
        assertThat(falcon.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(result.issues()).singleElement().extracting(CollectionIssue::cause)
                .isEqualTo(IssueCause.SERVER_ERROR);
        assertThat(falcon.count(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo(FakeFalcon.DETAILS_PATH)))).isEqualTo(3);
    }

    @Test
    void aFailingSecondPageKeepsTheHostsOfTheFirst() {
        falcon.baseline();
        falcon.server.stubFor(get(urlPathEqualTo(FakeFalcon.QUERY_PATH))
                .withQueryParam("offset", equalTo(FakeFalcon.SECOND_PAGE))
                .willReturn(FakeFalcon.json(500, "server-error.json")));
        Map<String, String> options = new HashMap<>(falcon.options());
        options.put("falcon-max-attempts", "1");
        CollectionResult result = falcon.collect(options);
        assertThat(result.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.cause()).isEqualTo(IssueCause.SERVER_ERROR);
            assertThat(issue.message()).endsWith("2 host ids were listed before it, the others are missing");
        });
        // WireMock answers the details of all four; the provider asked only for the two it listed.
        assertThat(falcon.count(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo(FakeFalcon.DETAILS_PATH)).withQueryParam("ids",
                        equalTo("2c3d4e5f60718293a4b5c6d7e8f90a1b")))).isZero();
        assertThat(result.facts(EndpointProtection.class)).isNotEmpty();
    }

    @Test
    void noAnswerInTimeIsATimeout() {
        falcon.baseline();
        falcon.server.stubFor(get(urlPathEqualTo(FakeFalcon.QUERY_PATH)).willReturn(FakeFalcon.json(200,
                "query-scroll-1.json").withFixedDelay(3000)));
        Map<String, String> options = new HashMap<>(falcon.options());
        options.put("falcon-request-timeout", "PT0.5S");
        options.put("falcon-max-attempts", "2");
        CollectionResult result = falcon.collect(options);
        assertThat(result.issues()).singleElement().extracting(CollectionIssue::cause, CollectionIssue::factKinds)
                .containsExactly(IssueCause.TIMEOUT, FALCON_KINDS);
        assertThat(falcon.sleeps).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void aBodyThatIsNotTheDocumentedJsonIsMalformed() {
        falcon.baseline();
        falcon.server.stubFor(get(urlPathEqualTo(FakeFalcon.DETAILS_PATH)).willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json").withBody("{\"meta\": {\"query_time\": 0.01")));
        CollectionResult result = falcon.collect(falcon.options());
        assertThat(result.facts()).isEmpty();
        assertThat(result.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.cause()).isEqualTo(IssueCause.MALFORMED_RESPONSE);
            assertThat(issue.message()).contains("not the documented JSON object (evidence ");
        });
        assertThat(result.evidenceCount()).isEqualTo(4);
    }

    @Test
    void aClientIdWithoutASecretIsAConfigurationIssueAndTheEnvironmentCanGiveTheSecret() {
        falcon.baseline();
        Map<String, String> options = new HashMap<>(falcon.options());
        options.remove("falcon-client-secret");
        CollectionResult missing = falcon.collect(options);
        assertThat(missing.issues()).singleElement().extracting(CollectionIssue::cause)
                .isEqualTo(IssueCause.CONFIGURATION);
        CollectionResult fromEnvironment = FakeFalcon.collect(
                falcon.provider(Map.of("FALCON_CLIENT_SECRET", FakeFalcon.CLIENT_SECRET)), options);
        assertThat(fromEnvironment.issues()).isEmpty();
        assertThat(fromEnvironment.allStoredText()).doesNotContain(FakeFalcon.CLIENT_SECRET);
    }

    @Test
    void plainHttpIsRefusedExceptOnLoopback() {
        Map<String, String> options = new HashMap<>(falcon.options());
        options.put("falcon-base-url", "http://api.crowdstrike.com");
        assertThat(falcon.collect(options).issues()).singleElement().satisfies(issue -> {
            assertThat(issue.cause()).isEqualTo(IssueCause.CONFIGURATION);
            assertThat(issue.message()).contains("must be an https URL");
        });
    }
}
