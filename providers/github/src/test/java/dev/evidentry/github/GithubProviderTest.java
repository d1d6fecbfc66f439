package dev.evidentry.github;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.evidentry.github.FakeGithub.ORG;
import static dev.evidentry.github.FakeGithub.TOKEN;
import static dev.evidentry.github.FakeGithub.repoPath;
import static dev.evidentry.github.FakeGithub.requested;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.fact.HumanIdentity;
import dev.evidentry.spi.fact.MfaMethod;
import dev.evidentry.spi.fact.MfaState;
import dev.evidentry.spi.fact.github.GithubBranchProtection;
import dev.evidentry.spi.fact.github.GithubBranchProtection.AdminEnforcement;
import dev.evidentry.spi.fact.github.GithubOrganization;
import dev.evidentry.spi.fact.github.GithubRepository;
import dev.evidentry.spi.fact.github.GithubSecurityAnalysis;
import dev.evidentry.spi.fact.github.GithubSecurityAnalysis.FeatureStatus;
import dev.evidentry.spi.fact.github.GithubVulnerabilityAlerts;
import dev.evidentry.testkit.CollectionResult;
import dev.evidentry.testkit.ProviderTestKit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The provider as the scanner runs it (loaded through ServiceLoader, the engine's redacting evidence store), against
 * WireMock answering like GitHub's REST API: what each answer becomes, every page read, nothing asked twice.
 */
class GithubProviderTest {

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

    private CollectionResult collect() {
        return ProviderTestKit.load("github").collect(Map.of("api-url", github.apiUrl(), "organizations", ORG,
                "token", TOKEN));
    }

    @Test
    void isRegisteredAndDescribesItself() {
        var descriptor = ProviderTestKit.load("github").provider().descriptor();

        assertThat(descriptor.id()).isEqualTo("github");
        assertThat(descriptor.factKinds()).containsExactlyInAnyOrder(GithubOrganization.KIND, GithubRepository.KIND,
                GithubBranchProtection.KIND, GithubSecurityAnalysis.KIND, GithubVulnerabilityAlerts.KIND,
                HumanIdentity.KIND);
        assertThat(descriptor.secretOptions()).containsExactly("token");
        assertThat(descriptor.options()).extracting(option -> option.key()).contains("token", "app-id",
                "private-key-file", "installation-id", "api-url", "organizations");
    }

    @Test
    void readsTheOrganisationsSettings() {
        CollectionResult result = collect();

        assertThat(result.issues()).isEmpty();
        GithubOrganization organization = single(result.facts(GithubOrganization.class));
        assertThat(organization.resource().type()).isEqualTo("github.organization");
        assertThat(organization.resource().account()).isEqualTo(ORG);
        assertThat(organization.twoFactorRequired()).isFalse();
        assertThat(organization.defaultRepositoryPermission()).isEqualTo("read");
        assertThat(organization.membersCanCreatePublicRepositoriesIfKnown()).contains(false);
        assertThat(organization.webCommitSignoffRequiredIfKnown()).contains(true);
        assertThat(result.evidenceJson(organization.evidence().get(0)))
                .contains("\"operation\" : \"GET /orgs/{org}\"")
                .contains("two_factor_requirement_enabled");
    }

    @Test
    void membersWithoutTwoFactorAreNoneTheOthersEnrolled() {
        CollectionResult result = collect();

        Map<String, HumanIdentity> people = byLogin(result.facts(HumanIdentity.class));
        assertThat(people).containsOnlyKeys("octocat", "hubot", "monalisa", "octo-contractor");
        assertThat(people.get("hubot").mfa()).isEqualTo(MfaState.NONE);
        assertThat(people.get("hubot").strongestMethod()).isEqualTo(MfaMethod.NONE);
        assertThat(people.get("octocat").mfa()).isEqualTo(MfaState.ENROLLED);
        assertThat(people.get("octocat").strongestMethod()).isEqualTo(MfaMethod.UNSPECIFIED);
        assertThat(people.get("monalisa").mfa()).isEqualTo(MfaState.ENROLLED); // listed on the second page
        assertThat(people.get("octo-contractor").mfa()).isEqualTo(MfaState.ENROLLED);
        assertThat(people.values()).allMatch(person -> person.active() && person.interactiveSignIn());
        assertThat(people.get("hubot").resource().type()).isEqualTo("github.member");
        assertThat(people.get("octo-contractor").resource().type()).isEqualTo("github.outside-collaborator");
        // The member page and the 2fa_disabled list it was checked against.
        assertThat(people.get("monalisa").evidence()).hasSize(2);
        assertThat(result.evidenceJson(people.get("monalisa").evidence().get(1))).contains("2fa_disabled");
    }

    @Test
    void aRequiredTwoFactorMakesEveryoneEnforcedWithoutTheOwnerOnlyFilter() {
        github.fault(get(urlPathEqualTo("/orgs/" + ORG)), github.json("orgs/octo-org-2fa-required.json"));

        CollectionResult result = collect();

        assertThat(result.issues()).isEmpty();
        assertThat(result.facts(HumanIdentity.class)).hasSize(4)
                .allMatch(person -> person.mfa() == MfaState.ENFORCED
                        && person.strongestMethod() == MfaMethod.UNSPECIFIED);
        assertThat(github.count(getRequestedFor(urlPathEqualTo("/orgs/" + ORG + "/members"))
                .withQueryParam("filter", equalTo("2fa_disabled")))).isZero();
        assertThat(github.count(getRequestedFor(urlPathEqualTo("/orgs/" + ORG + "/outside_collaborators"))
                .withQueryParam("filter", equalTo("2fa_disabled")))).isZero();
    }

    @Test
    void listsEveryRepositoryAndJudgesOnlyThoseNotArchived() {
        CollectionResult result = collect();

        Map<String, GithubRepository> repositories = result.facts(GithubRepository.class).stream()
                .collect(Collectors.toMap(GithubRepository::fullName, Function.identity()));
        assertThat(repositories).containsOnlyKeys("octo-org/Hello-World", "octo-org/Spoon-Knife",
                "octo-org/octo-archive", "octo-org/octo-rules");
        assertThat(repositories.get("octo-org/Hello-World").visibility()).isEqualTo("public");
        assertThat(repositories.get("octo-org/octo-rules").visibility()).isEqualTo("internal");
        assertThat(repositories.get("octo-org/octo-archive").archived()).isTrue();
        assertThat(repositories.get("octo-org/Hello-World").resource().type()).isEqualTo("github.repository");
        assertThat(repositories.get("octo-org/Hello-World").resource().nativeId()).isEqualTo("octo-org/Hello-World");

        List<Fact> judged = result.facts().stream().filter(fact -> !(fact instanceof GithubRepository))
                .filter(fact -> fact.resource().type().equals("github.repository")).toList();
        assertThat(judged).noneMatch(fact -> fact.resource().name().equals("octo-archive"));
        assertThat(github.count(requested(repoPath("octo-archive") + "/branches/main"))).isZero();
        assertThat(github.count(requested(repoPath("octo-archive") + "/vulnerability-alerts"))).isZero();
    }

    @Test
    void combinesClassicProtectionAndRulesets() {
        CollectionResult result = collect();

        Map<String, GithubBranchProtection> protections = byRepository(result.facts(GithubBranchProtection.class));
        GithubBranchProtection classic = protections.get("Hello-World");
        assertThat(classic.branch()).isEqualTo("main");
        assertThat(classic.classicProtection()).isTrue();
        assertThat(classic.rulesetIds()).isEmpty();
        assertThat(classic.pullRequestRequired()).isTrue();
        assertThat(classic.requiredApprovingReviews()).isEqualTo(2);
        assertThat(classic.requiredStatusChecks()).containsExactly("continuous-integration/travis-ci");
        assertThat(classic.adminEnforcement()).isEqualTo(AdminEnforcement.ENFORCED);
        assertThat(classic.forcePushesBlocked()).isTrue();
        assertThat(classic.deletionsBlocked()).isTrue();
        assertThat(classic.evidence()).hasSize(3); // branch, protection, rules

        GithubBranchProtection open = protections.get("Spoon-Knife");
        assertThat(open.isProtected()).isFalse();
        assertThat(open.adminEnforcement()).isEqualTo(AdminEnforcement.UNPROTECTED);
        assertThat(open.pullRequestRequired()).isFalse();
        assertThat(open.forcePushesBlocked()).isFalse();

        GithubBranchProtection rules = protections.get("octo-rules");
        assertThat(rules.classicProtection()).isFalse(); // 404 "Branch not protected" is a fact, not an issue
        assertThat(rules.rulesetIds()).containsExactly(7L, 42L);
        assertThat(rules.requiredApprovingReviews()).isEqualTo(1);
        assertThat(rules.requiredStatusChecks()).containsExactly("ci/build");
        assertThat(rules.adminEnforcement()).isEqualTo(AdminEnforcement.RULESET_BYPASS_NOT_VISIBLE);
        assertThat(rules.forcePushesBlocked()).isTrue();
        assertThat(rules.deletionsBlocked()).isTrue();
        assertThat(result.issues()).isEmpty();
    }

    @Test
    void readsSecurityAndAnalysisFromTheRepositoryListAndDependabotAlertsFromTheirStatus() {
        CollectionResult result = collect();

        Map<String, GithubSecurityAnalysis> analysis = byRepository(result.facts(GithubSecurityAnalysis.class));
        assertThat(analysis).containsOnlyKeys("Hello-World", "Spoon-Knife", "octo-rules");
        assertThat(analysis.get("Hello-World").secretScanning()).isEqualTo(FeatureStatus.ENABLED);
        assertThat(analysis.get("Hello-World").secretScanningPushProtection()).isEqualTo(FeatureStatus.ENABLED);
        assertThat(analysis.get("Spoon-Knife").secretScanning()).isEqualTo(FeatureStatus.DISABLED);
        assertThat(analysis.get("octo-rules").secretScanningPushProtection()).isEqualTo(FeatureStatus.DISABLED);
        assertThat(analysis.get("octo-rules").dependabotSecurityUpdates()).isEqualTo(FeatureStatus.ENABLED);

        Map<String, GithubVulnerabilityAlerts> alerts = byRepository(result.facts(GithubVulnerabilityAlerts.class));
        assertThat(alerts.get("Hello-World").enabled()).isTrue();   // 204
        assertThat(alerts.get("Spoon-Knife").enabled()).isFalse();  // 404
        assertThat(alerts.get("octo-rules").enabled()).isTrue();
        assertThat(result.evidenceJson(alerts.get("Spoon-Knife").evidence().get(0))).contains("\"statusCode\" : 404");
    }

    @Test
    void readsEveryPageAndAsksForEachDatumOnce() {
        collect();

        String members = "/orgs/" + ORG + "/members";
        assertThat(github.count(getRequestedFor(urlPathEqualTo(members)).withQueryParam("page", equalTo("2"))))
                .isEqualTo(1);
        assertThat(github.count(requested(members))).isEqualTo(3); // page 1, page 2, 2fa_disabled
        assertThat(github.count(requested("/orgs/" + ORG + "/repos"))).isEqualTo(2);
        assertThat(github.count(requested("/orgs/" + ORG))).isEqualTo(1);
        assertThat(github.count(requested("/orgs/" + ORG + "/outside_collaborators"))).isEqualTo(2);
        for (String repo : List.of("Hello-World", "Spoon-Knife", "octo-rules")) {
            assertThat(github.count(requested(repoPath(repo) + "/branches/main"))).isEqualTo(1);
            assertThat(github.count(requested(repoPath(repo) + "/rules/branches/main"))).isEqualTo(1);
            assertThat(github.count(requested(repoPath(repo) + "/vulnerability-alerts"))).isEqualTo(1);
        }
        assertThat(github.count(requested(repoPath("Hello-World") + "/branches/main/protection"))).isEqualTo(1);
        assertThat(github.count(requested(repoPath("Spoon-Knife") + "/branches/main/protection"))).isZero();
        assertThat(github.count(requested("/rate_limit"))).isEqualTo(1); // github-api's rate-limit checker, once
        assertThat(github.count(getRequestedFor(urlPathEqualTo("/orgs/" + ORG + "/members"))
                .withQueryParam("per_page", equalTo("100")))).isEqualTo(3);
    }

    @Test
    void sendsTheTokenButNeverStoresIt() {
        CollectionResult result = collect();

        assertThat(github.count(getRequestedFor(urlPathEqualTo("/orgs/" + ORG))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)))).isEqualTo(1);
        assertThat(result.evidenceCount()).isGreaterThan(15);
        assertThat(result.allStoredText()).doesNotContain(TOKEN).doesNotContain("Authorization");
    }

    @Test
    void everyFactNamesStoredEvidence() {
        CollectionResult result = collect();

        for (Fact fact : result.facts()) {
            assertThat(fact.evidence()).as(fact.toString()).isNotEmpty();
            for (EvidenceId id : fact.evidence()) {
                assertThat(result.evidenceJson(id)).contains("\"provider\" : \"github\"");
            }
        }
    }

    static <T> T single(List<T> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private static Map<String, HumanIdentity> byLogin(List<HumanIdentity> people) {
        return people.stream().collect(Collectors.toMap(HumanIdentity::login, Function.identity()));
    }

    private static <T extends Fact> Map<String, T> byRepository(List<T> facts) {
        return facts.stream().collect(Collectors.toMap(fact -> fact.resource().name(), Function.identity()));
    }
}
