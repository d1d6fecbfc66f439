package dev.evidentry.azure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.azure.AzureKeyVault;
import dev.evidentry.spi.fact.azure.AzureKeyVaultKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Key Vaults of one subscription (soft delete, purge protection) and their keys' expiry, through Resource Manager. */
final class KeyVaultCollector extends ArmCollector {

    static final String API_VERSION = "2023-07-01";
    static final String VAULTS = "Microsoft.KeyVault/vaults:listBySubscription";
    static final String KEYS = "Microsoft.KeyVault/vaults/keys:list";
    static final Set<String> KINDS = Set.of(AzureKeyVault.KIND, AzureKeyVaultKey.KIND);

    KeyVaultCollector(AzureRest arm, Subscription subscription, FactSink sink) {
        super(arm, subscription, sink);
    }

    @Override
    Set<String> kinds() {
        return KINDS;
    }

    @Override
    String name() {
        return "Key Vaults";
    }

    @Override
    void collect() {
        List<ResourceRef> vaults = new ArrayList<>();
        arm.list(VAULTS, "/subscriptions/" + subscription.id() + "/providers/Microsoft.KeyVault/vaults?api-version="
                + API_VERSION, page -> {
                    for (JsonNode item : page.items()) {
                        ResourceRef vault = subscription.resource(item, "azure.keyvault.vault");
                        JsonNode properties = item.path("properties");
                        // Absent soft delete or purge protection is reported as off: never a pass Azure did not state.
                        sink.accept(new AzureKeyVault(vault, bool(properties, "enableSoftDelete", false),
                                bool(properties, "enablePurgeProtection", false),
                                properties.path("softDeleteRetentionInDays").asInt(0), List.of(page.evidence())));
                        vaults.add(vault);
                    }
                });
        for (ResourceRef vault : vaults) {
            keys(vault);
        }
    }

    private void keys(ResourceRef vault) {
        try {
            arm.list(KEYS, vault.nativeId() + "/keys?api-version=" + API_VERSION, page -> {
                for (JsonNode item : page.items()) {
                    key(vault, item, page.evidence());
                }
            });
        } catch (AzureCallException e) {
            scopeIssue(vault.region(), e, Set.of(AzureKeyVaultKey.KIND), "the keys of Key Vault " + vault.name());
        }
    }

    private void key(ResourceRef vault, JsonNode item, EvidenceId evidence) {
        String id = item.path("id").asText("");
        String name = item.path("name").asText("");
        JsonNode attributes = item.path("properties").path("attributes");
        JsonNode exp = attributes.get("exp");
        Instant expires = exp == null || exp.isNull() ? null : Instant.ofEpochSecond(exp.asLong());
        ResourceRef key = new ResourceRef(AzureProvider.ID, subscription.id(), vault.region(), "azure.keyvault.key",
                id, vault.name() + "/" + name);
        sink.accept(new AzureKeyVaultKey(key, attributes.path("enabled").asBoolean(true), expires,
                List.of(evidence)));
    }
}
