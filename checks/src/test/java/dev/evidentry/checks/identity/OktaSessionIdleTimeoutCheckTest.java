package dev.evidentry.checks.identity;

import static dev.evidentry.checks.Fixtures.evaluate;
import static dev.evidentry.checks.identity.OktaFacts.sessionPolicy;
import static dev.evidentry.checks.identity.OktaFacts.sessionRule;
import static dev.evidentry.spi.Outcome.ERROR;
import static dev.evidentry.spi.Outcome.FAIL;
import static dev.evidentry.spi.Outcome.NOT_APPLICABLE;
import static dev.evidentry.spi.Outcome.PASS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.evidentry.spi.Finding;
import dev.evidentry.spi.fact.okta.OktaPeople;
import org.junit.jupiter.api.Test;

class OktaSessionIdleTimeoutCheckTest {

    private final OktaSessionIdleTimeoutCheck check = new OktaSessionIdleTimeoutCheck();

    @Test
    void idleSessionsEndingWithinTheLimitPass() {
        assertThat(evaluate(check, sessionPolicy("Default Policy", "ACTIVE", sessionRule("Admins", true, 15),
                sessionRule("Everyone", true, 30), sessionRule("Blocked", "ACTIVE", "DENY", false, 720,
                        OktaPeople.EVERYONE)))).extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(PASS, "Global session policy 'Default Policy' ends idle sessions within 30 "
                        + "minutes in every rule that lets people in."));
    }

    @Test
    void oktasDefaultTwoHoursFails() {
        assertThat(evaluate(check, sessionPolicy("Default Policy", "ACTIVE", sessionRule("Admins", true, 15),
                sessionRule("Default Rule", false, 120)))).extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(FAIL, "Global session policy 'Default Policy' keeps idle sessions longer than 30"
                        + " minutes: rule 'Default Rule' 120 minutes."));
    }

    @Test
    void theLimitCanBeRaised() {
        OktaSessionIdleTimeoutCheck hour = new OktaSessionIdleTimeoutCheck(60);
        assertThat(hour.descriptor().title()).isEqualTo("Okta sessions end after at most 60 idle minutes");
        assertThat(evaluate(hour, sessionPolicy("P", "ACTIVE", sessionRule("R", true, 45))))
                .extracting(Finding::outcome).containsExactly(PASS);
        assertThat(new OktaSessionIdleTimeoutCheck().descriptor().title()).contains("30");
    }

    @Test
    void inactivePoliciesAndDenyOnlyPoliciesAreNotApplicable() {
        assertThat(evaluate(check, sessionPolicy("Old", "INACTIVE", sessionRule("R", true, 500)),
                sessionPolicy("Deny", "ACTIVE", sessionRule("No", "ACTIVE", "DENY", false, 500, OktaPeople.EVERYONE))))
                .extracting(Finding::outcome).containsExactly(NOT_APPLICABLE, NOT_APPLICABLE);
    }

    @Test
    void aRuleWithoutAnIdleTimeoutIsAnError() {
        assertThat(evaluate(check, sessionPolicy("P", "ACTIVE", sessionRule("Unknown", true, 0))))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(ERROR, "Global session policy 'P' reports no idle timeout for rule 'Unknown'."));
    }
}
