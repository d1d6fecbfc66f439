package dev.evidentry.gcp;

import static java.util.Objects.requireNonNull;

import com.google.api.services.directory.Directory;
import com.google.api.services.directory.model.User;
import com.google.api.services.directory.model.Users;
import dev.evidentry.gcp.GcpCalls.Evidenced;
import dev.evidentry.provider.support.CallException;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.HumanIdentity;
import dev.evidentry.spi.fact.MfaMethod;
import dev.evidentry.spi.fact.MfaState;
import dev.evidentry.spi.fact.gcp.WorkspaceUser;
import java.util.List;
import java.util.Set;

/**
 * Google Workspace users and their 2-Step Verification, from the Admin SDK Directory API's {@code users.list} (all
 * pages). 2SV is {@code ENFORCED} when {@code isEnforcedIn2Sv}, else {@code ENROLLED} when {@code isEnrolledIn2Sv},
 * else {@code NONE}; the Directory API does not say which second factor, so an enrolled user's method is
 * {@code UNSPECIFIED}.
 */
final class WorkspaceCollector {

    static final Set<String> KINDS = Set.of(HumanIdentity.KIND, WorkspaceUser.KIND);
    static final int PAGE_SIZE = 500;

    private final Directory directory;
    private final FactSink sink;
    private final Work work;

    WorkspaceCollector(GcpClients clients, FactSink sink, Work work) {
        this.directory = requireNonNull(clients.directory(), "the Directory client is null");
        this.sink = requireNonNull(sink, "sink is null");
        this.work = requireNonNull(work, "work is null");
    }

    /** Lists the users of a customer ({@code customer} non-empty) or a domain. */
    void start(String customer, String domain) {
        String account = customer.isEmpty() ? domain : customer;
        work.add(Task.onAccount("directory.users.list", account, KINDS, () -> list(customer, domain, account)));
    }

    private void list(String customer, String domain, String account) {
        GcpCalls.<Users>pages("directory.users.list",
                token -> {
                    Directory.Users.List request = directory.users().list().setMaxResults(PAGE_SIZE)
                            .setPageToken(token).setOrderBy("email");
                    return customer.isEmpty() ? request.setDomain(domain) : request.setCustomer(customer);
                },
                Users::getNextPageToken,
                page -> {
                    if (page.value().getUsers() != null) {
                        page.value().getUsers().forEach(user -> user(account, user, page));
                    }
                });
    }

    private void user(String account, User user, Evidenced<Users> page) {
        if (user.getId() == null || user.getPrimaryEmail() == null) {
            throw CallException.malformed("directory.users.list", "a user without id or primaryEmail",
                    page.evidence());
        }
        if (user.getIsEnrolledIn2Sv() == null || user.getIsEnforcedIn2Sv() == null) {
            throw CallException.malformed("directory.users.list", "user " + user.getPrimaryEmail()
                    + " has no isEnrolledIn2Sv or isEnforcedIn2Sv: their 2-Step Verification cannot be told",
                    page.evidence());
        }
        String customer = user.getCustomerId() == null || user.getCustomerId().isBlank() ? account
                : user.getCustomerId();
        ResourceRef ref = Resources.workspaceUser(customer, user.getId(), user.getPrimaryEmail());
        boolean suspended = Boolean.TRUE.equals(user.getSuspended());
        boolean archived = Boolean.TRUE.equals(user.getArchived());
        boolean enrolled = user.getIsEnrolledIn2Sv();
        boolean enforced = user.getIsEnforcedIn2Sv();
        List<EvidenceId> evidence = List.of(page.evidence());
        sink.accept(new WorkspaceUser(ref, user.getPrimaryEmail(), Boolean.TRUE.equals(user.getIsAdmin()),
                Boolean.TRUE.equals(user.getIsDelegatedAdmin()), suspended, archived, enrolled, enforced, evidence));
        MfaState state = enforced ? MfaState.ENFORCED : enrolled ? MfaState.ENROLLED : MfaState.NONE;
        sink.accept(new HumanIdentity(ref, user.getPrimaryEmail(), !suspended && !archived, true, state,
                enrolled ? MfaMethod.UNSPECIFIED : MfaMethod.NONE, evidence));
    }
}
