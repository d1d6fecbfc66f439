package dev.evidentry.core.collect;

import static java.util.Objects.requireNonNull;

import dev.evidentry.core.evidence.EvidenceStore;
import dev.evidentry.core.evidence.SecretRedactor;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.Provider;
import dev.evidentry.spi.ProviderDescriptor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs every selected provider, each on its own thread and all sharing one bounded pool for their fan-out. A provider
 * that throws loses nothing it already reported: its failure becomes one issue covering every kind it declares.
 */
public final class Collector {

    private static final System.Logger LOG = System.getLogger(Collector.class.getName());

    private final Clock clock;
    private final EvidenceStore evidence;
    private final SecretRedactor redactor;
    private final BoundedExecutor executor;
    private final ProgressListener progress;

    public Collector(Clock clock, EvidenceStore evidence, SecretRedactor redactor, BoundedExecutor executor,
            ProgressListener progress) {
        this.clock = requireNonNull(clock, "clock is null");
        this.evidence = requireNonNull(evidence, "evidence is null");
        this.redactor = requireNonNull(redactor, "redactor is null");
        this.executor = requireNonNull(executor, "executor is null");
        this.progress = requireNonNull(progress, "progress is null");
    }

    public void collect(List<Provider> providers, Map<String, Map<String, String>> optionsByProvider, FactStore store) {
        List<Thread> threads = new ArrayList<>();
        for (Provider provider : providers) {
            ProviderDescriptor descriptor = provider.descriptor();
            Map<String, String> options = optionsByProvider.getOrDefault(descriptor.id(), Map.of());
            descriptor.secretOptions().stream().map(options::get).forEach(redactor::registerSecret);
            Thread thread = new Thread(() -> collectOne(provider, descriptor, options, store),
                    "evidentry-provider-" + descriptor.id());
            thread.setContextClassLoader(provider.getClass().getClassLoader());
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("collection interrupted", e);
            }
        }
    }

    private void collectOne(Provider provider, ProviderDescriptor descriptor, Map<String, String> options,
            FactStore store) {
        EngineCollectContext context =
                new EngineCollectContext(descriptor.id(), options, clock, evidence, redactor, executor, progress);
        try {
            provider.collect(context, new ProviderSink(descriptor, store, redactor));
        } catch (RuntimeException | Error e) {
            // Errors too: a provider thread that died of OutOfMemoryError or StackOverflowError unseen would leave its
            // checks without facts and without issues, a silent pass. The stack trace goes through the redactor: a
            // provider's exception may quote its own token.
            LOG.log(System.Logger.Level.DEBUG, () -> redactor.redactValues("provider " + descriptor.id() + " failed: "
                    + stackTrace(e)));
            store.add(new CollectionIssue(descriptor.id(), "", "", null, descriptor.id() + ":collect",
                    descriptor.factKinds(), IssueCause.PLUGIN_FAILURE, redactor.redactValues(stopped(descriptor, e))));
        }
    }

    private static String stopped(ProviderDescriptor descriptor, Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OutOfMemoryError) {
                return "provider " + descriptor.id() + " ran out of memory (" + cause.getMessage() + "); what it "
                        + "collected before is kept. Give the scanner a larger heap, such as "
                        + "EVIDENTRY_JAVA_OPTS=-Xmx2g, or scan less at once";
            }
        }
        return "provider " + descriptor.id() + " stopped with " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static String stackTrace(Throwable e) {
        StringWriter text = new StringWriter();
        e.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    /** Holds a provider to its descriptor: it may only report its own resources and the kinds it declares. */
    private record ProviderSink(ProviderDescriptor descriptor, FactStore store, SecretRedactor redactor)
            implements FactSink {

        @Override
        public void accept(Fact fact) {
            if (fact == null) {
                rejected("a null fact");
            } else if (!fact.resource().provider().equals(descriptor.id())) {
                rejected("a fact about provider " + fact.resource().provider() + "'s resource "
                        + fact.resource().nativeId());
            } else if (!descriptor.factKinds().contains(fact.kind())) {
                rejected("fact kind " + fact.kind() + ", which its descriptor does not declare");
            } else {
                store.add(fact);
            }
        }

        @Override
        public void issue(CollectionIssue issue) {
            if (issue == null) {
                rejected("a null issue");
                return;
            }
            // An issue is never dropped, even a malformed one: losing it could turn an ERROR into silence. One that
            // names another provider is kept under this provider's id, which is who reported it.
            store.add(new CollectionIssue(descriptor.id(), issue.account(), issue.region(), issue.resource(),
                    issue.operation(), issue.factKinds(), issue.cause(), redactor.redactValues(issue.message())));
        }

        private void rejected(String what) {
            store.add(new CollectionIssue(descriptor.id(), "", "", null, descriptor.id() + ":collect", Set.of(),
                    IssueCause.PLUGIN_FAILURE, "provider " + descriptor.id() + " reported " + what + "; it was dropped"));
        }
    }
}
