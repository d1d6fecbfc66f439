package dev.evidentry.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.evidentry.github.FakeGithub.ORG;
import static dev.evidentry.github.FakeGithub.TOKEN;
import static dev.evidentry.github.FakeGithub.list;
import static dev.evidentry.github.FakeGithub.repoPath;
import static dev.evidentry.github.FakeGithub.requested;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.fact.HumanIdentity;
import dev.evidentry.spi.fact.MfaState;
import dev.evidentry.spi.fact.github.GithubBranchProtection;
import dev.evidentry.spi.fact.github.GithubOrganization;
import dev.evidentry.spi.fact.github.GithubRepository;
import dev.evidentry.spi.fact.github.GithubSecurityAnalysis;
import dev.evidentry.spi.fact.github.GithubVulnerabilityAlerts;
import dev.evidentry.testkit.RecordingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rejected, denied, failing, slow and garbled answers: each gives an issue with the right cause, on the right
 * resource, for exactly the kinds it cost, and never a guessed fact.
 */
class GithubProviderFaultTest {

    private static final Pattern EVIDENCE = Pattern.compile("evidence ([0-9a-f]{64})");

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

    private RecordingContext collect() {
        return collect(Map.of());
    }

    private RecordingContext collect(Map<String, String> extra) {
        Map<String, String> options = new HashMap<>(Map.of("api-url", github.apiUrl(), "organizations", ORG,
                "token", TOKEN));
        options.putAll(extra);
        RecordingContext context = new RecordingContext(options);
        new GithubProvider(context::sleep, name -> null).collect(context, context);
        return context;
    }

