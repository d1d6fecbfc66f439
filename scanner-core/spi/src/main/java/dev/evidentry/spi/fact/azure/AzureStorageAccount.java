package dev.evidentry.spi.fact.azure;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import java.util.List;

/**
 * A storage account's security settings (resource type {@code azure.storage.account}), from the Storage resource
 * provider's account listing.
 *
 * @param keySource {@code Microsoft.Storage} (Microsoft-managed keys) or {@code Microsoft.Keyvault} (customer-managed)
 * @param infrastructureEncryption whether a second layer of encryption with a platform key is required
 * @param httpsTrafficOnly whether only HTTPS is accepted ({@code supportsHttpsTrafficOnly}: secure transfer)
 * @param minimumTlsVersion {@code TLS1_0}, {@code TLS1_1}, {@code TLS1_2}, {@code TLS1_3}; empty when Azure does not say
 *     (then TLS 1.0 is accepted)
 * @param allowBlobPublicAccess whether containers may be made public; Azure's documented default when the property is
 *     absent is {@code false} for the API version read
 */
public record AzureStorageAccount(
        ResourceRef resource,
        String keySource,
        boolean infrastructureEncryption,
        boolean httpsTrafficOnly,
        String minimumTlsVersion,
        boolean allowBlobPublicAccess,
        List<EvidenceId> evidence) implements Fact {

    public static final String KIND = "azure.storage.account";

    public AzureStorageAccount {
        requireNonNull(resource, "resource is null");
        requireNonNull(keySource, "keySource is null");
        requireNonNull(minimumTlsVersion, "minimumTlsVersion is null");
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    /** Whether the minimum TLS version is 1.2 or later. */
    public boolean tls12OrLater() {
        return minimumTlsVersion.equals("TLS1_2") || minimumTlsVersion.equals("TLS1_3");
    }

    @Override
    public String kind() {
        return KIND;
    }
}
