package dev.evidentry.checks.identity;

import static dev.evidentry.checks.Fixtures.evaluate;
import static dev.evidentry.checks.identity.OktaFacts.passwordPolicy;
import static dev.evidentry.spi.Outcome.ERROR;
import static dev.evidentry.spi.Outcome.FAIL;
import static dev.evidentry.spi.Outcome.NOT_APPLICABLE;
import static dev.evidentry.spi.Outcome.PASS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.evidentry.spi.Finding;
import org.junit.jupiter.api.Test;

class OktaPasswordPolicyCheckTest {

    private final OktaPasswordPolicyCheck check = new OktaPasswordPolicyCheck();

    @Test
    void aPolicyMeetingTheBarPasses() {
        assertThat(evaluate(check, passwordPolicy("Staff", "ACTIVE", "OKTA", 14, 24, 5)))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(PASS, "Password policy 'Staff' requires 14 characters, remembers 24 passwords "
                        + "and locks out after 5 failed attempts."));
    }

    @Test
    void oktasDefaultFailsNamingEveryShortfall() {
        assertThat(evaluate(check, passwordPolicy("Default Policy", "ACTIVE", "OKTA", 8, 4, 0)))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(FAIL, "Password policy 'Default Policy' falls short: minimum length is 8 (needs "
                        + "14); remembers 4 passwords (needs 5); never locks an account out."));
    }

    @Test
    void aLenientLockoutFails() {
        assertThat(evaluate(check, passwordPolicy("Lenient", "ACTIVE", "OKTA", 16, 10, 50)))
                .extracting(Finding::message)
                .containsExactly("Password policy 'Lenient' falls short: locks out after 50 failed attempts (needs 10 "
                        + "or fewer).");
    }

    @Test
    void inactiveAndDirectoryPoliciesAreNotApplicable() {
        assertThat(evaluate(check, passwordPolicy("Old", "INACTIVE", "OKTA", 4, 0, 0),
                passwordPolicy("AD users", "ACTIVE", "ACTIVE_DIRECTORY", 0, 0, 0)))
                .extracting(Finding::outcome).containsExactly(NOT_APPLICABLE, NOT_APPLICABLE);
    }

    @Test
    void noMinimumLengthIsAnError() {
        assertThat(evaluate(check, passwordPolicy("Odd", "ACTIVE", "OKTA", 0, 5, 5)))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(ERROR, "Password policy 'Odd' reports no minimum length."));
    }
}
