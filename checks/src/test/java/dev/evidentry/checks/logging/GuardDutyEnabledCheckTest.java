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
import dev.evidentry.spi.fact.aws.AwsGuardDutyRegion;
import org.junit.jupiter.api.Test;

class GuardDutyEnabledCheckTest {

    private final GuardDutyEnabledCheck check = new GuardDutyEnabledCheck();

    @Test
    void anEnabledDetectorPasses() {
        assertThat(evaluate(check, region("eu-west-1", "12abc34d567e8fa901bc2d34e56789f0", true)))
                .extracting(Finding::resource, Finding::outcome, Finding::message)
                .containsExactly(tuple(awsRegion(ACCOUNT, "eu-west-1"), PASS, "GuardDuty detector"
                        + " 12abc34d567e8fa901bc2d34e56789f0 in region eu-west-1 of account " + ACCOUNT + " is enabled."));
    }

    @Test
    void aRegionWithoutADetectorFails() {
        assertThat(evaluate(check, region("ap-southeast-2", "", false)))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(FAIL, "GuardDuty has no detector in region ap-southeast-2 of account " + ACCOUNT
                        + ": threats there go undetected."));
    }

    @Test
    void aSuspendedDetectorFails() {
        assertThat(evaluate(check, region("us-east-1", "98fe", false)))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(FAIL, "GuardDuty detector 98fe in region us-east-1 of account " + ACCOUNT
                        + " is suspended: threats there go undetected."));
    }

    private static AwsGuardDutyRegion region(String region, String detectorId, boolean enabled) {
        return new AwsGuardDutyRegion(awsRegion(ACCOUNT, region), detectorId, enabled, evidence('a'));
    }
}
