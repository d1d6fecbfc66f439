package dev.evidentry.checks.identity;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.okta.OktaSignOnPolicy;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every rule of an active global session policy that lets people in ends an idle session within the limit: 30 minutes,
 * or the system property {@value #LIMIT_PROPERTY}.
 */
public final class OktaSessionIdleTimeoutCheck implements Check {

    public static final String ID = "okta.session.idle-timeout";
    static final String LIMIT_PROPERTY = "evidentry.okta.maxSessionIdleMinutes";
    static final int DEFAULT_LIMIT_MINUTES = 30;

    private final int limit;
    private final CheckDescriptor descriptor;

    /** The check as the pack builds it: the limit from {@value #LIMIT_PROPERTY}, else 30 minutes. */
    public OktaSessionIdleTimeoutCheck() {
        this(Integer.getInteger(LIMIT_PROPERTY, DEFAULT_LIMIT_MINUTES));
    }

    OktaSessionIdleTimeoutCheck(int limitMinutes) {
        if (limitMinutes < 1) {
            throw new IllegalArgumentException(LIMIT_PROPERTY + " must be at least 1 minute: " + limitMinutes);
        }
        this.limit = limitMinutes;
        this.descriptor = new CheckDescriptor(ID, "Okta sessions end after at most " + limitMinutes + " idle minutes",
                Severity.MEDIUM, Set.of(OktaSignOnPolicy.KIND), List.of("CC6.1", "CC6.6"),
                CheckHelp.load(OktaSessionIdleTimeoutCheck.class, ID));
    }

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        return facts.all(OktaSignOnPolicy.class).map(this::judge);
    }

    private Finding judge(OktaSignOnPolicy policy) {
        String what = "Global session policy '" + policy.name() + "'";
        if (!policy.active()) {
            return Finding.notApplicable(descriptor, policy, what + " is inactive.");
        }
        List<OktaSignOnPolicy.Rule> rules = policy.activeAllowRules();
        if (rules.isEmpty()) {
            return Finding.notApplicable(descriptor, policy, what + " has no active rule that lets people in.");
        }
        List<OktaSignOnPolicy.Rule> unknown = rules.stream().filter(r -> r.maxSessionIdleMinutes() <= 0).toList();
        if (!unknown.isEmpty()) {
            return Finding.error(descriptor, policy, what + " reports no idle timeout for " + names(unknown) + ".");
        }
        List<OktaSignOnPolicy.Rule> long_ = rules.stream().filter(r -> r.maxSessionIdleMinutes() > limit).toList();
        if (!long_.isEmpty()) {
            return Finding.fail(descriptor, policy, what + " keeps idle sessions longer than " + limit + " minutes: "
                    + long_.stream().map(r -> "rule '" + r.name() + "' " + r.maxSessionIdleMinutes() + " minutes")
                            .collect(Collectors.joining(", ")) + ".");
        }
        int longest = rules.stream().mapToInt(OktaSignOnPolicy.Rule::maxSessionIdleMinutes).max().orElse(0);
        return Finding.pass(descriptor, policy, what + " ends idle sessions within " + longest + " minutes in every "
                + "rule that lets people in.");
    }

    private static String names(List<OktaSignOnPolicy.Rule> rules) {
        return rules.stream().map(r -> "rule '" + r.name() + "'").collect(Collectors.joining(", "));
    }
}
