package dev.evidentry.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.evidentry.github.FakeGithub.DATE;
import static dev.evidentry.github.FakeGithub.NOW;
import static dev.evidentry.github.FakeGithub.ORG;
import static dev.evidentry.github.FakeGithub.TOKEN;
import static dev.evidentry.github.FakeGithub.repoPath;
import static dev.evidentry.github.FakeGithub.requested;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.fact.github.GithubVulnerabilityAlerts;
import dev.evidentry.testkit.RecordingContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GitHub's primary limit ({@code X-RateLimit-Remaining}/{@code X-RateLimit-Reset}) and secondary limits
 * ({@code Retry-After}): waited for through the injected sleeper, measured on the scan's clock, up to
 * {@code max-rate-limit-wait}; past it, THROTTLED issues and no further requests. Every wait takes no time here.
 */
class RateLimitTest {

    private static FakeGithub github;

    @BeforeAll
    static void startWireMock() {
        github = FakeGithub.start();
    }

    @AfterAll
    static void stopWireMock() {
        github.close();
    }

    @BeforeEach
    void baseline() {
        github.reset();
        github.baseline();
    }

    private RecordingContext collect(Map<String, String> extra) {
        Map<String, String> options = new HashMap<>(Map.of("api-url", github.apiUrl(), "organizations", ORG,
                "token", TOKEN));
        options.putAll(extra);
        RecordingContext context = new RecordingContext(options);
        new GithubProvider(context::sleep, name -> null).collect(context, context);
        return context;
    }

