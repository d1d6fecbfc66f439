package dev.evidentry.okta;

import static java.util.Objects.requireNonNull;

import com.okta.sdk.resource.api.RoleAssignmentAUserApi;
import com.okta.sdk.resource.api.UserApi;
import com.okta.sdk.resource.api.UserFactorApi;
import com.okta.sdk.resource.model.ListGroupAssignedRoles200ResponseInner;
import com.okta.sdk.resource.model.User;
import com.okta.sdk.resource.model.UserFactor;
import com.okta.sdk.resource.model.UserStatus;
import dev.evidentry.okta.OktaCalls.Evidenced;
import dev.evidentry.provider.support.CallException;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.HumanIdentity;
import dev.evidentry.spi.fact.MfaMethod;
import dev.evidentry.spi.fact.MfaState;
import dev.evidentry.spi.fact.okta.OktaAdmin;
import dev.evidentry.spi.fact.okta.OktaFactor;
import dev.evidentry.spi.fact.okta.OktaUser;
import dev.evidentry.spi.fact.okta.OktaUserFactors;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Users: every user but deprovisioned ones ({@code listUsers}, all pages), then for each user who can sign in, their
 * factors ({@code listFactors}) and admin roles ({@code listAssignedRolesForUser}, which includes roles held through a
 * group: the IAM listing of users with role assignments would be one call fewer per admin, but Okta does not say
 * whether it names group-assigned admins, and an admin it missed would be judged by no check).
 *
 * <p>Users who cannot sign in (suspended, staged, provisioned but never activated) are not asked about: their
 * identity is reported inactive with MFA {@code UNKNOWN}, which the MFA checks do not judge.
 */
final class UserCollector {

    static final Set<String> KINDS = Set.of(OktaUser.KIND, OktaUserFactors.KIND, OktaAdmin.KIND, HumanIdentity.KIND);
    static final Set<String> FACTOR_KINDS = Set.of(OktaUserFactors.KIND, HumanIdentity.KIND);

    private final UserApi users;
    private final UserFactorApi factors;
    private final RoleAssignmentAUserApi roles;
    private final OktaCalls calls;
    private final Org org;
    private final FactSink sink;
    private final int pageSize;

    /** The first refusal of the roles listing: then nobody else is asked, and one org-level issue says why. */
    private final AtomicReference<CallException> rolesRefused = new AtomicReference<>();

    UserCollector(UserApi users, UserFactorApi factors, RoleAssignmentAUserApi roles, OktaCalls calls, Org org,
            FactSink sink, int pageSize) {
        this.users = requireNonNull(users, "users is null");
        this.factors = requireNonNull(factors, "factors is null");
        this.roles = requireNonNull(roles, "roles is null");
        this.calls = requireNonNull(calls, "calls is null");
        this.org = requireNonNull(org, "org is null");
        this.sink = requireNonNull(sink, "sink is null");
        this.pageSize = pageSize;
    }

    /**
     * Lists every user, page by page, emitting each {@link OktaUser} as its page arrives.
     *
     * @param listed receives the users read, also when a later page fails
     * @throws CallException when a page cannot be read
     */
    void listUsers(List<ListedUser> listed) {
        Set<String> seen = new HashSet<>();
        calls.pages(OktaOperation.LIST_USERS,
                after -> users.listUsers(null, null, after, pageSize, null, null, null, null),
                page -> {
                    for (User user : page.value()) {
                        ListedUser read = read(user, page.evidence());
                        if (read != null && seen.add(read.id())) {
                            listed.add(read);
                            sink.accept(new OktaUser(read.ref(), read.login(), read.status(), read.created(),
                                    instant(user.getLastLogin()), instant(user.getStatusChanged()),
                                    List.of(page.evidence())));
                        }
                    }
                });
    }

    /** A listed user, or {@code null} (with an issue) when Okta's answer lacks what every check needs. */
    private ListedUser read(User user, EvidenceId page) {
        if (user == null || user.getId() == null || user.getId().isBlank()) {
            throw OktaOperation.LIST_USERS.malformed("a user in the listing has no id", page);
        }
        String login = user.getProfile() == null || user.getProfile().getLogin() == null ? ""
                : user.getProfile().getLogin();
        ResourceRef ref = org.userRef(user.getId(), login.isEmpty() ? user.getId() : login);
        List<String> missing = new ArrayList<>();
        if (login.isEmpty()) {
            missing.add("profile.login");
        }
        if (user.getStatus() == null || user.getStatus() == UserStatus.UNKNOWN_DEFAULT_OPEN_API) {
            missing.add("a known status");
        }
        if (user.getCreated() == null) {
            missing.add("created");
        }
        if (!missing.isEmpty()) {
            sink.issue(CollectionIssue.forResource(ref, OktaOperation.LIST_USERS.issueName(), KINDS,
                    IssueCause.MALFORMED_RESPONSE, "user " + user.getId() + " has no " + String.join(", ", missing)
                            + " (evidence " + page + ")"));
            return null;
        }
        return new ListedUser(user.getId(), ref, login, user.getStatus().getValue(), instant(user.getCreated()),
                page);
    }

