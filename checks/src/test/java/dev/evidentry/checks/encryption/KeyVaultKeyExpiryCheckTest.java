package dev.evidentry.checks.encryption;

import static dev.evidentry.checks.Fixtures.CLOCK;
import static dev.evidentry.checks.Fixtures.NOW;
import static dev.evidentry.checks.Fixtures.evaluate;
import static dev.evidentry.checks.Fixtures.evidence;
import static dev.evidentry.spi.Outcome.FAIL;
import static dev.evidentry.spi.Outcome.NOT_APPLICABLE;
import static dev.evidentry.spi.Outcome.PASS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.evidentry.spi.Finding;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.azure.AzureKeyVaultKey;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KeyVaultKeyExpiryCheckTest {

    private static final String SUB = "11111111-2222-4333-8444-555555555555";

    private final KeyVaultKeyExpiryCheck check = new KeyVaultKeyExpiryCheck();

    private static AzureKeyVaultKey key(String name, boolean enabled, Instant expires) {
        return new AzureKeyVaultKey(new ResourceRef("azure", SUB, "westus", "azure.keyvault.key",
                "https://sample-vault.vault.azure.net/keys/" + name, "sample-vault/" + name), enabled, expires,
                evidence('a'));
    }

    @Test
    void describesItself() {
        assertThat(check.descriptor().id()).isEqualTo("azure.keyvault.key-expiry");
        assertThat(check.descriptor().severity()).isEqualTo(Severity.MEDIUM);
        assertThat(check.descriptor().requiredFacts()).containsExactly(AzureKeyVaultKey.KIND);
        assertThat(check.descriptor().criteria()).containsExactly("CC6.1", "C1.1");
    }

    @Test
    void anExpiryDatePassesNoneFailsDisabledDoesNotApply() {
        assertThat(evaluate(check, CLOCK,
                key("sample-key", true, Instant.parse("2027-06-30T00:00:00Z")),
                key("forever", true, null),
                key("old", true, NOW.minus(Duration.ofDays(10))),
                key("retired", false, null)))
                .extracting(Finding::outcome, Finding::message).containsExactlyInAnyOrder(
                        tuple(PASS, "Key Vault key sample-vault/sample-key expires on 2027-06-30."),
                        tuple(FAIL, "Key Vault key sample-vault/forever has no expiration date: it can be used for"
                                + " ever."),
                        tuple(PASS, "Key Vault key sample-vault/old expired on 2026-11-13."),
                        tuple(NOT_APPLICABLE, "Key Vault key sample-vault/retired is disabled: nothing can encrypt"
                                + " with it."));
    }

    @Test
    void noKeysNoFindings() {
        assertThat(evaluate(check)).isEmpty();
    }
}