    /** Answers {@code limited} first, then the baseline answer. */
    private void limitedOnce(String path, ResponseDefinitionBuilder limited, ResponseDefinitionBuilder then) {
        github.fault(get(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("served"), limited);
        github.fault(get(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs("served"), then);
    }

    private static ResponseDefinitionBuilder primaryLimit(long secondsToReset) {
        return aResponse().withStatus(403).withBody(FakeGithub.fixture("errors/primary-rate-limit.json"))
                .withHeader("Content-Type", "application/json; charset=utf-8").withHeader("Date", DATE)
                .withHeader("X-RateLimit-Limit", "5000").withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Used", "5000").withHeader("X-RateLimit-Resource", "core")
                .withHeader("X-RateLimit-Reset", String.valueOf(NOW.getEpochSecond() + secondsToReset));
    }

    private static ResponseDefinitionBuilder secondaryLimit(int status, String retryAfter) {
        ResponseDefinitionBuilder response = aResponse().withStatus(status)
                .withBody(FakeGithub.fixture("errors/secondary-rate-limit.json"))
                .withHeader("Content-Type", "application/json; charset=utf-8").withHeader("Date", DATE)
                .withHeader("X-RateLimit-Limit", "5000").withHeader("X-RateLimit-Remaining", "4990")
                .withHeader("X-RateLimit-Reset", String.valueOf(FakeGithub.RESET));
        return retryAfter == null ? response : response.withHeader("Retry-After", retryAfter);
    }

    @Test
    void waitsForThePrimaryLimitToResetThenCarriesOn() {
        String path = "/orgs/" + ORG + "/outside_collaborators";
        limitedOnce(path, primaryLimit(42), github.json("orgs/octo-org-outside_collaborators.json"));

        RecordingContext result = collect(Map.of());

        assertThat(result.issues()).isEmpty();
        assertThat(result.sleeps()).containsExactly(Duration.ofSeconds(42));
        assertThat(github.count(requested(path))).isEqualTo(3); // limited, retried, and the 2fa_disabled list
        assertThat(result.evidence().values()).anyMatch(raw -> raw.statusCode() == 403
                && raw.responseBody().contains("API rate limit exceeded"));
    }

    @Test
    void waitsBeforeSendingWhenTheLastAnswerLeftNoRequests() {
        // The organisation's answer says no request is left in this window (it resets in an hour): github-api's
        // RateLimitChecker hook waits before the next request instead of sending it to be refused, once.
        github.fault(get(urlPathEqualTo("/orgs/" + ORG)), github.json("orgs/octo-org.json", 0));

        RecordingContext result = collect(Map.of("max-rate-limit-wait", "PT2H"));

        assertThat(result.issues()).isEmpty();
        assertThat(result.sleeps()).containsExactly(Duration.ofSeconds(FakeGithub.RESET - NOW.getEpochSecond()));
        assertThat(github.count(requested("/orgs/" + ORG + "/repos"))).isEqualTo(2);
    }

    @Test
    void honoursRetryAfterOnASecondaryLimit() {
        String path = repoPath("Hello-World") + "/vulnerability-alerts";
        limitedOnce(path, secondaryLimit(429, "7"), FakeGithub.empty(204));

        RecordingContext result = collect(Map.of());

        assertThat(result.issues()).isEmpty();
        assertThat(result.sleeps()).containsExactly(Duration.ofSeconds(7));
        assertThat(result.facts(GithubVulnerabilityAlerts.class)).filteredOn(fact -> fact.resource().name()
                .equals("Hello-World")).singleElement().matches(GithubVulnerabilityAlerts::enabled);
    }

    @Test
    void aSecondaryLimitWithoutRetryAfterWaitsTheMinuteGithubAsksFor() {
        String path = repoPath("Spoon-Knife") + "/branches/main";
        limitedOnce(path, secondaryLimit(403, null), github.json("repos/octo-org/Spoon-Knife/branches-main.json"));

        RecordingContext result = collect(Map.of());

        assertThat(result.issues()).isEmpty();
        assertThat(result.sleeps()).containsExactly(Duration.ofSeconds(60)); // GitHub: "wait for at least one minute"
        assertThat(github.count(requested(path))).isEqualTo(2);
    }

    @Test
    void aSecondaryLimitPastTheBoundStopsCleanlyWithThrottledIssues() {
        String members = "/orgs/" + ORG + "/members";
        github.fault(get(urlPathEqualTo(members)), secondaryLimit(429, "3600"));

        RecordingContext result = collect(Map.of("max-rate-limit-wait", "PT10M"));

        assertThat(result.sleeps()).isEmpty();
        assertThat(result.issues()).hasSize(5).allMatch(issue -> issue.cause() == IssueCause.THROTTLED);
        CollectionIssue first = result.issues().get(0);
        assertThat(first.operation()).isEqualTo("GET /orgs/{org}/members");
        assertThat(first.message()).contains("Retry-After: 3600").contains("max-rate-limit-wait PT10M");
        assertThat(github.count(requested(members))).isEqualTo(1); // sent once, never again
        // The calls not yet made when the limit came (2FA list, collaborators, repositories) stopped unsent.
        assertThat(result.issues().subList(1, 5)).allMatch(issue -> issue.message().contains("not sent"));
        assertThat(github.count(requested("/orgs/" + ORG + "/repos"))).isZero();
    }

    @Test
    void aPrimaryLimitPastTheBoundIsThrottled() {
        github.fault(get(urlPathEqualTo("/orgs/" + ORG)), primaryLimit(3000));

        RecordingContext result = collect(Map.of("max-rate-limit-wait", "PT5M"));

        CollectionIssue issue = FakeGithubAssertions.single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.THROTTLED);
        assertThat(issue.account()).isEqualTo(ORG);
        assertThat(issue.message()).contains("primary rate limit").contains("PT50M");
        assertThat(result.sleeps()).isEmpty();
        assertThat(result.facts()).isEmpty();
    }

    @Test
    void aLimitThatPersistsAfterTwoWaitsIsThrottled() {
        String path = repoPath("octo-rules") + "/rules/branches/main";
        github.fault(get(urlPathEqualTo(path)), secondaryLimit(429, "5"));

        RecordingContext result = collect(Map.of());

        CollectionIssue issue = FakeGithubAssertions.single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.THROTTLED);
        assertThat(issue.resource().name()).isEqualTo("octo-rules");
        assertThat(result.sleeps()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertThat(github.count(requested(path))).isEqualTo(3);
    }
}
