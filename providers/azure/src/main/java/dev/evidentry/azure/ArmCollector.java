package dev.evidentry.azure;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.ResourceRef;
import java.util.Set;

/** What every per-subscription collector shares: the ARM client, the subscription, the sink, and how to report. */
abstract class ArmCollector {

    final AzureRest arm;
    final Subscription subscription;
    final FactSink sink;

    ArmCollector(AzureRest arm, Subscription subscription, FactSink sink) {
        this.arm = requireNonNull(arm, "arm is null");
        this.subscription = requireNonNull(subscription, "subscription is null");
        this.sink = requireNonNull(sink, "sink is null");
    }

    /** Every fact kind this collector can emit: what a failure of its first listing costs. */
    abstract Set<String> kinds();

    /** A short name for progress and for the catch-all issue. */
    abstract String name();

    /** Collects; a failure of the first listing may be thrown as an {@link AzureCallException}. */
    abstract void collect();

    /** Runs {@link #collect()}, turning whatever escapes into one issue for the whole subscription. */
    final void run() {
        try {
            collect();
        } catch (AzureCallException e) {
            sink.issue(new CollectionIssue(AzureProvider.ID, subscription.id(), "", null, e.operation(), kinds(),
                    e.issueCause(), e.describe(subscription.describe())));
        } catch (RuntimeException e) {
            sink.issue(new CollectionIssue(AzureProvider.ID, subscription.id(), "", null, "azure:" + name(), kinds(),
                    IssueCause.PLUGIN_FAILURE, "collecting " + name() + " in " + subscription.describe()
                            + " failed: " + e));
        }
    }

    /** An issue about one resource: only its facts of {@code kinds} are missing. */
    void issue(ResourceRef resource, AzureCallException e, Set<String> kinds, String what) {
        sink.issue(CollectionIssue.forResource(resource, e.operation(), kinds, e.issueCause(), e.describe(what)));
    }

    /** An issue for the subscription (or one of its regions) when the resources affected cannot be named. */
    void scopeIssue(String region, AzureCallException e, Set<String> kinds, String what) {
        sink.issue(new CollectionIssue(AzureProvider.ID, subscription.id(), region, null, e.operation(), kinds,
                e.issueCause(), e.describe(what)));
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText("");
    }

    /** A boolean property, or {@code absent} when Azure leaves it out (each caller names the documented default). */
    static boolean bool(JsonNode node, String field, boolean absent) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isBoolean()) {
            throw new MalformedItemException(field + " is not true or false");
        }
        return value.booleanValue();
    }

    /** An item whose shape is wrong: reported as a malformed answer for that item. */
    static final class MalformedItemException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedItemException(String message) {
            super(message);
        }
    }
}
