package dev.evidentry.checks.identity;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.okta.OktaPasswordPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Every active Okta password policy asks for 14+ characters, remembers 5+ passwords and locks out after 10 tries. */
public final class OktaPasswordPolicyCheck implements Check {

    public static final String ID = "okta.password-policy.strength";
    static final int MIN_LENGTH = 14;
    static final int MIN_HISTORY = 5;
    static final int MAX_LOCKOUT_ATTEMPTS = 10;

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "Okta password policies require 14 characters, remember passwords and lock out", Severity.MEDIUM,
            Set.of(OktaPasswordPolicy.KIND), List.of("CC6.1"), CheckHelp.load(OktaPasswordPolicyCheck.class, ID));

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        return facts.all(OktaPasswordPolicy.class).map(this::judge);
    }

    private Finding judge(OktaPasswordPolicy policy) {
        String what = "Password policy '" + policy.name() + "'";
        if (!policy.active()) {
            return Finding.notApplicable(descriptor, policy, what + " is inactive.");
        }
        if (policy.authProvider().equals("ACTIVE_DIRECTORY") || policy.authProvider().equals("LDAP")) {
            return Finding.notApplicable(descriptor, policy, what + " governs " + policy.authProvider()
                    + " passwords, whose rules the directory sets.");
        }
        if (policy.minLength() == 0) {
            return Finding.error(descriptor, policy, what + " reports no minimum length.");
        }
        List<String> shortfalls = new ArrayList<>();
        if (policy.minLength() < MIN_LENGTH) {
            shortfalls.add("minimum length is " + policy.minLength() + " (needs " + MIN_LENGTH + ")");
        }
        if (policy.historyCount() < MIN_HISTORY) {
            shortfalls.add("remembers " + policy.historyCount() + " passwords (needs " + MIN_HISTORY + ")");
        }
        if (policy.lockoutMaxAttempts() == 0) {
            shortfalls.add("never locks an account out");
        } else if (policy.lockoutMaxAttempts() > MAX_LOCKOUT_ATTEMPTS) {
            shortfalls.add("locks out after " + policy.lockoutMaxAttempts() + " failed attempts (needs "
                    + MAX_LOCKOUT_ATTEMPTS + " or fewer)");
        }
        return shortfalls.isEmpty()
                ? Finding.pass(descriptor, policy, what + " requires " + policy.minLength() + " characters, remembers "
                        + policy.historyCount() + " passwords and locks out after " + policy.lockoutMaxAttempts()
                        + " failed attempts.")
                : Finding.fail(descriptor, policy, what + " falls short: " + String.join("; ", shortfalls) + ".");
    }
}
