package dev.evidentry.checks.identity;

import static dev.evidentry.checks.Fixtures.ACCOUNT;
import static dev.evidentry.checks.Fixtures.awsAccount;
import static dev.evidentry.checks.Fixtures.evaluate;
import static dev.evidentry.checks.Fixtures.evidence;
import static dev.evidentry.spi.Outcome.FAIL;
import static dev.evidentry.spi.Outcome.PASS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.evidentry.spi.Finding;
import dev.evidentry.spi.fact.aws.AwsPasswordPolicy;
import org.junit.jupiter.api.Test;

class PasswordPolicyCheckTest {

    private final PasswordPolicyCheck check = new PasswordPolicyCheck();

    @Test
    void policyMeetingEveryRequirementPasses() {
        assertThat(evaluate(check, policy(true, 16, true, true, true, true, 24, 90)))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(PASS, "The IAM password policy of account " + ACCOUNT + " requires 16 characters"
                        + " of all four classes, remembers 24 passwords and expires them after 90 days."));
    }

    @Test
    void weakPolicyFailsNamingEveryShortfall() {
        assertThat(evaluate(check, policy(true, 8, false, false, false, false, 5, 0)))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(FAIL, "The IAM password policy of account " + ACCOUNT + " falls short:"
                        + " minimum length is 8 (needs 14); symbols are not required; numbers are not required;"
                        + " upper-case letters are not required; lower-case letters are not required;"
                        + " reuse prevention remembers 5 passwords (needs 24); passwords never expire (needs 90 days or fewer)."));
    }

    @Test
    void oneShortfallIsEnoughToFail() {
        assertThat(evaluate(check, policy(true, 14, true, true, true, true, 24, 180)))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(FAIL, "The IAM password policy of account " + ACCOUNT + " falls short:"
                        + " passwords expire after 180 days (needs 90 or fewer)."));
    }

    @Test
    void missingPolicyFailsStatingTheBar() {
        assertThat(evaluate(check, policy(false, 0, false, false, false, false, 0, 0)))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(FAIL, "There is no IAM password policy in account " + ACCOUNT + "; set one that"
                        + " requires 14 characters, symbols, numbers, upper- and lower-case letters, remembers 24"
                        + " passwords and expires them within 90 days."));
    }

    private static AwsPasswordPolicy policy(boolean present, int length, boolean symbols, boolean numbers,
            boolean upper, boolean lower, int reuse, int maxAge) {
        return new AwsPasswordPolicy(awsAccount(ACCOUNT), present, length, symbols, numbers, upper, lower, reuse, maxAge,
                evidence('a'));
    }
}
