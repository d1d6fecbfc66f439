package dev.evidentry.azure;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evidentry.spi.ResourceRef;
import java.util.Locale;

/**
 * One subscription in scope, and how its resources are named: account = subscription id, region = the resource's
 * location, native id = its ARM resource id.
 */
record Subscription(String id, String displayName, String tenantId) {

    Subscription {
        requireNonNull(id, "id is null");
        requireNonNull(displayName, "displayName is null");
        requireNonNull(tenantId, "tenantId is null");
    }

    /** The subscription itself: what subscription-wide settings describe. */
    ResourceRef ref() {
        return ResourceRef.global(AzureProvider.ID, id, "azure.subscription", "/subscriptions/" + id,
                displayName.isEmpty() ? id : displayName);
    }

    /** A resource from an ARM listing item ({@code id}, {@code name}, {@code location}). */
    ResourceRef resource(JsonNode item, String type) {
        String resourceId = item.path("id").asText("");
        String name = item.path("name").asText("");
        if (resourceId.isEmpty() || name.isEmpty()) {
            throw new IllegalArgumentException("an item without id or name");
        }
        return new ResourceRef(AzureProvider.ID, id, item.path("location").asText("").toLowerCase(Locale.ROOT), type,
                resourceId, name);
    }

    /** "subscription Name (id)" for messages. */
    String describe() {
        return "subscription " + (displayName.isEmpty() ? id : displayName + " (" + id + ")");
    }
}
