package dev.evidentry.checks.identity;

import static dev.evidentry.checks.Fixtures.daysAgo;
import static dev.evidentry.checks.Fixtures.evaluate;
import static dev.evidentry.checks.Fixtures.evidence;
import static dev.evidentry.checks.Fixtures.iamUser;
import static dev.evidentry.spi.Outcome.FAIL;
import static dev.evidentry.spi.Outcome.NOT_APPLICABLE;
import static dev.evidentry.spi.Outcome.PASS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.evidentry.spi.Finding;
import dev.evidentry.spi.fact.aws.AwsIamUser;
import dev.evidentry.spi.fact.aws.AwsIamUser.AccessKey;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnusedCredentialsCheckTest {

    private final UnusedCredentialsCheck check = new UnusedCredentialsCheck();

    @Test
    void credentialsUsedWithin90DaysPass() {
        assertThat(evaluate(check, user("ann", daysAgo(500), true, daysAgo(90),
                new AccessKey(1, true, daysAgo(300), daysAgo(1)))))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(PASS, "IAM user ann has no credential left unused for more than 90 days."));
    }

    @Test
    void newCredentialsNeverUsedYetPass() {
        assertThat(evaluate(check, user("ann", daysAgo(20), true, null, new AccessKey(1, true, daysAgo(20), null))))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(PASS, "IAM user ann has no credential left unused for more than 90 days."));
    }

    @Test
    void idlePasswordAndKeysFailNamingEach() {
        assertThat(evaluate(check, user("ann", daysAgo(500), true, daysAgo(91),
                new AccessKey(1, true, daysAgo(300), daysAgo(200)),
                new AccessKey(2, true, daysAgo(10), daysAgo(2)))))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(FAIL, "IAM user ann has credentials unused for more than 90 days:"
                        + " console password last used 91 days ago; access key 1 last used 200 days ago."));
    }

    @Test
    void neverUsedCredentialsCountFromTheirCreation() {
        assertThat(evaluate(check, user("ann", daysAgo(120), true, null, new AccessKey(1, true, daysAgo(95), null))))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(FAIL, "IAM user ann has credentials unused for more than 90 days:"
                        + " console password never used in the 120 days since it was created;"
                        + " access key 1 never used in the 95 days since it was created."));
    }

    @Test
    void inactiveKeysAndDisabledPasswordsAreIgnored() {
        assertThat(evaluate(check,
                user("ann", daysAgo(900), false, daysAgo(800), new AccessKey(1, false, daysAgo(900), daysAgo(800))),
                user("ben", daysAgo(900), false, daysAgo(800), new AccessKey(2, true, daysAgo(900), daysAgo(3)))))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(
                        tuple(NOT_APPLICABLE, "IAM user ann has no console password and no active access key."),
                        tuple(PASS, "IAM user ben has no credential left unused for more than 90 days."));
    }

    private static AwsIamUser user(
            String name, Instant created, boolean password, Instant passwordLastUsed, AccessKey... keys) {
        return new AwsIamUser(iamUser(name), name, created, password, passwordLastUsed, true, List.of(keys), evidence('a'));
    }
}
