package dev.evidentry.checks.exposure;

import static dev.evidentry.checks.Fixtures.awsAccount;
import static dev.evidentry.checks.Fixtures.evaluate;
import static dev.evidentry.checks.Fixtures.evidence;
import static dev.evidentry.spi.Outcome.FAIL;
import static dev.evidentry.spi.Outcome.PASS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.evidentry.spi.Finding;
import dev.evidentry.spi.fact.aws.AwsS3AccountPublicAccessBlock;
import dev.evidentry.spi.fact.aws.PublicAccessBlockSettings;
import org.junit.jupiter.api.Test;

class S3AccountPublicAccessBlockCheckTest {

    private final S3AccountPublicAccessBlockCheck check = new S3AccountPublicAccessBlockCheck();

    @Test
    void allFourSettingsOnPasses() {
        assertThat(evaluate(check, account("111111111111", new PublicAccessBlockSettings(true, true, true, true, true))))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(PASS, "S3 Block Public Access is fully on for account 111111111111."));
    }

    @Test
    void missingSettingsFailByName() {
        assertThat(evaluate(check, account("111111111111", new PublicAccessBlockSettings(true, true, false, true, false))))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(FAIL, "S3 Block Public Access for account 111111111111 leaves off:"
                        + " IgnorePublicAcls, RestrictPublicBuckets."));
    }

    @Test
    void noConfigurationFailsNamingAllFour() {
        assertThat(evaluate(check, account("111111111111", PublicAccessBlockSettings.NONE)))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(FAIL, "There is no S3 Block Public Access configuration for account 111111111111;"
                        + " off: BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets."));
    }

    private static AwsS3AccountPublicAccessBlock account(String id, PublicAccessBlockSettings settings) {
        return new AwsS3AccountPublicAccessBlock(awsAccount(id), settings, evidence('a'));
    }
}
