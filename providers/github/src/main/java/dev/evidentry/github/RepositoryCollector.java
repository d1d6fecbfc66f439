package dev.evidentry.github;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evidentry.github.GithubCalls.Answer;
import dev.evidentry.github.GithubCalls.Page;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.github.GithubBranchProtection;
import dev.evidentry.spi.fact.github.GithubRepository;
import dev.evidentry.spi.fact.github.GithubSecurityAnalysis;
import dev.evidentry.spi.fact.github.GithubSecurityAnalysis.FeatureStatus;
import dev.evidentry.spi.fact.github.GithubVulnerabilityAlerts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.kohsuke.github.GHBranch;
import org.kohsuke.github.GHOrganization;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GHRepositoryRule;

/**
 * An organisation's repositories ({@code GET /orgs/{org}/repos}, every page) and, for each one not archived, its
 * default branch's protection (classic rule and rulesets), its {@code security_and_analysis} block (read from the same
 * list: github-api has no accessor for it) and whether Dependabot alerts are on.
 *
 * <p>Two phases: {@link #listTask()} lists and emits the repositories; {@link #followUpTasks()} then returns two calls
 * per active repository, run with the scan's bounded concurrency.
 */
final class RepositoryCollector {

    static final String LIST = "GET /orgs/{org}/repos";
    static final String BRANCH = "GET /repos/{owner}/{repo}/branches/{branch}";
    static final String PROTECTION = "GET /repos/{owner}/{repo}/branches/{branch}/protection";
    static final String RULES = "GET /repos/{owner}/{repo}/rules/branches/{branch}";
    static final String VULNERABILITY_ALERTS = "GET /repos/{owner}/{repo}/vulnerability-alerts";

    static final Set<String> KINDS = Set.of(GithubRepository.KIND, GithubBranchProtection.KIND,
            GithubSecurityAnalysis.KIND, GithubVulnerabilityAlerts.KIND);

    private final GHOrganization organization;
    private final OrgScope scope;
    private final FactSink sink;
    private final List<ActiveRepository> active = new CopyOnWriteArrayList<>();

    RepositoryCollector(GHOrganization organization, OrgScope scope, FactSink sink) {
        this.organization = requireNonNull(organization, "organization is null");
        this.scope = requireNonNull(scope, "scope is null");
        this.sink = requireNonNull(sink, "sink is null");
    }

    Task listTask() {
        return new Task(LIST, null, KINDS, () -> GithubCalls.pages(LIST,
                organization.listRepositories(GithubCalls.PAGE_SIZE), this::acceptPage));
    }

    /** Two tasks per repository that is not archived: branch protection, and Dependabot alerts. */
    List<Task> followUpTasks() {
        List<Task> tasks = new ArrayList<>();
        for (ActiveRepository repository : active) {
            tasks.add(new Task(BRANCH, repository.ref(), Set.of(GithubBranchProtection.KIND),
                    () -> collectBranchProtection(repository)));
            tasks.add(new Task(VULNERABILITY_ALERTS, repository.ref(), Set.of(GithubVulnerabilityAlerts.KIND),
                    () -> collectVulnerabilityAlerts(repository)));
        }
        return tasks;
    }

    private void acceptPage(Page<GHRepository> page) {
        JsonNode body = Json.read(page.exchange());
        if (!body.isArray()) {
            throw GithubCallException.malformed(LIST, "the repository list is not a JSON array", page.evidence());
        }
        Map<Long, JsonNode> byId = new HashMap<>();
        body.forEach(item -> byId.put(item.path("id").asLong(-1), item));
        for (GHRepository repository : page.items()) {
            JsonNode json = byId.get(repository.getId());
            if (json == null || !json.path("full_name").isTextual() || !json.path("name").isTextual()) {
                throw GithubCallException.malformed(LIST, "a repository in the list has no id, name or full_name",
                        page.evidence());
            }
            acceptRepository(repository, json, page.evidence());
        }
    }

    private void acceptRepository(GHRepository repository, JsonNode json, EvidenceId evidence) {
        String fullName = json.path("full_name").asText();
        ResourceRef ref = scope.repositoryRef(fullName, json.path("name").asText());
        String visibility = json.path("visibility").isTextual() ? json.path("visibility").asText()
                : json.path("private").asBoolean(false) ? "private" : "public";
        boolean archived = json.path("archived").asBoolean(false);
        String defaultBranch = json.path("default_branch").asText("");
        sink.accept(new GithubRepository(ref, fullName, visibility, archived, json.path("fork").asBoolean(false),
                defaultBranch, List.of(evidence)));
        if (archived) {
            return; // read-only: listed, not judged
        }
        JsonNode analysis = json.path("security_and_analysis");
        if (analysis.isObject()) {
            sink.accept(new GithubSecurityAnalysis(ref, status(analysis, "secret_scanning"),
                    status(analysis, "secret_scanning_push_protection"),
                    status(analysis, "dependabot_security_updates"), List.of(evidence)));
        } else {
            sink.issue(CollectionIssue.forResource(ref, LIST, Set.of(GithubSecurityAnalysis.KIND),
                    IssueCause.ACCESS_DENIED, "the repository list shows no security_and_analysis block for "
                            + fullName + ": GitHub shows it only to repository administrators, organisation owners and"
                            + " security managers (evidence " + evidence + ")"));
        }
        if (defaultBranch.isEmpty()) {
            sink.issue(CollectionIssue.forResource(ref, LIST, Set.of(GithubBranchProtection.KIND),
                    IssueCause.MALFORMED_RESPONSE, "the repository list gives no default_branch for " + fullName
                            + " (evidence " + evidence + ")"));
            active.add(new ActiveRepository(repository, ref, null));
        } else {
            active.add(new ActiveRepository(repository, ref, defaultBranch));
        }
    }

