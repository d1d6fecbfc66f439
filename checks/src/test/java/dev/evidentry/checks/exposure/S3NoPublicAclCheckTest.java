package dev.evidentry.checks.exposure;

import static dev.evidentry.checks.Fixtures.ACCOUNT;
import static dev.evidentry.checks.Fixtures.awsAccount;
import static dev.evidentry.checks.Fixtures.bucket;
import static dev.evidentry.checks.Fixtures.evaluate;
import static dev.evidentry.checks.Fixtures.evidence;
import static dev.evidentry.spi.Outcome.ERROR;
import static dev.evidentry.spi.Outcome.FAIL;
import static dev.evidentry.spi.Outcome.PASS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.evidentry.spi.Finding;
import dev.evidentry.spi.fact.aws.AwsS3AccountPublicAccessBlock;
import dev.evidentry.spi.fact.aws.AwsS3BucketAcl;
import dev.evidentry.spi.fact.aws.AwsS3BucketPublicAccessBlock;
import dev.evidentry.spi.fact.aws.PublicAccessBlockSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class S3NoPublicAclCheckTest {

    private static final PublicAccessBlockSettings OFF = PublicAccessBlockSettings.NONE;
    private static final PublicAccessBlockSettings IGNORE = new PublicAccessBlockSettings(true, false, true, false, false);
    private static final List<String> PUBLIC = List.of("AllUsers:READ", "AuthenticatedUsers:WRITE");

    private final S3NoPublicAclCheck check = new S3NoPublicAclCheck();

    @Test
    void aclWithoutPublicGrantsPasses() {
        assertThat(evaluate(check, acl("private", List.of()), bucketBlock("private", OFF), account(OFF)))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(PASS, "The ACL of bucket private grants nothing to AllUsers or AuthenticatedUsers."));
    }

    @Test
    void publicGrantsFailByName() {
        assertThat(evaluate(check, acl("open", PUBLIC), bucketBlock("open", OFF), account(OFF)))
                .extracting(Finding::outcome, Finding::message, finding -> finding.evidence().size())
                .containsExactly(tuple(FAIL, "The ACL of bucket open grants AllUsers:READ, AuthenticatedUsers:WRITE,"
                        + " and IgnorePublicAcls is off at bucket and account level.", 3));
    }

    @Test
    void ignorePublicAclsAtEitherLevelNeutralisesTheGrantsAndSaysWhere() {
        assertThat(evaluate(check,
                acl("a-bucket-ignored", PUBLIC), bucketBlock("a-bucket-ignored", IGNORE),
                acl("b-account-ignored", PUBLIC), bucketBlock("b-account-ignored", OFF),
                account(IGNORE)))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(
                        tuple(PASS, "The ACL of bucket a-bucket-ignored grants AllUsers:READ, AuthenticatedUsers:WRITE,"
                                + " but S3 ignores it: IgnorePublicAcls is on at bucket and account level."),
                        tuple(PASS, "The ACL of bucket b-account-ignored grants AllUsers:READ, AuthenticatedUsers:WRITE,"
                                + " but S3 ignores it: IgnorePublicAcls is on at account level."));
    }

    @Test
    void publicGrantsWithoutTheSettingsThatCouldNeutraliseThemAreAnError() {
        assertThat(evaluate(check, acl("unsure", List.of("AllUsers:READ")), account(OFF)))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(ERROR, "The ACL of bucket unsure grants AllUsers:READ, and whether IgnorePublicAcls"
                        + " neutralises it could not be read: the bucket-level settings were not collected."));
    }

    private static AwsS3BucketAcl acl(String name, List<String> grants) {
        return new AwsS3BucketAcl(bucket(name), grants, evidence('a'));
    }

    private static AwsS3BucketPublicAccessBlock bucketBlock(String name, PublicAccessBlockSettings settings) {
        return new AwsS3BucketPublicAccessBlock(bucket(name), settings, evidence('b'));
    }

    private static AwsS3AccountPublicAccessBlock account(PublicAccessBlockSettings settings) {
        return new AwsS3AccountPublicAccessBlock(awsAccount(ACCOUNT), settings, evidence('c'));
    }
}
