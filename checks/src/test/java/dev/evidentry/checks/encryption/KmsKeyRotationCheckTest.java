package dev.evidentry.checks.encryption;

import static dev.evidentry.checks.Fixtures.evaluate;
import static dev.evidentry.checks.Fixtures.evidence;
import static dev.evidentry.checks.Fixtures.kmsKey;
import static dev.evidentry.spi.Outcome.FAIL;
import static dev.evidentry.spi.Outcome.NOT_APPLICABLE;
import static dev.evidentry.spi.Outcome.PASS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.evidentry.spi.Finding;
import dev.evidentry.spi.fact.aws.AwsKmsKey;
import org.junit.jupiter.api.Test;

class KmsKeyRotationCheckTest {

    private final KmsKeyRotationCheck check = new KmsKeyRotationCheck();

    @Test
    void anEnabledSymmetricKeyWithRotationOnPasses() {
        assertThat(evaluate(check, key("a-payroll", "Enabled", "SYMMETRIC_DEFAULT", true)))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(PASS, "KMS key a-payroll rotates its key material automatically."));
    }

    @Test
    void anEnabledSymmetricKeyWithRotationOffFails() {
        assertThat(evaluate(check, key("b-orders", "Enabled", "SYMMETRIC_DEFAULT", false)))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(FAIL, "KMS key b-orders does not rotate its key material automatically."));
    }

    @Test
    void keysKmsCannotRotateAreNotApplicableWithTheReason() {
        assertThat(evaluate(check,
                key("c-signing", "Enabled", "RSA_2048", false),
                key("d-ecc", "Enabled", "ECC_NIST_P256", false),
                key("e-mac", "Enabled", "HMAC_256", false),
                key("f-old", "Disabled", "SYMMETRIC_DEFAULT", true),
                key("g-doomed", "PendingDeletion", "SYMMETRIC_DEFAULT", false),
                key("h-imported", "PendingImport", "SYMMETRIC_DEFAULT", false)))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(
                        tuple(NOT_APPLICABLE, "KMS key c-signing cannot rotate automatically: it is an asymmetric key"
                                + " (RSA_2048)."),
                        tuple(NOT_APPLICABLE, "KMS key d-ecc cannot rotate automatically: it is an asymmetric key"
                                + " (ECC_NIST_P256)."),
                        tuple(NOT_APPLICABLE, "KMS key e-mac cannot rotate automatically: it is an HMAC key (HMAC_256)."),
                        tuple(NOT_APPLICABLE, "KMS key f-old cannot rotate automatically: it is disabled."),
                        tuple(NOT_APPLICABLE, "KMS key g-doomed cannot rotate automatically: it is pending deletion."),
                        tuple(NOT_APPLICABLE, "KMS key h-imported cannot rotate automatically: its state is"
                                + " PendingImport."));
    }

    @Test
    void theKeySpecIsTheReasonWhenBothSpecAndStateRuleRotationOut() {
        assertThat(evaluate(check, key("i-retired-signing", "Disabled", "RSA_4096", false)))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(NOT_APPLICABLE, "KMS key i-retired-signing cannot rotate automatically: it is"
                        + " an asymmetric key (RSA_4096)."));
    }

    private static AwsKmsKey key(String name, String state, String spec, boolean rotationEnabled) {
        return new AwsKmsKey(kmsKey(name), state, spec, rotationEnabled, evidence('a'));
    }
}
