package dev.evidentry.github;

import static java.util.Objects.requireNonNull;

import dev.evidentry.github.GithubCalls.Page;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.HumanIdentity;
import dev.evidentry.spi.fact.MfaMethod;
import dev.evidentry.spi.fact.MfaState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.kohsuke.github.GHOrganization;
import org.kohsuke.github.GHUser;
import org.kohsuke.github.PagedIterable;

/**
 * An organisation's members and outside collaborators as {@link HumanIdentity} facts. GitHub does not say which second
 * factor a person uses, only (to an organisation owner) who has none: {@code filter=2fa_disabled}.
 *
 * <ul>
 * <li>The organisation requires two-factor authentication: everyone is {@code ENFORCED} (GitHub removes whoever
 *     disables it), and the filter is not asked for.</li>
 * <li>Otherwise: on the filter's list, {@code NONE}; not on it, {@code ENROLLED}.</li>
 * <li>The filter was refused (only owners may use it) or failed: {@code UNKNOWN}, with an issue naming the missing
 *     owner permission, so the MFA check reports ERROR, never PASS.</li>
 * </ul>
 */
final class PeopleCollector {

    static final Set<String> KINDS = Set.of(HumanIdentity.KIND);
    static final String NO_2FA_FILTER = "2fa_disabled";

    private final GHOrganization organization;
    private final OrgScope scope;
    private final FactSink sink;
    /** {@code two_factor_requirement_enabled}, or {@code null} when GitHub did not show it. */
    private final Boolean twoFactorRequired;
    private final EvidenceId organizationEvidence;

    private final Map<Group, Listing> everyone = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Group, Listing> withoutTwoFactor = new java.util.concurrent.ConcurrentHashMap<>();

    PeopleCollector(GHOrganization organization, OrgScope scope, FactSink sink, Boolean twoFactorRequired,
            EvidenceId organizationEvidence) {
        this.organization = requireNonNull(organization, "organization is null");
        this.scope = requireNonNull(scope, "scope is null");
        this.sink = requireNonNull(sink, "sink is null");
        this.twoFactorRequired = twoFactorRequired;
        this.organizationEvidence = requireNonNull(organizationEvidence, "organizationEvidence is null");
    }

    /** The list calls: everyone in each group, and (unless 2FA is required) who in it has no second factor. */
    List<Task> tasks() {
        List<Task> tasks = new ArrayList<>();
        for (Group group : Group.values()) {
            tasks.add(new Task(group.operation, null, KINDS, () -> everyone.put(group, list(group, false))));
            if (!Boolean.TRUE.equals(twoFactorRequired)) {
                tasks.add(new Task(group.operation + "?filter=" + NO_2FA_FILTER, null, KINDS,
                        () -> withoutTwoFactor.put(group, list(group, true))));
            }
        }
        return tasks;
    }

    /** Emits one identity per person listed; call after every task has finished. */
    void emit() {
        for (Group group : Group.values()) {
            Listing all = everyone.get(group);
            if (all == null) {
                continue; // the list failed and was reported
            }
            Listing none = withoutTwoFactor.get(group);
            for (Map.Entry<String, EvidenceId> person : all.pageOf().entrySet()) {
                String login = person.getKey();
                Set<EvidenceId> evidence = new LinkedHashSet<>();
                evidence.add(person.getValue());
                MfaState state;
                MfaMethod method;
                if (Boolean.TRUE.equals(twoFactorRequired)) {
                    state = MfaState.ENFORCED;
                    method = MfaMethod.UNSPECIFIED;
                    evidence.add(organizationEvidence);
                } else if (none != null) {
                    boolean without = none.pageOf().keySet().stream().anyMatch(login::equalsIgnoreCase);
                    state = without ? MfaState.NONE : MfaState.ENROLLED;
                    method = without ? MfaMethod.NONE : MfaMethod.UNSPECIFIED;
                    evidence.addAll(none.pages());
                } else {
                    state = MfaState.UNKNOWN; // the filter was refused or failed, and that was reported
                    method = MfaMethod.NONE;
                }
                ResourceRef ref = group.ref.apply(new Person(scope, login));
                sink.accept(new HumanIdentity(ref, login, true, true, state, method, List.copyOf(evidence)));
            }
        }
    }

