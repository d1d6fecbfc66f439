package dev.evidentry.github;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evidentry.github.GithubCalls.Answer;
import dev.evidentry.provider.support.FactKinds;
import dev.evidentry.provider.support.ProviderVersion;
import dev.evidentry.spi.CollectContext;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.Provider;
import dev.evidentry.spi.ProviderDescriptor;
import dev.evidentry.spi.fact.github.GithubOrganization;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.kohsuke.github.GHOrganization;
import org.kohsuke.github.GitHub;

/**
 * GitHub (github.com or GitHub Enterprise Server): organisation settings, members and outside collaborators with their
 * two-factor state, and every repository's visibility, default branch protection, secret scanning, push protection,
 * Dependabot security updates and Dependabot alerts, with {@code org.kohsuke:github-api}.
 *
 * <p>Order of work, organisation after organisation: {@code GET /orgs/{org}} (a rejected credential stops the whole
 * scan with one issue; any other failure skips that organisation with one); then the member, collaborator and
 * repository lists concurrently; then two calls per repository that is not archived, concurrently.
 */
public final class GithubProvider implements Provider {

    static final String ID = "github";
    static final String DISPLAY_NAME = "GitHub";
    static final String ORGANIZATION = "GET /orgs/{org}";

    static final Set<String> FACT_KINDS = FactKinds.union(Set.of(GithubOrganization.KIND), PeopleCollector.KINDS,
            RepositoryCollector.KINDS);

    private static final String VERSION = ProviderVersion.of(GithubProvider.class);

    private final Sleeper sleeper;
    private final Function<String, String> environment;

    public GithubProvider() {
        this(Sleeper.REAL, System::getenv);
    }

    /** For tests: a sleeper that records rate-limit and retry waits instead of sleeping, and a fake environment. */
    GithubProvider(Sleeper sleeper, Function<String, String> environment) {
        this.sleeper = requireNonNull(sleeper, "sleeper is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public ProviderDescriptor descriptor() {
        return new ProviderDescriptor(ID, DISPLAY_NAME, VERSION, FACT_KINDS, GithubOptions.DESCRIPTIONS,
                Set.of(GithubOptions.TOKEN));
    }

    @Override
    public void collect(CollectContext context, FactSink sink) {
        GithubOptions options;
        try {
            options = GithubOptions.parse(context::option, environment);
        } catch (GithubOptions.InvalidOptionException e) {
            sink.issue(providerIssue("github:options", IssueCause.CONFIGURATION, e.getMessage()));
            return;
        } catch (GithubOptions.MissingCredentialsException e) {
            sink.issue(providerIssue("github:credentials", IssueCause.INVALID_CREDENTIALS, e.getMessage()));
            return;
        }
        RateLimitPolicy policy = new RateLimitPolicy(context.clock(), sleeper, options.maxRateLimitWait());
        GitHub github;
        try {
            github = GithubClient.build(options, context, sleeper, policy);
        } catch (AppJwt.InvalidKeyException e) {
            sink.issue(providerIssue("github:credentials", IssueCause.INVALID_CREDENTIALS, e.getMessage()
                    + "; set the option " + GithubOptions.PRIVATE_KEY_FILE + " to the App's .pem file"));
            return;
        }
        for (String login : options.organizations()) {
            if (!collectOrganization(github, new OrgScope(login), context, sink, options)) {
                return; // the credentials were rejected: every other organisation would fail the same way
            }
        }
    }

    /** @return false when GitHub rejected the credentials */
    private static boolean collectOrganization(GitHub github, OrgScope scope, CollectContext context, FactSink sink,
            GithubOptions options) {
        Answer<GHOrganization> organization;
        try {
            organization = GithubCalls.call(ORGANIZATION, () -> github.getOrganization(scope.login()));
        } catch (GithubCallException e) {
            if (e.issueCause() == IssueCause.INVALID_CREDENTIALS) {
                sink.issue(providerIssue(e.operation(), IssueCause.INVALID_CREDENTIALS, "GitHub at " + options.apiUrl()
                        + " rejected the credentials: " + e.message() + "; " + GithubOptions.WHAT_TO_SET
                        + ", and check that the token has not expired or been revoked"));
                return false;
            }
            String meaning = e.status() == 404 ? "GitHub answers 404 for an organisation that does not exist and for"
                    + " one the credentials cannot see: check the option organizations and the token's access"
                    : "nothing else was collected for organisation " + scope.login();
            scope.report(sink, null, FACT_KINDS, e.explained(e.issueCause(), meaning));
            return true;
        }
        Boolean twoFactorRequired = collectSettings(organization, scope, sink);
        PeopleCollector people = new PeopleCollector(organization.value(), scope, sink, twoFactorRequired,
                organization.evidence());
        RepositoryCollector repositories = new RepositoryCollector(organization.value(), scope, sink);
        List<Task> lists = new ArrayList<>(people.tasks());
        lists.add(repositories.listTask());
        Task.runAll(context, scope, sink, lists);
        people.emit();
        Task.runAll(context, scope, sink, repositories.followUpTasks());
        return true;
    }

    /**
     * The organisation's settings, read from the answer's JSON: github-api models none of them. GitHub includes them
     * only for an organisation owner.
     *
     * @return {@code two_factor_requirement_enabled}, or {@code null} when GitHub did not show it
     */
    private static Boolean collectSettings(Answer<GHOrganization> organization, OrgScope scope, FactSink sink) {
        JsonNode json;
        try {
            json = Json.read(organization.exchange());
        } catch (GithubCallException e) {
            scope.report(sink, scope.organizationRef(), Set.of(GithubOrganization.KIND), e);
            return null;
        }
        JsonNode twoFactor = json.path("two_factor_requirement_enabled");
        JsonNode permission = json.path("default_repository_permission");
        if (!twoFactor.isBoolean() || !permission.isTextual()) {
            sink.issue(CollectionIssue.forResource(scope.organizationRef(), ORGANIZATION, Set.of(GithubOrganization.KIND),
                    IssueCause.ACCESS_DENIED, "GitHub did not show the settings of " + scope.login()
                            + " (two_factor_requirement_enabled, default_repository_permission): it shows them only to"
                            + " an organisation owner (classic token: admin:org scope; fine-grained token or GitHub"
                            + " App: organisation Administration read) (evidence " + organization.evidence() + ")"));
            return null;
        }
        sink.accept(new GithubOrganization(scope.organizationRef(), json.path("login").asText(scope.login()),
                twoFactor.asBoolean(), permission.asText(), optionalBoolean(json, "members_can_create_public_repositories"),
                optionalBoolean(json, "web_commit_signoff_required"), List.of(organization.evidence())));
        return twoFactor.asBoolean();
    }

    private static Boolean optionalBoolean(JsonNode json, String field) {
        return json.path(field).isBoolean() ? json.path(field).asBoolean() : null;
    }

    private static CollectionIssue providerIssue(String operation, IssueCause cause, String message) {
        return new CollectionIssue(ID, "", "", null, operation, FACT_KINDS, cause, message);
    }
}