    private static FeatureStatus status(JsonNode analysis, String feature) {
        String status = analysis.path(feature).path("status").asText("");
        return switch (status) {
            case "enabled" -> FeatureStatus.ENABLED;
            case "disabled" -> FeatureStatus.DISABLED;
            default -> FeatureStatus.NOT_AVAILABLE;
        };
    }

    private void collectBranchProtection(ActiveRepository repository) {
        if (repository.defaultBranch() == null) {
            return; // reported while listing
        }
        String name = repository.defaultBranch();
        List<EvidenceId> evidence = new ArrayList<>();
        Answer<GHBranch> branch;
        try {
            branch = GithubCalls.call(BRANCH, () -> repository.handle().getBranch(name));
        } catch (GithubCallException e) {
            if (e.status() == 404 && e.evidence().isPresent()) {
                // An empty repository: its default branch has no commit yet, so there is nothing to protect.
                sink.accept(new GithubBranchProtection(repository.ref(), name, false, false, List.of(), false, 0,
                        List.of(), GithubBranchProtection.AdminEnforcement.UNPROTECTED, false, false,
                        List.of(e.evidence().get())));
                return;
            }
            throw e;
        }
        evidence.add(branch.evidence());
        ClassicRule classic = null;
        if (branch.value().isProtected()) {
            classic = readClassicRule(branch, evidence);
        }
        List<GHRepositoryRule> rules = readRules(repository, name, evidence);
        sink.accept(BranchProtections.combine(repository.ref(), name, classic, rules, evidence));
    }

    /** The classic rule, or {@code null} when only rulesets protect the branch ("Branch not protected"). */
    private static ClassicRule readClassicRule(Answer<GHBranch> branch, List<EvidenceId> evidence) {
        if (!Json.read(branch.exchange()).path("protection_url").isTextual()) {
            throw GithubCallException.malformed(BRANCH, "the branch is protected but the answer has no protection_url",
                    branch.evidence());
        }
        try {
            Answer<?> protection = GithubCalls.call(PROTECTION, () -> branch.value().getProtection());
            evidence.add(protection.evidence());
            return ClassicRule.parse(Json.read(protection.exchange()));
        } catch (GithubCallException e) {
            if (e.status() == 404 && e.detail().startsWith("Branch not protected")) {
                e.evidence().ifPresent(evidence::add);
                return null;
            }
            if (e.status() == 403 || e.status() == 404) {
                throw e.explained(IssueCause.ACCESS_DENIED, "reading a branch's protection needs the repository "
                        + "Administration permission (read) for a fine-grained token or GitHub App, or admin rights on "
                        + "the repository with a classic token's repo scope");
            }
            throw e;
        }
    }

    private static List<GHRepositoryRule> readRules(ActiveRepository repository, String branch,
            List<EvidenceId> evidence) {
        List<GHRepositoryRule> rules = new ArrayList<>();
        try {
            GithubCalls.pages(RULES, listRules(repository, branch), page -> {
                rules.addAll(page.items());
                evidence.add(page.evidence());
            });
        } catch (GithubCallException e) {
            if (e.status() == 404 && e.evidence().isPresent()) {
                // The branch was just read, so the repository is visible: 404 means this server has no rulesets
                // (GitHub Enterprise Server before 3.11), hence no ruleset protects the branch.
                evidence.add(e.evidence().get());
                return List.of();
            }
            throw e;
        }
        return rules;
    }

    private static org.kohsuke.github.PagedIterable<GHRepositoryRule> listRules(ActiveRepository repository,
            String branch) {
        try {
            return repository.handle().listRulesForBranch(branch);
        } catch (IOException e) {
            throw FailureClassifier.classify(RULES, e, null);
        }
    }

    private void collectVulnerabilityAlerts(ActiveRepository repository) {
        Answer<Boolean> answer = GithubCalls.call(VULNERABILITY_ALERTS,
                () -> repository.handle().isVulnerabilityAlertsEnabled());
        int status = answer.exchange().status();
        if (status == 204 || status == 404) {
            // GitHub's documented answers: 204 enabled, 404 not enabled.
            sink.accept(new GithubVulnerabilityAlerts(repository.ref(), status == 204, List.of(answer.evidence())));
            return;
        }
        // github-api reads only the status here and answers false for anything but 204: decide from the status.
        GithubCallException failure = FailureClassifier.byStatus(VULNERABILITY_ALERTS, answer.exchange(), null);
        if (status == 403) {
            throw failure.explained(IssueCause.ACCESS_DENIED, "reading whether Dependabot alerts are on needs the "
                    + "repository Administration permission (read), or admin rights with a classic token");
        }
        throw failure;
    }

    /** A repository that is not archived, the github-api handle to call it with, and its default branch. */
    private record ActiveRepository(GHRepository handle, ResourceRef ref, String defaultBranch) {}
}
