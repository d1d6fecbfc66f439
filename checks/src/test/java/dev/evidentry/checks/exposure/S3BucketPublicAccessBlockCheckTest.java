package dev.evidentry.checks.exposure;

import static dev.evidentry.checks.Fixtures.awsAccount;
import static dev.evidentry.checks.Fixtures.bucket;
import static dev.evidentry.checks.Fixtures.evaluate;
import static dev.evidentry.checks.Fixtures.evidence;
import static dev.evidentry.spi.Outcome.ERROR;
import static dev.evidentry.spi.Outcome.FAIL;
import static dev.evidentry.spi.Outcome.PASS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.fact.aws.AwsS3AccountPublicAccessBlock;
import dev.evidentry.spi.fact.aws.AwsS3BucketPublicAccessBlock;
import dev.evidentry.spi.fact.aws.PublicAccessBlockSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class S3BucketPublicAccessBlockCheckTest {

    private static final PublicAccessBlockSettings ALL = new PublicAccessBlockSettings(true, true, true, true, true);
    private static final PublicAccessBlockSettings ACLS_ONLY = new PublicAccessBlockSettings(true, true, true, false, false);
    private static final PublicAccessBlockSettings POLICY_ONLY = new PublicAccessBlockSettings(true, false, false, true, true);

    private final S3BucketPublicAccessBlockCheck check = new S3BucketPublicAccessBlockCheck();

    @Test
    void bucketWithAllFourSettingsPassesOnItsOwn() {
        assertThat(evaluate(check, bucketBlock("111111111111", "own", ALL), account("111111111111", PublicAccessBlockSettings.NONE)))
                .extracting(Finding::outcome, Finding::message, Finding::evidence)
                .containsExactly(tuple(PASS, "Bucket own blocks public access with its own settings.", evidence('b')));
    }

    @Test
    void accountLevelBlockProtectsABucketWithoutItsOwnAndJoinsByAccount() {
        assertThat(evaluate(check,
                bucketBlock("111111111111", "covered", PublicAccessBlockSettings.NONE),
                bucketBlock("222222222222", "exposed", PublicAccessBlockSettings.NONE),
                account("111111111111", ALL),
                account("222222222222", ACLS_ONLY)))
                .extracting(Finding::outcome, Finding::message, Finding::evidence)
                .containsExactly(
                        tuple(PASS, "Bucket covered is protected by the account-level settings of account 111111111111.",
                                both()),
                        tuple(FAIL, "Bucket exposed does not block public access: BlockPublicPolicy, RestrictPublicBuckets"
                                + " off at both bucket and account level.", both()));
    }

    @Test
    void bucketAndAccountSettingsCanProtectTogether() {
        assertThat(evaluate(check, bucketBlock("111111111111", "shared", POLICY_ONLY), account("111111111111", ACLS_ONLY)))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(PASS, "Bucket shared blocks public access through bucket and account settings"
                        + " together (bucket level: BlockPublicPolicy, RestrictPublicBuckets; account level:"
                        + " BlockPublicAcls, IgnorePublicAcls)."));
    }

    @Test
    void shortfallWithoutTheAccountLevelFactIsAnError() {
        assertThat(evaluate(check, bucketBlock("111111111111", "unsure", ACLS_ONLY)))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(ERROR, "Bucket unsure leaves off BlockPublicPolicy, RestrictPublicBuckets at"
                        + " bucket level, and the account-level settings of account 111111111111 were not collected."));
    }

    private static List<EvidenceId> both() {
        return List.of(evidence('a').get(0), evidence('b').get(0));
    }

    private static AwsS3BucketPublicAccessBlock bucketBlock(String account, String name, PublicAccessBlockSettings settings) {
        return new AwsS3BucketPublicAccessBlock(bucket(account, name), settings, evidence('b'));
    }

    private static AwsS3AccountPublicAccessBlock account(String id, PublicAccessBlockSettings settings) {
        return new AwsS3AccountPublicAccessBlock(awsAccount(id), settings, evidence('a'));
    }
}
