package dev.evidentry.spi.fact.azure;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import java.util.List;

/**
 * A Key Vault's deletion protection (resource type {@code azure.keyvault.vault}).
 *
 * @param softDelete whether deleted vaults and objects are kept for {@code softDeleteRetentionDays} (absent means
 *     enabled: Azure turns it on for every vault and it cannot be turned off)
 * @param purgeProtection whether a soft-deleted vault or object cannot be purged before its retention ends
 * @param softDeleteRetentionDays days deleted objects are kept, 0 when Azure does not say
 */
public record AzureKeyVault(
        ResourceRef resource, boolean softDelete, boolean purgeProtection, int softDeleteRetentionDays,
        List<EvidenceId> evidence) implements Fact {

    public static final String KIND = "azure.keyvault.vault";

    public AzureKeyVault {
        requireNonNull(resource, "resource is null");
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    @Override
    public String kind() {
        return KIND;
    }
}
