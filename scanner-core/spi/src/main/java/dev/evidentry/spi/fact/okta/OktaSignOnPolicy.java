package dev.evidentry.spi.fact.okta;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import java.util.List;

/**
 * A global session policy (Okta's {@code OKTA_SIGN_ON} type; the "Okta sign-on policy" of Classic Engine orgs) with
 * its rules, in priority order (resource type {@code okta.policy}, native id the policy id). Its rules decide whether
 * a second factor is needed to establish an Okta session and how long the session lasts.
 *
 * @param name the policy's name
 * @param status {@code ACTIVE} or {@code INACTIVE}
 * @param priority 1 is evaluated first
 * @param system whether it is Okta's default policy (which applies to everyone and cannot be deleted)
 * @param people the groups it applies to (policy-level {@code conditions.people})
 * @param rules its rules, by priority
 */
public record OktaSignOnPolicy(ResourceRef resource, String name, String status, int priority, boolean system,
        OktaPeople people, List<Rule> rules, List<EvidenceId> evidence) implements Fact {

    public static final String KIND = "okta.sign-on-policy";

    public OktaSignOnPolicy {
        requireNonNull(resource, "resource is null");
        requireNonNull(name, "name is null");
        requireNonNull(status, "status is null");
        requireNonNull(people, "people is null");
        rules = List.copyOf(requireNonNull(rules, "rules is null"));
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    public boolean active() {
        return status.equals("ACTIVE");
    }

    /** The active rules that let people in (access {@code ALLOW}), by priority. */
    public List<Rule> activeAllowRules() {
        return rules.stream().filter(Rule::active).filter(Rule::allows).toList();
    }

    @Override
    public String kind() {
        return KIND;
    }

    /**
     * One rule of a global session policy.
     *
     * @param id the rule id
     * @param name the rule's name
     * @param status {@code ACTIVE} or {@code INACTIVE}
     * @param priority 1 is evaluated first
     * @param system whether it is the policy's catch-all default rule
     * @param people whom the rule applies to (its {@code conditions.people}); its exceptions are the exclusions
     * @param networkConnection {@code ANYWHERE}, {@code ZONE}, {@code ON_NETWORK}, {@code OFF_NETWORK}, or empty
     * @param access {@code ALLOW} or {@code DENY}
     * @param requireFactor whether a second factor is required to establish the session
     * @param factorPromptMode {@code ALWAYS}, {@code DEVICE} or {@code SESSION}, or empty
     * @param primaryFactor {@code PASSWORD_IDP} (password or an identity provider first) or
     *     {@code PASSWORD_IDP_ANY_FACTOR} (any factor the authentication policy allows), or empty (Classic Engine)
     * @param maxSessionIdleMinutes idle time after which the session ends; 0 when Okta gives none
     * @param maxSessionLifetimeMinutes the session's longest life; 0 means no limit
     * @param usePersistentCookie whether the session survives closing the browser
     */
    public record Rule(String id, String name, String status, int priority, boolean system, OktaPeople people,
            String networkConnection, String access, boolean requireFactor, String factorPromptMode,
            String primaryFactor, int maxSessionIdleMinutes, int maxSessionLifetimeMinutes,
            boolean usePersistentCookie) {

        public Rule {
            requireNonNull(id, "id is null");
            requireNonNull(name, "name is null");
            requireNonNull(status, "status is null");
            requireNonNull(people, "people is null");
            requireNonNull(networkConnection, "networkConnection is null");
            requireNonNull(access, "access is null");
            requireNonNull(factorPromptMode, "factorPromptMode is null");
            requireNonNull(primaryFactor, "primaryFactor is null");
        }

        public boolean active() {
            return status.equals("ACTIVE");
        }

        public boolean allows() {
            return access.equals("ALLOW");
        }
    }
}
