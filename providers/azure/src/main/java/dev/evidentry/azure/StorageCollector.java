package dev.evidentry.azure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.DataStoreEncryption;
import dev.evidentry.spi.fact.EncryptionAtRest;
import dev.evidentry.spi.fact.azure.AzureStorageAccount;
import java.util.List;
import java.util.Set;

/**
 * Storage accounts of one subscription, from one paginated listing
 * ({@code GET /subscriptions/{id}/providers/Microsoft.Storage/storageAccounts}): everything needed is in the list.
 */
final class StorageCollector extends ArmCollector {

    static final String API_VERSION = "2023-05-01";
    static final String OPERATION = "Microsoft.Storage/storageAccounts:list";
    static final String TYPE = "azure.storage.account";
    static final Set<String> KINDS = Set.of(AzureStorageAccount.KIND, DataStoreEncryption.KIND);

    StorageCollector(AzureRest arm, Subscription subscription, FactSink sink) {
        super(arm, subscription, sink);
    }

    @Override
    Set<String> kinds() {
        return KINDS;
    }

    @Override
    String name() {
        return "storage accounts";
    }

    @Override
    void collect() {
        arm.list(OPERATION, "/subscriptions/" + subscription.id()
                + "/providers/Microsoft.Storage/storageAccounts?api-version=" + API_VERSION, page -> {
                    for (JsonNode item : page.items()) {
                        account(item, page.evidence());
                    }
                });
    }

    private void account(JsonNode item, EvidenceId evidence) {
        ResourceRef ref;
        try {
            ref = subscription.resource(item, TYPE);
        } catch (IllegalArgumentException e) {
            scopeIssue("", AzureCallException.malformed(OPERATION, "a storage account without id or name", evidence),
                    KINDS, subscription.describe());
            return;
        }
        try {
            JsonNode properties = item.path("properties");
            JsonNode encryption = properties.path("encryption");
            String keySource = text(encryption, "keySource");
            // Documented defaults when a property is absent (2023-05-01): HTTPS only since 2019-04-01; TLS 1.0;
            // public blob access false; no infrastructure encryption.
            sink.accept(new AzureStorageAccount(ref, keySource, bool(encryption, "requireInfrastructureEncryption",
                    false), bool(properties, "supportsHttpsTrafficOnly", true), text(properties, "minimumTlsVersion"),
                    bool(properties, "allowBlobPublicAccess", false), List.of(evidence)));
            sink.accept(encryption(ref, keySource, encryption.path("keyvaultproperties"), evidence));
        } catch (MalformedItemException e) {
            sink.issue(CollectionIssue.forResource(ref, OPERATION, KINDS, IssueCause.MALFORMED_RESPONSE,
                    OPERATION + " for storage account " + ref.name() + ": the answer could not be read: "
                            + e.getMessage() + " (evidence " + evidence + ")"));
        }
    }

    private static DataStoreEncryption encryption(ResourceRef ref, String keySource, JsonNode keyVault,
            EvidenceId evidence) {
        if (keySource.equalsIgnoreCase("Microsoft.Keyvault")) {
            String uri = text(keyVault, "keyvaulturi");
            String key = text(keyVault, "keyname");
            String keyId = uri.isEmpty() ? key : (uri.endsWith("/") ? uri : uri + "/") + "keys/" + key;
            return new DataStoreEncryption(ref, EncryptionAtRest.CUSTOMER_KEY, keyId, keySource, List.of(evidence));
        }
        if (keySource.equalsIgnoreCase("Microsoft.Storage")) {
            return new DataStoreEncryption(ref, EncryptionAtRest.PROVIDER_KEY, "", keySource, List.of(evidence));
        }
        return new DataStoreEncryption(ref, EncryptionAtRest.UNKNOWN, "", keySource.isEmpty()
                ? "no encryption key source reported" : keySource, List.of(evidence));
    }
}
