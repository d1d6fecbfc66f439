package dev.evidentry.core.collect;

import static java.util.Objects.requireNonNull;

import dev.evidentry.core.evidence.EvidenceStore;
import dev.evidentry.core.evidence.SecretRedactor;
import dev.evidentry.spi.CollectContext;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.RawEvidence;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The context one provider collects with: its options, the shared pool, the evidence store. */
final class EngineCollectContext implements CollectContext {

    private final String providerId;
    private final Map<String, String> options;
    private final Clock clock;
    private final EvidenceStore evidence;
    private final SecretRedactor redactor;
    private final BoundedExecutor executor;
    private final ProgressListener progressListener;

    EngineCollectContext(String providerId, Map<String, String> options, Clock clock, EvidenceStore evidence,
            SecretRedactor redactor, BoundedExecutor executor, ProgressListener progressListener) {
        this.providerId = requireNonNull(providerId, "providerId is null");
        this.options = Map.copyOf(options);
        this.clock = requireNonNull(clock, "clock is null");
        this.evidence = requireNonNull(evidence, "evidence is null");
        this.redactor = requireNonNull(redactor, "redactor is null");
        this.executor = requireNonNull(executor, "executor is null");
        this.progressListener = requireNonNull(progressListener, "progressListener is null");
    }

    @Override
    public Optional<String> option(String key) {
        return Optional.ofNullable(options.get(key)).map(String::trim).filter(value -> !value.isEmpty());
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public EvidenceId recordEvidence(RawEvidence raw) {
        return evidence.record(raw);
    }

    @Override
    public <T> void forEachConcurrently(Collection<T> items, Consumer<T> task) {
        executor.forEach(items, task);
    }

    @Override
    public void registerSecret(String value) {
        redactor.registerSecret(value);
    }

    @Override
    public Progress progress() {
        return new Progress() {
            @Override
            public void planned(int units) {
                progressListener.planned(providerId, units);
            }

            @Override
            public void done(String what) {
                progressListener.done(providerId, redactor.redactValues(what));
            }
        };
    }
}
