package dev.evidentry.spi.fact.okta;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.MfaMethod;
import java.util.List;

/**
 * A user who holds at least one administrator role, directly or through a group (resource: the {@code okta.user}),
 * with the factors the user has enrolled: what an admin signs in with. Produced only when the roles and the factors
 * were both read; users without a role have no such fact.
 *
 * @param login the user's login
 * @param status the user's Okta status
 * @param roles the role assignments
 * @param factors every enrolled factor, whatever its status
 */
public record OktaAdmin(ResourceRef resource, String login, String status, List<Role> roles, List<OktaFactor> factors,
        List<EvidenceId> evidence) implements Fact {

    public static final String KIND = "okta.admin";

    public OktaAdmin {
        requireNonNull(resource, "resource is null");
        requireNonNull(login, "login is null");
        requireNonNull(status, "status is null");
        roles = List.copyOf(requireNonNull(roles, "roles is null"));
        factors = List.copyOf(requireNonNull(factors, "factors is null"));
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    /** Whether the account can sign in (see {@link OktaUser#USABLE_STATUSES}). */
    public boolean usable() {
        return OktaUser.USABLE_STATUSES.contains(status);
    }

    /** The strongest active second factor, or {@link MfaMethod#NONE}. */
    public MfaMethod strongestActiveMethod() {
        return OktaUserFactors.strongestActive(factors);
    }

    @Override
    public String kind() {
        return KIND;
    }

    /**
     * One role assignment.
     *
     * @param type {@code SUPER_ADMIN}, {@code ORG_ADMIN}, {@code READ_ONLY_ADMIN}, {@code CUSTOM}...
     * @param label the role's name as the Admin Console shows it
     * @param assignmentType {@code USER} (assigned to the user) or {@code GROUP} (through a group), or empty
     */
    public record Role(String type, String label, String assignmentType) {
        public Role {
            requireNonNull(type, "type is null");
            requireNonNull(label, "label is null");
            requireNonNull(assignmentType, "assignmentType is null");
        }
    }
}
