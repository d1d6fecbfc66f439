package dev.evidentry.checks.logging;

import static dev.evidentry.checks.Fixtures.ACCOUNT;
import static dev.evidentry.checks.Fixtures.awsRegion;
import static dev.evidentry.checks.Fixtures.evaluate;
import static dev.evidentry.checks.Fixtures.evidence;
import static dev.evidentry.spi.Outcome.FAIL;
import static dev.evidentry.spi.Outcome.PASS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.evidentry.spi.Finding;
import dev.evidentry.spi.fact.aws.AwsConfigRegion;
import org.junit.jupiter.api.Test;

class ConfigRecordingCheckTest {

    private static final String IN = " in region eu-west-1 of account " + ACCOUNT;

    private final ConfigRecordingCheck check = new ConfigRecordingCheck();

    @Test
    void aRecorderRecordingEveryResourceTypePasses() {
        assertThat(evaluate(check, region("default", true, true, "Success")))
                .extracting(Finding::resource, Finding::outcome, Finding::message)
                .containsExactly(tuple(awsRegion(ACCOUNT, "eu-west-1"), PASS, "The AWS Config recorder default" + IN
                        + " is recording every supported resource type."));
    }

    @Test
    void aRegionWithoutARecorderFails() {
        assertThat(evaluate(check, region("", false, false, "")))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(FAIL, "AWS Config has no configuration recorder" + IN + "."));
    }

    @Test
    void aStoppedRecorderFails() {
        assertThat(evaluate(check, region("default", false, true, "Success")))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(FAIL, "The AWS Config recorder default" + IN + " is not recording."));
    }

    @Test
    void aRecorderLimitedToSomeResourceTypesPassesNamingTheWeakness() {
        assertThat(evaluate(check, region("default", true, false, "Pending")))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(PASS, "The AWS Config recorder default" + IN + " is recording, but it records"
                        + " only selected resource types, so changes to the others leave no record."));
    }

    @Test
    void aRecorderWhoseLastAttemptFailedPassesNamingTheWeakness() {
        assertThat(evaluate(check, region("default", true, true, "Failure")))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(PASS, "The AWS Config recorder default" + IN + " is recording, but its last"
                        + " recording attempt failed (lastStatus Failure)."));
    }

    @Test
    void bothWeaknessesAreNamed() {
        assertThat(evaluate(check, region("default", true, false, "FAILURE")))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(PASS, "The AWS Config recorder default" + IN + " is recording, but it records"
                        + " only selected resource types, so changes to the others leave no record, and its last"
                        + " recording attempt failed (lastStatus FAILURE)."));
    }

    private static AwsConfigRegion region(String recorder, boolean recording, boolean allSupported, String lastStatus) {
        return new AwsConfigRegion(awsRegion(ACCOUNT, "eu-west-1"), recorder, recording, allSupported, lastStatus,
                evidence('a'));
    }
}
