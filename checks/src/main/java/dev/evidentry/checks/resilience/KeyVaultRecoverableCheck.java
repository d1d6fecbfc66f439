package dev.evidentry.checks.resilience;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.azure.AzureKeyVault;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Key Vaults keep deleted keys and secrets recoverable: soft delete and purge protection both on. */
public final class KeyVaultRecoverableCheck implements Check {

    public static final String ID = "azure.keyvault.recoverable";

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "Key Vaults have soft delete and purge protection", Severity.HIGH, Set.of(AzureKeyVault.KIND),
            List.of("CC6.1", "A1.2"), CheckHelp.load(KeyVaultRecoverableCheck.class, ID));

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        return facts.all(AzureKeyVault.class).map(this::judge);
    }

    private Finding judge(AzureKeyVault vault) {
        String name = "Key Vault " + vault.resource().name();
        if (!vault.softDelete()) {
            return Finding.fail(descriptor, vault, name + " has soft delete off: a deleted key is gone at once.");
        }
        return vault.purgeProtection()
                ? Finding.pass(descriptor, vault, name + " has soft delete and purge protection"
                        + (vault.softDeleteRetentionDays() > 0 ? " (" + vault.softDeleteRetentionDays()
                                + " days)." : "."))
                : Finding.fail(descriptor, vault, name + " has purge protection off: anyone allowed to purge can"
                        + " destroy a deleted key before its retention ends.");
    }
}
