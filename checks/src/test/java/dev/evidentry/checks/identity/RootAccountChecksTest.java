package dev.evidentry.checks.identity;

import static dev.evidentry.checks.Fixtures.evaluate;
import static dev.evidentry.checks.Fixtures.evidence;
import static dev.evidentry.checks.Fixtures.rootUser;
import static dev.evidentry.spi.Outcome.FAIL;
import static dev.evidentry.spi.Outcome.PASS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.evidentry.spi.Finding;
import dev.evidentry.spi.fact.aws.AwsRootAccount;
import org.junit.jupiter.api.Test;

/** {@link RootAccountMfaCheck} and {@link RootAccountNoAccessKeysCheck}: two rules over the same fact. */
class RootAccountChecksTest {

    private static final AwsRootAccount HARDENED = new AwsRootAccount(rootUser("111111111111"), true, false, evidence('a'));
    private static final AwsRootAccount EXPOSED = new AwsRootAccount(rootUser("222222222222"), false, true, evidence('b'));

    @Test
    void rootMfa() {
        assertThat(evaluate(new RootAccountMfaCheck(), EXPOSED, HARDENED))
                .extracting(Finding::checkId, Finding::outcome, Finding::message)
                .containsExactly(
                        tuple("aws.iam.root-mfa", PASS, "The root user of account 111111111111 has MFA enabled."),
                        tuple("aws.iam.root-mfa", FAIL, "The root user of account 222222222222 has no MFA device."));
    }

    @Test
    void rootAccessKeys() {
        assertThat(evaluate(new RootAccountNoAccessKeysCheck(), HARDENED, EXPOSED))
                .extracting(Finding::checkId, Finding::outcome, Finding::message)
                .containsExactly(
                        tuple("aws.iam.root-no-access-keys", PASS,
                                "The root user of account 111111111111 has no access keys."),
                        tuple("aws.iam.root-no-access-keys", FAIL,
                                "The root user of account 222222222222 has access keys."));
    }
}
