package dev.evidentry.testkit;

import dev.evidentry.core.collect.BoundedExecutor;
import dev.evidentry.core.collect.Collector;
import dev.evidentry.core.collect.FactStore;
import dev.evidentry.core.collect.ProgressListener;
import dev.evidentry.core.evidence.EvidenceStore;
import dev.evidentry.core.evidence.SecretRedactor;
import dev.evidentry.spi.Provider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Loads a provider the way the scanner does, through {@link ServiceLoader}, and runs its collection with the engine's
 * real context: the bounded pool, the redacting evidence store, the provider-scoped sink. A provider that is not
 * registered in {@code META-INF/services} fails here, not in production.
 */
public final class ProviderTestKit {

    /** The clock every collection uses unless a test gives its own. */
    public static final Clock FIXED_CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private final Provider provider;

    private ProviderTestKit(Provider provider) {
        this.provider = provider;
    }

    public static ProviderTestKit load(String providerId) {
        List<Provider> found = ServiceLoader.load(Provider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(candidate -> candidate.descriptor().id().equals(providerId))
                .toList();
        if (found.size() != 1) {
            throw new AssertionError("expected exactly one provider with id '" + providerId + "' registered in "
                    + "META-INF/services/" + Provider.class.getName() + ", found " + found.size());
        }
        return new ProviderTestKit(found.get(0));
    }

    public Provider provider() {
        return provider;
    }

    public CollectionResult collect(Map<String, String> options) {
        return collect(options, FIXED_CLOCK);
    }

    public CollectionResult collect(Map<String, String> options, Clock clock) {
        Path evidenceDirectory;
        try {
            evidenceDirectory = Files.createTempDirectory("evidentry-testkit-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SecretRedactor redactor = new SecretRedactor();
        EvidenceStore evidence = new EvidenceStore(evidenceDirectory, redactor, clock);
        FactStore store = new FactStore(clock);
        try (BoundedExecutor executor = new BoundedExecutor(8)) {
            new Collector(clock, evidence, redactor, executor, ProgressListener.NONE)
                    .collect(List.of(provider), Map.of(provider.descriptor().id(), options), store);
        }
        store.freeze();
        return new CollectionResult(store.all().toList(), store.issues(), evidenceDirectory);
    }
}
