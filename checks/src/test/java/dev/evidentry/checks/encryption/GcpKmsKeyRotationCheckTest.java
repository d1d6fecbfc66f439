package dev.evidentry.checks.encryption;

import static dev.evidentry.checks.Fixtures.evaluate;
import static dev.evidentry.checks.Fixtures.evidence;
import static dev.evidentry.spi.Outcome.FAIL;
import static dev.evidentry.spi.Outcome.NOT_APPLICABLE;
import static dev.evidentry.spi.Outcome.PASS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.evidentry.spi.Finding;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.gcp.GcpKmsKey;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GcpKmsKeyRotationCheckTest {

    private final GcpKmsKeyRotationCheck check = new GcpKmsKeyRotationCheck();

    private static GcpKmsKey key(String name, String purpose, Duration period) {
        return new GcpKmsKey(new ResourceRef("gcp", "acme-prod", "us-central1", "gcp.kms.key",
                "//cloudkms.googleapis.com/projects/acme-prod/locations/us-central1/keyRings/app/cryptoKeys/" + name,
                "app/" + name), purpose, period, "ENABLED", evidence('a'));
    }

    @Test
    void ninetyDaysPassesLongerOrNeverFailsAsymmetricDoesNotApply() {
        assertThat(evaluate(check, key("orders", "ENCRYPT_DECRYPT", Duration.ofDays(90)),
                key("archive", "ENCRYPT_DECRYPT", Duration.ofDays(365)), key("manual", "ENCRYPT_DECRYPT", null),
                key("signing", "ASYMMETRIC_SIGN", null)))
                .extracting(Finding::outcome, Finding::message).containsExactlyInAnyOrder(
                        tuple(PASS, "Cloud KMS key app/orders rotates every 90 days."),
                        tuple(FAIL, "Cloud KMS key app/archive rotates every 365 days, more than 90."),
                        tuple(FAIL, "Cloud KMS key app/manual has no rotation period: it never rotates automatically."),
                        tuple(NOT_APPLICABLE, "Cloud KMS key app/signing cannot rotate automatically: its purpose is "
                                + "ASYMMETRIC_SIGN."));
    }
}