    private Listing list(Group group, boolean withoutTwoFactorOnly) {
        String operation = group.operation + (withoutTwoFactorOnly ? "?filter=" + NO_2FA_FILTER : "");
        Map<String, EvidenceId> pageOf = new LinkedHashMap<>();
        List<EvidenceId> pages = new ArrayList<>();
        try {
            PagedIterable<GHUser> list;
            try {
                list = group.list(organization, withoutTwoFactorOnly);
            } catch (IOException e) {
                throw FailureClassifier.classify(operation, e, null);
            }
            GithubCalls.pages(operation, list, (Page<GHUser> page) -> {
                if (page.redirected()) {
                    throw new GithubCallException(operation, IssueCause.ACCESS_DENIED, "GitHub redirected the list to "
                            + "the organisation's public members: the token's user is not a member of " + scope.login()
                            + ", so concealed members cannot be listed", page.all().get(0).status(),
                            page.all().get(0).evidence(), null);
                }
                pages.add(page.evidence());
                for (GHUser user : page.items()) {
                    pageOf.putIfAbsent(user.getLogin(), page.evidence());
                }
            });
        } catch (GithubCallException e) {
            if (!withoutTwoFactorOnly) {
                throw e;
            }
            String who = group.plural;
            String consequence = "the MFA of every " + group.singular + " is reported UNKNOWN, so the MFA check gives"
                    + " ERROR for them, never PASS";
            if (e.status() == 403 || e.status() == 404 || e.status() == 422 || e.issueCause() == IssueCause.ACCESS_DENIED) {
                throw e.explained(IssueCause.ACCESS_DENIED, "GitHub lets only organisation owners list " + who
                        + " without two-factor authentication (filter=" + NO_2FA_FILTER + "): scan with a token of an"
                        + " owner of " + scope.login() + " (classic token: read:org; fine-grained or GitHub App: "
                        + "organisation Members read), or turn on the organisation's two-factor requirement; "
                        + consequence);
            }
            throw e.explained(e.issueCause(), consequence);
        }
        return new Listing(pageOf, pages);
    }

    /** Everyone listed, with the page that listed them, and every page read. */
    private record Listing(Map<String, EvidenceId> pageOf, List<EvidenceId> pages) {}

    private record Person(OrgScope scope, String login) {}

    /** Members, and outside collaborators (people with access to some repositories who are not members). */
    private enum Group {
        MEMBERS("GET /orgs/{org}/members", "members", "member", person -> person.scope().memberRef(person.login())) {
            @Override
            PagedIterable<GHUser> list(GHOrganization organization, boolean withoutTwoFactor) throws IOException {
                return withoutTwoFactor ? organization.listMembersWithFilter(NO_2FA_FILTER) : organization.listMembers();
            }
        },
        OUTSIDE_COLLABORATORS("GET /orgs/{org}/outside_collaborators", "outside collaborators", "outside collaborator",
                person -> person.scope().outsideCollaboratorRef(person.login())) {
            @Override
            PagedIterable<GHUser> list(GHOrganization organization, boolean withoutTwoFactor) throws IOException {
                return withoutTwoFactor ? organization.listOutsideCollaboratorsWithFilter(NO_2FA_FILTER)
                        : organization.listOutsideCollaborators();
            }
        };

        final String operation;
        final String plural;
        final String singular;
        final Function<Person, ResourceRef> ref;

        Group(String operation, String plural, String singular, Function<Person, ResourceRef> ref) {
            this.operation = operation;
            this.plural = plural;
            this.singular = singular;
            this.ref = ref;
        }

        abstract PagedIterable<GHUser> list(GHOrganization organization, boolean withoutTwoFactor) throws IOException;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
