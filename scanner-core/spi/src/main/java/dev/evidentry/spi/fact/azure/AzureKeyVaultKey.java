package dev.evidentry.spi.fact.azure;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One key in a Key Vault (resource type {@code azure.keyvault.key}), from the management plane's key listing.
 *
 * @param enabled whether the key can be used
 * @param expires when the key expires, or {@code null} when it never does
 */
public record AzureKeyVaultKey(ResourceRef resource, boolean enabled, Instant expires, List<EvidenceId> evidence)
        implements Fact {

    public static final String KIND = "azure.keyvault.key";

    public AzureKeyVaultKey {
        requireNonNull(resource, "resource is null");
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    public Optional<Instant> expiresIfSet() {
        return Optional.ofNullable(expires);
    }

    @Override
    public String kind() {
        return KIND;
    }
}
