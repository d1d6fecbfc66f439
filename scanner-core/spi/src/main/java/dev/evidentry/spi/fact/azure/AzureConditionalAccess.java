package dev.evidentry.spi.fact.azure;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import java.util.List;
import java.util.Set;

/**
 * A tenant's Conditional Access policies that require multi-factor authentication (resource type
 * {@code azure.entra.tenant}), from Graph's {@code /identity/conditionalAccess/policies}. Policies that do not
 * require MFA are left out; an empty list means none does.
 */
public record AzureConditionalAccess(ResourceRef resource, List<MfaPolicy> mfaPolicies, List<EvidenceId> evidence)
        implements Fact {

    public static final String KIND = "azure.entra.conditional-access";

    public AzureConditionalAccess {
        requireNonNull(resource, "resource is null");
        mfaPolicies = List.copyOf(requireNonNull(mfaPolicies, "mfaPolicies is null"));
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    /**
     * One policy whose grant controls require MFA (the {@code mfa} built-in control or an authentication strength).
     *
     * @param id the policy id
     * @param name its display name
     * @param state {@code enabled}, {@code disabled} or {@code enabledForReportingButNotEnforced}
     * @param allUsers whether it includes {@code All} users
     * @param includedRoles the directory role template ids it includes
     * @param allApplications whether it includes {@code All} cloud apps
     * @param excludedUsers user ids it excludes ({@code GuestsOrExternalUsers} included as a name)
     * @param excludedGroups group ids it excludes
     * @param excludedRoles role template ids it excludes
     */
    public record MfaPolicy(
            String id,
            String name,
            String state,
            boolean allUsers,
            Set<String> includedRoles,
            boolean allApplications,
            Set<String> excludedUsers,
            Set<String> excludedGroups,
            Set<String> excludedRoles) {

        public MfaPolicy {
            requireNonNull(id, "id is null");
            requireNonNull(name, "name is null");
            requireNonNull(state, "state is null");
            includedRoles = Set.copyOf(requireNonNull(includedRoles, "includedRoles is null"));
            excludedUsers = Set.copyOf(requireNonNull(excludedUsers, "excludedUsers is null"));
            excludedGroups = Set.copyOf(requireNonNull(excludedGroups, "excludedGroups is null"));
            excludedRoles = Set.copyOf(requireNonNull(excludedRoles, "excludedRoles is null"));
        }

        /** Enforced, not only reported on. */
        public boolean enforced() {
            return state.equals("enabled");
        }

        /** Whether it excludes anyone at all. */
        public boolean hasExclusions() {
            return !excludedUsers.isEmpty() || !excludedGroups.isEmpty() || !excludedRoles.isEmpty();
        }
    }

    @Override
    public String kind() {
        return KIND;
    }
}
