package dev.evidentry.checks.resilience;

import static dev.evidentry.checks.Fixtures.evaluate;
import static dev.evidentry.checks.Fixtures.evidence;
import static dev.evidentry.checks.Fixtures.rdsInstance;
import static dev.evidentry.spi.Outcome.FAIL;
import static dev.evidentry.spi.Outcome.PASS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.evidentry.spi.Finding;
import dev.evidentry.spi.fact.aws.AwsRdsInstance;
import org.junit.jupiter.api.Test;

class RdsBackupRetentionCheckTest {

    private final RdsBackupRetentionCheck check = new RdsBackupRetentionCheck();

    @Test
    void sevenDaysOrMorePass() {
        assertThat(evaluate(check, instance("a-orders", 7), instance("b-billing", 35)))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(
                        tuple(PASS, "RDS instance a-orders keeps automated backups for 7 days."),
                        tuple(PASS, "RDS instance b-billing keeps automated backups for 35 days."));
    }

    @Test
    void automatedBackupsOffFail() {
        assertThat(evaluate(check, instance("scratch", 0)))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(FAIL, "RDS instance scratch has automated backups off: it cannot be restored to a"
                        + " point in time."));
    }

    @Test
    void oneToSixDaysFailNamingTheRetention() {
        assertThat(evaluate(check, instance("a-reports", 1), instance("b-search", 6)))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(
                        tuple(FAIL, "RDS instance a-reports keeps automated backups for only 1 day (needs 7)."),
                        tuple(FAIL, "RDS instance b-search keeps automated backups for only 6 days (needs 7)."));
    }

    private static AwsRdsInstance instance(String name, int backupRetentionDays) {
        return new AwsRdsInstance(rdsInstance(name), "postgres", false, backupRetentionDays, evidence('a'));
    }
}
