package dev.evidentry.checks.identity;

import static dev.evidentry.checks.Fixtures.CLOCK;
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
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SingleActiveAccessKeyCheck} and {@link AccessKeyRotationCheck}, measured against the fixed clock of the facts. */
class AccessKeyChecksTest {

    @Test
    void atMostOneActiveKeyPasses() {
        assertThat(evaluate(new SingleActiveAccessKeyCheck(),
                user("ann", new AccessKey(1, true, daysAgo(10), null), new AccessKey(2, false, daysAgo(400), null)),
                user("ben")))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(
                        tuple(PASS, "IAM user ann has one active access key."),
                        tuple(PASS, "IAM user ben has no active access key."));
    }

    @Test
    void twoActiveKeysFail() {
        assertThat(evaluate(new SingleActiveAccessKeyCheck(),
                user("ann", new AccessKey(1, true, daysAgo(10), null), new AccessKey(2, true, daysAgo(400), null))))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(FAIL, "IAM user ann has 2 active access keys (slots 1 and 2)."));
    }

    @Test
    void keysRotatedWithin90DaysPass() {
        assertThat(evaluate(new AccessKeyRotationCheck(),
                user("ann", new AccessKey(1, true, daysAgo(90), null), new AccessKey(2, true, daysAgo(3), null))))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(PASS,
                        "IAM user ann rotated every active access key within 90 days; the oldest is 90 days old."));
    }

    @Test
    void activeKeysOlderThan90DaysFailWithTheirAge() {
        assertThat(evaluate(new AccessKeyRotationCheck(),
                user("ann", new AccessKey(1, true, daysAgo(91), null), new AccessKey(2, true, daysAgo(400), null))))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(FAIL, "IAM user ann has not rotated access key 1 for 91 days and access key 2"
                        + " for 400 days (limit 90)."));
    }

    @Test
    void onlyActiveKeysCountAndUsersWithoutOneAreNotApplicable() {
        assertThat(evaluate(new AccessKeyRotationCheck(),
                user("ann", new AccessKey(1, false, daysAgo(900), null)),
                user("ben", new AccessKey(1, false, daysAgo(900), null), new AccessKey(2, true, daysAgo(5), null))))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(
                        tuple(NOT_APPLICABLE, "IAM user ann has no active access key."),
                        tuple(PASS, "IAM user ben rotated every active access key within 90 days; the oldest is 5 days old."));
    }

    @Test
    void ageFollowsTheClockOfTheFacts() {
        AwsIamUser ann = user("ann", new AccessKey(1, true, daysAgo(30), null));
        Clock ninetyDaysLater = Clock.offset(CLOCK, Duration.ofDays(90));

        assertThat(evaluate(new AccessKeyRotationCheck(), ninetyDaysLater, ann))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(FAIL, "IAM user ann has not rotated access key 1 for 120 days (limit 90)."));
    }

    static AwsIamUser user(String name, AccessKey... keys) {
        return new AwsIamUser(iamUser(name), name, daysAgo(1000), false, null, false, List.of(keys), evidence('a'));
    }
}
