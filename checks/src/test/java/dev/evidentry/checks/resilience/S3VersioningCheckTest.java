package dev.evidentry.checks.resilience;

import static dev.evidentry.checks.Fixtures.bucket;
import static dev.evidentry.checks.Fixtures.evaluate;
import static dev.evidentry.checks.Fixtures.evidence;
import static dev.evidentry.spi.Outcome.FAIL;
import static dev.evidentry.spi.Outcome.PASS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.evidentry.spi.Finding;
import dev.evidentry.spi.fact.aws.AwsS3BucketVersioning;
import org.junit.jupiter.api.Test;

class S3VersioningCheckTest {

    private final S3VersioningCheck check = new S3VersioningCheck();

    @Test
    void enabledVersioningPasses() {
        assertThat(evaluate(check, versioning("a-ledger", "Enabled", true), versioning("b-assets", "Enabled", false)))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(
                        tuple(PASS, "Versioning is enabled on bucket a-ledger, with MFA delete."),
                        tuple(PASS, "Versioning is enabled on bucket b-assets."));
    }

    @Test
    void suspendedOrNeverEnabledVersioningFails() {
        assertThat(evaluate(check, versioning("a-paused", "Suspended", false), versioning("b-plain", "", false)))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(
                        tuple(FAIL, "Versioning is suspended on bucket a-paused: new writes overwrite and deletes are final."),
                        tuple(FAIL, "Versioning has never been enabled on bucket b-plain."));
    }

    private static AwsS3BucketVersioning versioning(String name, String status, boolean mfaDelete) {
        return new AwsS3BucketVersioning(bucket(name), status, mfaDelete, evidence('a'));
    }
}
