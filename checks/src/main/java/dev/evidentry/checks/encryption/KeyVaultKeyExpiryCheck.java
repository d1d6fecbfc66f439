package dev.evidentry.checks.encryption;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.azure.AzureKeyVaultKey;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every enabled Key Vault key has an expiration date, so it is replaced on a schedule rather than used for ever. A
 * disabled key is not applicable: nothing can encrypt with it.
 */
public final class KeyVaultKeyExpiryCheck implements Check {

    public static final String ID = "azure.keyvault.key-expiry";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "Key Vault keys have an expiration date", Severity.MEDIUM, Set.of(AzureKeyVaultKey.KIND),
            List.of("CC6.1", "C1.1"), CheckHelp.load(KeyVaultKeyExpiryCheck.class, ID));

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        Instant now = facts.clock().instant();
        return facts.all(AzureKeyVaultKey.class).map(key -> judge(key, now));
    }

    private Finding judge(AzureKeyVaultKey key, Instant now) {
        String name = "Key Vault key " + key.resource().name();
        if (!key.enabled()) {
            return Finding.notApplicable(descriptor, key, name + " is disabled: nothing can encrypt with it.");
        }
        if (key.expiresIfSet().isEmpty()) {
            return Finding.fail(descriptor, key, name + " has no expiration date: it can be used for ever.");
        }
        Instant expires = key.expires();
        return Finding.pass(descriptor, key, name + (expires.isAfter(now) ? " expires on " : " expired on ")
                + DAY.format(expires) + ".");
    }
}
