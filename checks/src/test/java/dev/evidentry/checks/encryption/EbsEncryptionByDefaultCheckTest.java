package dev.evidentry.checks.encryption;

import static dev.evidentry.checks.Fixtures.ACCOUNT;
import static dev.evidentry.checks.Fixtures.awsRegion;
import static dev.evidentry.checks.Fixtures.evaluate;
import static dev.evidentry.checks.Fixtures.evidence;
import static dev.evidentry.spi.Outcome.FAIL;
import static dev.evidentry.spi.Outcome.PASS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.evidentry.spi.Finding;
import dev.evidentry.spi.fact.aws.AwsEbsEncryptionByDefault;
import org.junit.jupiter.api.Test;

class EbsEncryptionByDefaultCheckTest {

    private final EbsEncryptionByDefaultCheck check = new EbsEncryptionByDefaultCheck();

    @Test
    void everyRegionIsJudgedOnItsOwnAndAFailureNamesTheRegion() {
        assertThat(evaluate(check,
                new AwsEbsEncryptionByDefault(awsRegion(ACCOUNT, "us-east-1"), false, evidence('b')),
                new AwsEbsEncryptionByDefault(awsRegion(ACCOUNT, "eu-west-1"), true, evidence('a'))))
                .extracting(finding -> finding.resource().region(), Finding::outcome, Finding::message)
                .containsExactly(
                        tuple("eu-west-1", PASS, "EBS encryption by default is on in region eu-west-1 of account "
                                + ACCOUNT + "."),
                        tuple("us-east-1", FAIL, "EBS encryption by default is off in region us-east-1 of account "
                                + ACCOUNT + ": new volumes there are unencrypted unless someone asks for encryption."));
    }

    @Test
    void aFindingRestsOnTheRegionsEvidence() {
        assertThat(evaluate(check, new AwsEbsEncryptionByDefault(awsRegion(ACCOUNT, "eu-west-1"), false, evidence('c'))))
                .extracting(Finding::resource, Finding::evidence)
                .containsExactly(tuple(awsRegion(ACCOUNT, "eu-west-1"), evidence('c')));
    }
}
