package dev.evidentry.okta;

import dev.evidentry.core.collect.BoundedExecutor;
import dev.evidentry.core.collect.Collector;
import dev.evidentry.core.collect.FactStore;
import dev.evidentry.core.collect.ProgressListener;
import dev.evidentry.core.evidence.EvidenceStore;
import dev.evidentry.core.evidence.SecretRedactor;
import dev.evidentry.spi.Provider;
import dev.evidentry.testkit.CollectionResult;
import dev.evidentry.testkit.ProviderTestKit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs a provider built by the test (with a sleeper that records instead of sleeping, and a fake environment) with the
 * engine's real context, as {@link ProviderTestKit} does for the one {@code ServiceLoader} builds: the bounded pool,
 * the redacting evidence store, the provider-scoped sink.
 */
final class OktaHarness {

    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final Map<String, String> environment;

    OktaHarness(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    OktaHarness() {
        this(Map.of());
    }

    OktaProvider provider() {
        return new OktaProvider(sleeps::add, environment::get);
    }

    CollectionResult collect(Map<String, String> options) {
        return collect(provider(), options);
    }

    static CollectionResult collect(Provider provider, Map<String, String> options) {
        Path evidenceDirectory;
        try {
            evidenceDirectory = Files.createTempDirectory("evidentry-okta-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SecretRedactor redactor = new SecretRedactor();
        EvidenceStore evidence = new EvidenceStore(evidenceDirectory, redactor, ProviderTestKit.FIXED_CLOCK);
        FactStore store = new FactStore(ProviderTestKit.FIXED_CLOCK);
        try (BoundedExecutor executor = new BoundedExecutor(8)) {
            new Collector(ProviderTestKit.FIXED_CLOCK, evidence, redactor, executor, ProgressListener.NONE)
                    .collect(List.of(provider), Map.of(provider.descriptor().id(), options), store);
        }
        store.freeze();
        return new CollectionResult(store.all().toList(), store.issues(), evidenceDirectory);
    }
}
