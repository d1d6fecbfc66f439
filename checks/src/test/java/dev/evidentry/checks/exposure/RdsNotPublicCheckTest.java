package dev.evidentry.checks.exposure;

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

class RdsNotPublicCheckTest {

    private final RdsNotPublicCheck check = new RdsNotPublicCheck();

    @Test
    void aPrivateInstancePasses() {
        assertThat(evaluate(check, new AwsRdsInstance(rdsInstance("orders"), "postgres", false, 7, evidence('a'))))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(PASS, "RDS instance orders (postgres) is not publicly accessible."));
    }

    @Test
    void aPubliclyAccessibleInstanceFails() {
        assertThat(evaluate(check, new AwsRdsInstance(rdsInstance("legacy"), "mysql", true, 7, evidence('a'))))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(FAIL, "RDS instance legacy (mysql) is publicly accessible: its endpoint resolves"
                        + " to a public IP address, so only its security groups keep the internet out."));
    }

    @Test
    void anInstanceWithoutAReportedEngineIsNamedWithoutIt() {
        assertThat(evaluate(check, new AwsRdsInstance(rdsInstance("mystery"), "", false, 7, evidence('a'))))
                .extracting(Finding::message)
                .containsExactly("RDS instance mystery is not publicly accessible.");
    }
}