    @Test
    void rejectedCredentialsStopTheScanWithOneIssueSayingWhatToSet() {
        github.fault(get(urlPathEqualTo("/rate_limit")), github.error(401, "errors/bad-credentials.json"));
        github.fault(get(urlPathEqualTo("/orgs/" + ORG)), github.error(401, "errors/bad-credentials.json"));

        RecordingContext result = collect(Map.of("organizations", ORG + ",octo-labs"));

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.INVALID_CREDENTIALS);
        assertThat(issue.account()).isEmpty();
        assertThat(issue.factKinds()).isEqualTo(GithubProvider.FACT_KINDS);
        assertThat(issue.message()).contains("Bad credentials").contains("HTTP 401").contains("GITHUB_TOKEN")
                .contains("app-id");
        assertThat(result.evidence().get(evidenceIn(issue)).statusCode()).isEqualTo(401);
        assertThat(result.facts()).isEmpty();
        assertThat(github.count(requested("/orgs/octo-labs"))).isZero();
    }

    @Test
    void missingCredentialsAreReportedBeforeAnyCall() {
        RecordingContext context = new RecordingContext(Map.of("api-url", github.apiUrl(), "organizations", ORG));
        new GithubProvider(context::sleep, name -> null).collect(context, context);

        CollectionIssue issue = single(context.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.INVALID_CREDENTIALS);
        assertThat(issue.message()).contains("GITHUB_TOKEN").contains("app-id").contains("installation-id");
        assertThat(github.server.getAllServeEvents()).isEmpty();
    }

    @Test
    void missingOrganizationsIsAConfigurationIssue() {
        RecordingContext context = new RecordingContext(Map.of("api-url", github.apiUrl(), "token", TOKEN));
        new GithubProvider(context::sleep, name -> null).collect(context, context);

        CollectionIssue issue = single(context.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.CONFIGURATION);
        assertThat(issue.message()).contains("organizations").contains("required");
        assertThat(github.server.getAllServeEvents()).isEmpty();
    }

    @Test
    void anOrganisationTheTokenCannotSeeIsSkippedWithOneIssue() {
        github.fault(get(urlPathEqualTo("/orgs/" + ORG)), github.error(404, "errors/not-found.json"));

        RecordingContext result = collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.ACCESS_DENIED);
        assertThat(issue.account()).isEqualTo(ORG);
        assertThat(issue.resource()).isNull();
        assertThat(issue.factKinds()).isEqualTo(GithubProvider.FACT_KINDS);
        assertThat(issue.message()).contains("Not Found").contains("organizations");
        assertThat(result.facts()).isEmpty();
    }

    @Test
    void settingsHiddenFromANonOwnerAreAnIssueNotAGuess() {
        github.fault(get(urlPathEqualTo("/orgs/" + ORG)), github.json("orgs/octo-org-not-owner.json"));
        github.fault(list("/orgs/" + ORG + "/members").withQueryParam("filter", equalTo("2fa_disabled")),
                github.error(422, "errors/only-owners-filter.json"));
        github.fault(list("/orgs/" + ORG + "/outside_collaborators").withQueryParam("filter", equalTo("2fa_disabled")),
                github.error(422, "errors/only-owners-filter.json"));

        RecordingContext result = collect();

        assertThat(result.facts(GithubOrganization.class)).isEmpty();
        CollectionIssue settings = result.issues().stream()
                .filter(issue -> issue.factKinds().contains(GithubOrganization.KIND)).findFirst().orElseThrow();
        assertThat(settings.cause()).isEqualTo(IssueCause.ACCESS_DENIED);
        assertThat(settings.resource().type()).isEqualTo("github.organization");
        assertThat(settings.factKinds()).containsExactly(GithubOrganization.KIND);
        assertThat(settings.message()).contains("owner").contains("admin:org");
        // Without the setting, the 2FA filter was asked for, and refused: every person's MFA is UNKNOWN.
        assertThat(result.facts(HumanIdentity.class)).hasSize(4).allMatch(person -> person.mfa() == MfaState.UNKNOWN);
        assertThat(result.issues()).hasSize(3);
    }

    @Test
    void aRefusedTwoFactorFilterMakesMfaUnknownAndNamesTheOwnerPermission() {
        github.fault(list("/orgs/" + ORG + "/members").withQueryParam("filter", equalTo("2fa_disabled")),
                github.error(403, "errors/resource-not-accessible.json"));

        RecordingContext result = collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.ACCESS_DENIED);
        assertThat(issue.operation()).isEqualTo("GET /orgs/{org}/members?filter=2fa_disabled");
        assertThat(issue.factKinds()).containsExactly(HumanIdentity.KIND);
        assertThat(issue.account()).isEqualTo(ORG);
        assertThat(issue.message()).contains("Resource not accessible by integration").contains("HTTP 403")
                .contains("only organisation owners").contains("UNKNOWN");
        List<HumanIdentity> people = result.facts(HumanIdentity.class);
        assertThat(people).filteredOn(person -> person.resource().type().equals("github.member"))
                .hasSize(3).allMatch(person -> person.mfa() == MfaState.UNKNOWN);
        assertThat(people).filteredOn(person -> person.login().equals("octo-contractor"))
                .allMatch(person -> person.mfa() == MfaState.ENROLLED);
        assertThat(people).noneMatch(person -> person.login().equals("hubot") && person.mfa() == MfaState.ENROLLED);
    }

    @Test
    void aMemberListRedirectedToPublicMembersIsDeniedNotShort() {
        github.fault(list("/orgs/" + ORG + "/members").withQueryParam("filter", com.github.tomakehurst.wiremock.client
                .WireMock.absent()).withQueryParam("page", com.github.tomakehurst.wiremock.client.WireMock.absent()),
                FakeGithub.empty(302).withHeader("Location", github.apiUrl() + "/orgs/" + ORG + "/public_members"));
        github.answer(list("/orgs/" + ORG + "/public_members"), github.json("orgs/octo-org-members-page2.json"));

        RecordingContext result = collect();

        CollectionIssue issue = result.issues().stream().filter(i -> i.operation().equals("GET /orgs/{org}/members"))
                .findFirst().orElseThrow();
        assertThat(issue.cause()).isEqualTo(IssueCause.ACCESS_DENIED);
        assertThat(issue.message()).contains("not a member");
        assertThat(result.facts(HumanIdentity.class)).noneMatch(person -> person.resource().type()
                .equals("github.member"));
    }

    @Test
    void aServerErrorIsRetriedThenReportedWithoutAFact() {
        github.fault(get(urlPathEqualTo(repoPath("Hello-World") + "/vulnerability-alerts")),
                github.error(502, "errors/server-error.json"));

        RecordingContext result = collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.SERVER_ERROR);
        assertThat(issue.operation()).isEqualTo("GET /repos/{owner}/{repo}/vulnerability-alerts");
        assertThat(issue.resource().name()).isEqualTo("Hello-World");
        assertThat(issue.factKinds()).containsExactly(GithubVulnerabilityAlerts.KIND);
        assertThat(issue.message()).contains("Server Error").contains("HTTP 502");
        assertThat(result.facts(GithubVulnerabilityAlerts.class)).extracting(fact -> fact.resource().name())
                .containsExactlyInAnyOrder("Spoon-Knife", "octo-rules");
        assertThat(github.count(requested(repoPath("Hello-World") + "/vulnerability-alerts"))).isEqualTo(3);
        assertThat(result.sleeps()).hasSize(2); // backoff between the three attempts, through the injected sleeper
    }

    @Test
    void aTimeoutIsATimeoutIssue() {
        github.fault(get(urlPathEqualTo(repoPath("Spoon-Knife") + "/branches/main")),
                github.json("repos/octo-org/Spoon-Knife/branches-main.json").withFixedDelay(1500));

        RecordingContext result = collect(Map.of("request-timeout", "PT0.2S", "max-attempts", "2"));

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.TIMEOUT);
        assertThat(issue.resource().name()).isEqualTo("Spoon-Knife");
        assertThat(issue.factKinds()).containsExactly(GithubBranchProtection.KIND);
        assertThat(result.facts(GithubBranchProtection.class)).extracting(fact -> fact.resource().name())
                .containsExactlyInAnyOrder("Hello-World", "octo-rules");
    }

    @Test
    void malformedJsonIsAMalformedResponseNeverAnEmptyList() {
        github.fault(get(urlPathEqualTo("/orgs/" + ORG + "/repos")),
                FakeGithub.withGithubHeaders(aResponse().withStatus(200).withBody("[{\"id\": 1296269, \"name\": ")));

        RecordingContext result = collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.MALFORMED_RESPONSE);
        assertThat(issue.operation()).isEqualTo("GET /orgs/{org}/repos");
        assertThat(issue.factKinds()).isEqualTo(RepositoryCollector.KINDS);
        assertThat(issue.resource()).isNull();
        assertThat(result.evidence().get(evidenceIn(issue)).responseBody()).startsWith("[{\"id\"");
        assertThat(result.facts(GithubRepository.class)).isEmpty();
        assertThat(result.facts(HumanIdentity.class)).hasSize(4);
    }

    @Test
    void aDroppedConnectionIsReportedNotSwallowed() {
        github.fault(get(urlPathEqualTo(repoPath("octo-rules") + "/rules/branches/main")),
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        RecordingContext result = collect(Map.of("max-attempts", "1"));

        CollectionIssue issue = single(result.issues());
        assertThat(issue.resource().name()).isEqualTo("octo-rules");
        assertThat(issue.factKinds()).containsExactly(GithubBranchProtection.KIND);
        assertThat(result.facts(GithubBranchProtection.class)).noneMatch(fact -> fact.resource().name()
                .equals("octo-rules"));
    }

    @Test
    void aHiddenSecurityAndAnalysisBlockIsDeniedForThatRepositoryOnly() {
        String page = github.text("orgs/octo-org-repos-page2.json").replaceAll("\"security_and_analysis\"", "\"x\"");
        github.fault(list("/orgs/" + ORG + "/repos").withQueryParam("page", equalTo("2")),
                FakeGithub.withGithubHeaders(aResponse().withStatus(200).withBody(page)));

        RecordingContext result = collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.ACCESS_DENIED);
        assertThat(issue.resource().name()).isEqualTo("octo-rules");
        assertThat(issue.factKinds()).containsExactly(GithubSecurityAnalysis.KIND);
        assertThat(issue.message()).contains("security managers");
        assertThat(result.facts(GithubSecurityAnalysis.class)).extracting(fact -> fact.resource().name())
                .containsExactlyInAnyOrder("Hello-World", "Spoon-Knife");
    }

    @Test
    void protectionTheTokenMayNotReadIsDeniedButBranchNotProtectedIsAFact() {
        github.fault(get(urlPathEqualTo(repoPath("Hello-World") + "/branches/main/protection")),
                github.error(404, "errors/not-found.json"));

        RecordingContext result = collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.ACCESS_DENIED);
        assertThat(issue.operation()).isEqualTo("GET /repos/{owner}/{repo}/branches/{branch}/protection");
        assertThat(issue.message()).contains("Administration");
        assertThat(result.facts(GithubBranchProtection.class)).extracting(fact -> fact.resource().name())
                .containsExactlyInAnyOrder("Spoon-Knife", "octo-rules");
    }

    @Test
    void anEmptyRepositoryHasNoBranchToProtect() {
        github.fault(get(urlPathEqualTo(repoPath("Spoon-Knife") + "/branches/main")),
                github.error(404, "errors/branch-not-found.json"));

        RecordingContext result = collect();

        assertThat(result.issues()).isEmpty();
        GithubBranchProtection empty = result.facts(GithubBranchProtection.class).stream()
                .filter(fact -> fact.resource().name().equals("Spoon-Knife")).findFirst().orElseThrow();
        assertThat(empty.branchExists()).isFalse();
        assertThat(github.count(requested(repoPath("Spoon-Knife") + "/rules/branches/main"))).isZero();
    }

    @Test
    void vulnerabilityAlertsTheTokenMayNotReadAreDenied() {
        github.fault(get(urlPathEqualTo(repoPath("octo-rules") + "/vulnerability-alerts")),
                github.error(403, "errors/resource-not-accessible.json"));

        RecordingContext result = collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.ACCESS_DENIED);
        assertThat(issue.factKinds()).containsExactly(GithubVulnerabilityAlerts.KIND);
        assertThat(result.facts(GithubVulnerabilityAlerts.class)).noneMatch(fact -> fact.resource().name()
                .equals("octo-rules"));
    }

    @Test
    void theTokenFromTheEnvironmentIsRegisteredAndNeverPutInEvidence() {
        RecordingContext context = new RecordingContext(Map.of("api-url", github.apiUrl(), "organizations", ORG));
        new GithubProvider(context::sleep, name -> name.equals("GITHUB_TOKEN") ? TOKEN : null)
                .collect(context, context);

        assertThat(context.issues()).isEmpty();
        assertThat(context.secrets()).contains(TOKEN);
        assertThat(context.allEvidenceText()).doesNotContain(TOKEN);
        assertThat(github.count(getRequestedFor(urlPathEqualTo("/orgs/" + ORG))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)))).isEqualTo(1);
    }

    static CollectionIssue single(List<CollectionIssue> issues) {
        assertThat(issues).hasSize(1);
        return issues.get(0);
    }

    static EvidenceId evidenceIn(CollectionIssue issue) {
        Matcher matcher = EVIDENCE.matcher(issue.message());
        assertThat(matcher.find()).as("evidence id in: " + issue.message()).isTrue();
        return new EvidenceId(matcher.group(1));
    }
}
