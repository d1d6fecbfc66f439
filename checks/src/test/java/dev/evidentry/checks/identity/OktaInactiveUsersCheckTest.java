package dev.evidentry.checks.identity;

import static dev.evidentry.checks.Fixtures.CLOCK;
import static dev.evidentry.checks.Fixtures.daysAgo;
import static dev.evidentry.checks.Fixtures.evaluate;
import static dev.evidentry.checks.identity.OktaFacts.user;
import static dev.evidentry.spi.Outcome.FAIL;
import static dev.evidentry.spi.Outcome.NOT_APPLICABLE;
import static dev.evidentry.spi.Outcome.PASS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.evidentry.spi.Finding;
import dev.evidentry.spi.fact.okta.OktaUser;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OktaInactiveUsersCheckTest {

    private final OktaInactiveUsersCheck check = new OktaInactiveUsersCheck();

    @Test
    void aRecentSignInPasses() {
        assertThat(evaluate(check, user("alice", "ACTIVE", daysAgo(900), daysAgo(3))))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(PASS, "Okta user alice signed in 3 days ago."));
    }

    @Test
    void oneDayIsSingularAndOtherCountsPlural() {
        assertThat(evaluate(check, user("alice", "ACTIVE", daysAgo(900), daysAgo(1)),
                user("bob", "ACTIVE", daysAgo(900), daysAgo(0)),
                user("carol", "ACTIVE", daysAgo(1), null),
                user("dan", "ACTIVE", daysAgo(2), null)))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(
                        tuple(PASS, "Okta user alice signed in 1 day ago."),
                        tuple(PASS, "Okta user bob signed in 0 days ago."),
                        tuple(PASS, "Okta user carol was created 1 day ago and has not signed in yet."),
                        tuple(PASS, "Okta user dan was created 2 days ago and has not signed in yet."));
    }

    @Test
    void ninetyOneDaysWithoutSignInFails() {
        assertThat(evaluate(check, user("dave", "ACTIVE", daysAgo(900), daysAgo(91))))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(FAIL, "Okta user dave last signed in 91 days ago and is still ACTIVE."));
    }

    @Test
    void neverSigningInCountsFromCreation() {
        assertThat(evaluate(check, user("new", "ACTIVE", daysAgo(10), null),
                user("ghost", "PASSWORD_EXPIRED", daysAgo(200), null)))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(
                        tuple(FAIL, "Okta user ghost has never signed in in the 200 days since it was created, and is "
                                + "still PASSWORD_EXPIRED."),
                        tuple(PASS, "Okta user new was created 10 days ago and has not signed in yet."));
    }

    @Test
    void suspendedAndStagedUsersAreNotApplicable() {
        assertThat(evaluate(check, user("erin", "SUSPENDED", daysAgo(900), daysAgo(400)),
                user("sam", "STAGED", daysAgo(900), null)))
                .extracting(Finding::outcome).containsExactly(NOT_APPLICABLE, NOT_APPLICABLE);
    }

    @Test
    void agesAreMeasuredAgainstTheScanClock() {
        OktaUser user = user("bob", "ACTIVE", daysAgo(900), daysAgo(89));
        assertThat(evaluate(check, CLOCK, user)).extracting(Finding::outcome).containsExactly(PASS);
        assertThat(evaluate(check, Clock.offset(CLOCK, Duration.ofDays(2)), user)).extracting(Finding::outcome)
                .containsExactly(FAIL);
    }

    @Test
    void errorsComeFromTheEngineWhenTheUsersCouldNotBeListed() {
        // A failed listing is an issue for okta.user; the engine turns it into ERROR for every check needing the kind.
        assertThat(check.descriptor().requiredFacts()).containsExactly(OktaUser.KIND);
    }
}
