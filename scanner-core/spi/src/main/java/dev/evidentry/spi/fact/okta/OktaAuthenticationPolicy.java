package dev.evidentry.spi.fact.okta;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import java.util.List;

/**
 * An authentication policy (Okta Identity Engine's {@code ACCESS_POLICY} type, also called an app sign-in policy) with
 * its rules, in priority order (resource type {@code okta.policy}, native id the policy id). Its rules decide which
 * factors a person needs to reach the apps the policy is assigned to.
 *
 * @param name the policy's name
 * @param status {@code ACTIVE} or {@code INACTIVE}
 * @param priority the policy's priority
 * @param system whether Okta created it (such as the default policy or the Okta Admin Console's)
 * @param rules its rules, by priority
 */
public record OktaAuthenticationPolicy(ResourceRef resource, String name, String status, int priority, boolean system,
        List<Rule> rules, List<EvidenceId> evidence) implements Fact {

    public static final String KIND = "okta.authentication-policy";

    public OktaAuthenticationPolicy {
        requireNonNull(resource, "resource is null");
        requireNonNull(name, "name is null");
        requireNonNull(status, "status is null");
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
     * One rule of an authentication policy.
     *
     * @param id the rule id
     * @param name the rule's name
     * @param status {@code ACTIVE} or {@code INACTIVE}
     * @param priority its priority; the catch-all rule comes last
     * @param system whether it is the policy's catch-all rule
     * @param people whom the rule applies to (its {@code conditions.people}); its exceptions are the exclusions
     * @param networkConnection {@code ANYWHERE}, {@code ZONE}... or empty when the rule has no network condition
     * @param access {@code ALLOW} or {@code DENY}
     * @param verificationType {@code ASSURANCE} or {@code AUTH_METHOD_CHAIN}, or empty
     * @param factorMode {@code 1FA} (any one factor, a password included) or {@code 2FA}, or empty
     * @param possessionRequired whether every alternative of its constraints requires a possession factor
     * @param phishingResistantRequired whether every alternative requires a phishing-resistant possession factor
     * @param reauthenticateIn how often people must authenticate again (ISO-8601), or empty
     */
    public record Rule(String id, String name, String status, int priority, boolean system, OktaPeople people,
            String networkConnection, String access, String verificationType, String factorMode,
            boolean possessionRequired, boolean phishingResistantRequired, String reauthenticateIn) {

        public Rule {
            requireNonNull(id, "id is null");
            requireNonNull(name, "name is null");
            requireNonNull(status, "status is null");
            requireNonNull(people, "people is null");
            requireNonNull(networkConnection, "networkConnection is null");
            requireNonNull(access, "access is null");
            requireNonNull(verificationType, "verificationType is null");
            requireNonNull(factorMode, "factorMode is null");
            requireNonNull(reauthenticateIn, "reauthenticateIn is null");
        }

        public boolean active() {
            return status.equals("ACTIVE");
        }

        public boolean allows() {
            return access.equals("ALLOW");
        }

        /**
         * Whether the rule demonstrably needs two factors: {@code 2FA}, or one factor that must be a possession factor
         * (so never a password alone). An authentication method chain is not judged here and does not count.
         */
        public boolean requiresMfa() {
            return verificationType.equals("ASSURANCE") && (factorMode.equals("2FA") || possessionRequired);
        }
    }
}
