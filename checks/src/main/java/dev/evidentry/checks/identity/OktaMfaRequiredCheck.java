package dev.evidentry.checks.identity;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.okta.OktaAuthenticationPolicy;
import dev.evidentry.spi.fact.okta.OktaSignOnPolicy;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * No Okta rule lets people in with a password alone. A global session policy rule may skip MFA when every
 * authentication policy demands two factors, and an authentication policy rule may allow one factor when every global
 * session policy rule demands MFA: the session or the app then asks for the second factor. One finding per policy.
 */
public final class OktaMfaRequiredCheck implements Check {

    public static final String ID = "okta.policy.mfa-required";

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "Okta sign-on and authentication policies require MFA for everyone", Severity.HIGH,
            Set.of(OktaSignOnPolicy.KIND, OktaAuthenticationPolicy.KIND), List.of("CC6.1", "CC6.6"),
            CheckHelp.load(OktaMfaRequiredCheck.class, ID));

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        List<OktaSignOnPolicy> sessions = facts.all(OktaSignOnPolicy.class).toList();
        List<OktaAuthenticationPolicy> apps = facts.all(OktaAuthenticationPolicy.class).toList();
        boolean sessionsNeedMfa = !sessions.isEmpty() && sessions.stream().filter(OktaSignOnPolicy::active)
                .flatMap(p -> p.activeAllowRules().stream()).allMatch(OktaSignOnPolicy.Rule::requireFactor);
        boolean appsNeedMfa = apps.stream().anyMatch(OktaAuthenticationPolicy::active) && apps.stream()
                .filter(OktaAuthenticationPolicy::active).flatMap(p -> p.activeAllowRules().stream())
                .allMatch(OktaAuthenticationPolicy.Rule::requiresMfa);
        return Stream.concat(sessions.stream().map(p -> judge(p, appsNeedMfa)),
                apps.stream().map(p -> judge(p, sessionsNeedMfa)));
    }

    private Finding judge(OktaSignOnPolicy policy, boolean appsNeedMfa) {
        String what = "Global session policy '" + policy.name() + "'";
        if (!policy.active()) {
            return Finding.notApplicable(descriptor, policy, what + " is inactive.");
        }
        List<OktaSignOnPolicy.Rule> open = policy.activeAllowRules().stream().filter(r -> !r.requireFactor()).toList();
        if (open.isEmpty()) {
            return Finding.pass(descriptor, policy, what + " requires MFA in every rule that lets people in.");
        }
        String rules = describe(open, OktaSignOnPolicy.Rule::name, OktaSignOnPolicy.Rule::people);
        return appsNeedMfa
                ? Finding.pass(descriptor, policy, what + " starts sessions without MFA (" + rules + "), but every "
                        + "authentication policy requires two factors.")
                : Finding.fail(descriptor, policy, what + " lets people start a session without MFA: " + rules
                        + "; and not every authentication policy requires two factors.");
    }

    private Finding judge(OktaAuthenticationPolicy policy, boolean sessionsNeedMfa) {
        String what = "Authentication policy '" + policy.name() + "'";
        if (!policy.active()) {
            return Finding.notApplicable(descriptor, policy, what + " is inactive.");
        }
        List<OktaAuthenticationPolicy.Rule> chains = policy.activeAllowRules().stream()
                .filter(r -> r.verificationType().equals("AUTH_METHOD_CHAIN")).toList();
        List<OktaAuthenticationPolicy.Rule> open = policy.activeAllowRules().stream()
                .filter(r -> !r.requiresMfa() && !chains.contains(r)).toList();
        if (!open.isEmpty()) {
            String rules = describe(open, OktaAuthenticationPolicy.Rule::name, OktaAuthenticationPolicy.Rule::people);
            return sessionsNeedMfa
                    ? Finding.pass(descriptor, policy, what + " allows one factor (" + rules + "), but every global "
                            + "session policy rule requires MFA to start the session.")
                    : Finding.fail(descriptor, policy, what + " allows access with one factor, a password alone "
                            + "included: " + rules + ".");
        }
        if (!chains.isEmpty()) {
            return Finding.error(descriptor, policy, what + " uses authentication method chains ("
                    + describe(chains, OktaAuthenticationPolicy.Rule::name, OktaAuthenticationPolicy.Rule::people)
                    + "), which this check cannot judge.");
        }
        return Finding.pass(descriptor, policy, what + " requires two factors in every rule that lets people in.");
    }

    private static <R> String describe(List<R> rules, Function<R, String> name,
            Function<R, dev.evidentry.spi.fact.okta.OktaPeople> people) {
        return rules.stream().map(rule -> "rule '" + name.apply(rule) + "' for " + people.apply(rule).describe())
                .collect(Collectors.joining(", "));
    }
}