    /** The per-user calls: one task for each user who can sign in; the others' identities are emitted now. */
    List<Task> userTasks(List<ListedUser> listed) {
        List<Task> tasks = new ArrayList<>();
        for (ListedUser user : listed) {
            if (OktaUser.USABLE_STATUSES.contains(user.status())) {
                tasks.add(new Task(OktaOperation.LIST_FACTORS, user.login(), user.ref(),
                        Set.of(OktaUserFactors.KIND, HumanIdentity.KIND, OktaAdmin.KIND), () -> collect(user)));
            } else {
                sink.accept(new HumanIdentity(user.ref(), user.login(), false, true, MfaState.UNKNOWN, MfaMethod.NONE,
                        List.of(user.page())));
            }
        }
        return tasks;
    }

    /** After every user task: the one org-level issue for a roles listing Okta refused. */
    void finish() {
        CallException refused = rolesRefused.get();
        if (refused != null) {
            org.report(sink, null, Set.of(OktaAdmin.KIND), refused.explained("nobody's admin roles were read, so "
                    + "admins cannot be told apart"));
        }
    }

    private void collect(ListedUser user) {
        List<OktaFactor> enrolled = null;
        EvidenceId factorEvidence = null;
        CallException factorFailure = null;
        try {
            Evidenced<List<UserFactor>> answer = calls.call(OktaOperation.LIST_FACTORS,
                    () -> factors.listFactors(user.id()));
            enrolled = Objects.requireNonNullElse(answer.value(), List.<UserFactor>of()).stream()
                    .filter(Objects::nonNull).map(Factors::of).toList();
            factorEvidence = answer.evidence();
        } catch (CallException e) {
            factorFailure = e;
        }

        List<OktaAdmin.Role> assigned = null;
        EvidenceId roleEvidence = null;
        CallException roleFailure = null;
        if (rolesRefused.get() == null) {
            try {
                Evidenced<List<ListGroupAssignedRoles200ResponseInner>> answer = calls.call(
                        OktaOperation.LIST_ASSIGNED_ROLES_FOR_USER, () -> roles.listAssignedRolesForUser(user.id(),
                                null));
                assigned = Objects.requireNonNullElse(answer.value(), List.<ListGroupAssignedRoles200ResponseInner>of())
                        .stream().filter(Objects::nonNull).map(UserCollector::role).toList();
                roleEvidence = answer.evidence();
            } catch (CallException e) {
                if (e.issueCause() == IssueCause.ACCESS_DENIED || e.issueCause() == IssueCause.INVALID_CREDENTIALS) {
                    rolesRefused.compareAndSet(null, e);
                } else {
                    roleFailure = e;
                }
            }
        }

        boolean admin = assigned != null && !assigned.isEmpty();
        if (factorFailure == null) {
            List<EvidenceId> evidence = List.of(user.page(), factorEvidence);
            sink.accept(new OktaUserFactors(user.ref(), user.login(), enrolled, evidence));
            MfaMethod strongest = OktaUserFactors.strongestActive(enrolled);
            // ENROLLED, never ENFORCED: whether a policy requires MFA of this user is for the policy checks to judge.
            sink.accept(new HumanIdentity(user.ref(), user.login(), true, true,
                    strongest == MfaMethod.NONE ? MfaState.NONE : MfaState.ENROLLED, strongest, evidence));
            if (admin) {
                sink.accept(new OktaAdmin(user.ref(), user.login(), user.status(), assigned, enrolled,
                        List.of(user.page(), factorEvidence, roleEvidence)));
            }
        } else {
            Set<String> lost = new HashSet<>(FACTOR_KINDS);
            if (admin) {
                lost.add(OktaAdmin.KIND);
            }
            org.report(sink, user.ref(), lost, factorFailure);
        }
        if (roleFailure != null) {
            org.report(sink, user.ref(), Set.of(OktaAdmin.KIND), roleFailure);
        }
    }

    private static OktaAdmin.Role role(ListGroupAssignedRoles200ResponseInner role) {
        String type = SdkValues.value(role.getType());
        String label = role.getLabel() == null ? type : role.getLabel();
        String assignment = SdkValues.value(role.getAssignmentType());
        return new OktaAdmin.Role(type.isEmpty() ? "UNKNOWN" : type, label, assignment);
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /** A user read from the listing. */
    record ListedUser(String id, ResourceRef ref, String login, String status, Instant created, EvidenceId page) {}
}
