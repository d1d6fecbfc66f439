package dev.evidentry.spi.fact.gcp;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import java.util.List;

/**
 * A Google Workspace (or Cloud Identity) user from the Admin SDK Directory API's {@code users.list} (resource type
 * {@code workspace.user}, account the customer id, native id the user id). Its MFA is also a
 * {@link dev.evidentry.spi.fact.HumanIdentity} on the same resource.
 *
 * @param primaryEmail the sign-in address
 * @param admin {@code isAdmin}: a super administrator
 * @param delegatedAdmin {@code isDelegatedAdmin}
 * @param suspended {@code suspended}
 * @param archived {@code archived}
 * @param enrolledIn2Sv {@code isEnrolledIn2Sv}
 * @param enforcedIn2Sv {@code isEnforcedIn2Sv}
 */
public record WorkspaceUser(
        ResourceRef resource,
        String primaryEmail,
        boolean admin,
        boolean delegatedAdmin,
        boolean suspended,
        boolean archived,
        boolean enrolledIn2Sv,
        boolean enforcedIn2Sv,
        List<EvidenceId> evidence) implements Fact {

    public static final String KIND = "gcp.workspace.user";

    public WorkspaceUser {
        requireNonNull(resource, "resource is null");
        requireNonNull(primaryEmail, "primaryEmail is null");
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    @Override
    public String kind() {
        return KIND;
    }
}
