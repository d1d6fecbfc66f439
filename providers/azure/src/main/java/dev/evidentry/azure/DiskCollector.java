package dev.evidentry.azure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.DataStoreEncryption;
import dev.evidentry.spi.fact.EncryptionAtRest;
import java.util.List;
import java.util.Set;

/**
 * Managed disks of one subscription and their encryption type, from one paginated listing
 * ({@code GET /subscriptions/{id}/providers/Microsoft.Compute/disks}).
 */
final class DiskCollector extends ArmCollector {

    static final String API_VERSION = "2023-04-02";
    static final String OPERATION = "Microsoft.Compute/disks:list";
    static final String TYPE = "azure.compute.disk";
    static final Set<String> KINDS = Set.of(DataStoreEncryption.KIND);

    DiskCollector(AzureRest arm, Subscription subscription, FactSink sink) {
        super(arm, subscription, sink);
    }

    @Override
    Set<String> kinds() {
        return KINDS;
    }

    @Override
    String name() {
        return "managed disks";
    }

    @Override
    void collect() {
        arm.list(OPERATION, "/subscriptions/" + subscription.id() + "/providers/Microsoft.Compute/disks?api-version="
                + API_VERSION, page -> {
                    for (JsonNode item : page.items()) {
                        disk(item, page.evidence());
                    }
                });
    }

    private void disk(JsonNode item, EvidenceId evidence) {
        ResourceRef ref;
        try {
            ref = subscription.resource(item, TYPE);
        } catch (IllegalArgumentException e) {
            scopeIssue("", AzureCallException.malformed(OPERATION, "a disk without id or name", evidence), KINDS,
                    subscription.describe());
            return;
        }
        JsonNode encryption = item.path("properties").path("encryption");
        String type = text(encryption, "type");
        String diskEncryptionSet = text(encryption, "diskEncryptionSetId");
        EncryptionAtRest state = switch (type) {
            case "EncryptionAtRestWithPlatformKey" -> EncryptionAtRest.PROVIDER_KEY;
            case "EncryptionAtRestWithCustomerKey", "EncryptionAtRestWithPlatformAndCustomerKeys" ->
                    EncryptionAtRest.CUSTOMER_KEY;
            default -> EncryptionAtRest.UNKNOWN;
        };
        sink.accept(new DataStoreEncryption(ref, state, state == EncryptionAtRest.CUSTOMER_KEY ? diskEncryptionSet : "",
                type.isEmpty() ? "no encryption type reported" : type, List.of(evidence)));
    }
}
