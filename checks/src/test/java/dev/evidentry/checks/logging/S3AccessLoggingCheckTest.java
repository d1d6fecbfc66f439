package dev.evidentry.checks.logging;

import static dev.evidentry.checks.Fixtures.bucket;
import static dev.evidentry.checks.Fixtures.evaluate;
import static dev.evidentry.checks.Fixtures.evidence;
import static dev.evidentry.spi.Outcome.FAIL;
import static dev.evidentry.spi.Outcome.PASS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.evidentry.spi.Finding;
import dev.evidentry.spi.fact.aws.AwsS3BucketLogging;
import org.junit.jupiter.api.Test;

class S3AccessLoggingCheckTest {

    private final S3AccessLoggingCheck check = new S3AccessLoggingCheck();

    @Test
    void loggingToATargetBucketPasses() {
        assertThat(evaluate(check, new AwsS3BucketLogging(bucket("app-data"), "acme-access-logs", evidence('a'))))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(PASS, "Bucket app-data delivers server access logs to bucket acme-access-logs."));
    }

    @Test
    void loggingOffFails() {
        assertThat(evaluate(check, new AwsS3BucketLogging(bucket("app-data"), "", evidence('a'))))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(FAIL, "Bucket app-data has server access logging turned off."));
    }
}
