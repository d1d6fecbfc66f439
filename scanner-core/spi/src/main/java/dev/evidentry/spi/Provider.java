package dev.evidentry.spi;

/**
 * A source of facts about one vendor's estate, found through {@link java.util.ServiceLoader}.
 *
 * <p>{@link #collect} reports everything it could not collect as a {@link CollectionIssue} on the sink rather than
 * throwing: a thrown exception is still caught by the engine, but then every fact kind of the provider is marked as
 * failed for the whole scope.
 */
public interface Provider {

    ProviderDescriptor descriptor();

    void collect(CollectContext context, FactSink sink);
}
