package dev.evidentry.checks.logging;

import static dev.evidentry.checks.Fixtures.ACCOUNT;
import static dev.evidentry.checks.Fixtures.evaluate;
import static dev.evidentry.checks.Fixtures.evidence;
import static dev.evidentry.checks.Fixtures.trail;
import static dev.evidentry.spi.Outcome.FAIL;
import static dev.evidentry.spi.Outcome.PASS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.evidentry.spi.Finding;
import dev.evidentry.spi.fact.aws.AwsCloudTrailTrail;
import org.junit.jupiter.api.Test;

/** The per-trail checks: {@link CloudTrailLogFileValidationCheck} and {@link CloudTrailKmsEncryptionCheck}. */
class CloudTrailTrailChecksTest {

    private static final String KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    @Test
    void aTrailWithLogFileValidationPasses() {
        assertThat(evaluate(new CloudTrailLogFileValidationCheck(), auditTrail(true, "")))
                .extracting(Finding::resource, Finding::outcome, Finding::message)
                .containsExactly(tuple(trail(ACCOUNT, "us-east-1", "audit"), PASS, "CloudTrail trail audit writes"
                        + " signed digest files: a changed or deleted log file can be detected."));
    }

    @Test
    void aTrailWithoutLogFileValidationFails() {
        assertThat(evaluate(new CloudTrailLogFileValidationCheck(), auditTrail(false, KEY)))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(FAIL, "CloudTrail trail audit does not validate its log files: nothing would"
                        + " show that a log file was changed or deleted."));
    }

    @Test
    void aTrailEncryptedWithAKmsKeyPassesNamingTheKey() {
        assertThat(evaluate(new CloudTrailKmsEncryptionCheck(), auditTrail(false, KEY)))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(PASS, "CloudTrail trail audit encrypts its log files with KMS key " + KEY + "."));
    }

    @Test
    void aTrailWithoutAKmsKeyFails() {
        assertThat(evaluate(new CloudTrailKmsEncryptionCheck(), auditTrail(true, "")))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(FAIL, "CloudTrail trail audit encrypts its log files only with S3-managed keys"
                        + " (SSE-S3): whoever can read the bucket can read them."));
    }

    /** Trail {@code audit}, multi-region and logging. */
    private static AwsCloudTrailTrail auditTrail(boolean logFileValidation, String kmsKeyId) {
        return new AwsCloudTrailTrail(trail(ACCOUNT, "us-east-1", "audit"), true, true, logFileValidation, kmsKeyId, false,
                evidence('a'));
    }
}
