package dev.evidentry.spi;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** What the engine lends a provider for one scan. Thread-safe. */
public interface CollectContext {

    /** A provider option given on the command line or in the configuration file, already trimmed; never a blank. */
    Optional<String> option(String key);

    /** A comma-separated option as a list, empty when not given. */
    default List<String> optionList(String key) {
        return option(key)
                .map(value -> java.util.Arrays.stream(value.split(","))
                        .map(String::trim)
                        .filter(item -> !item.isEmpty())
                        .toList())
                .orElse(List.of());
    }

    /** The scan's clock: every timestamp a provider records comes from it, so tests and golden files are stable. */
    Clock clock();

    /** Stores one raw API exchange (redacted of secrets by the engine) and returns its content address. */
    EvidenceId recordEvidence(RawEvidence evidence);

    /**
     * Runs {@code task} for every item with the scan's bounded concurrency and returns when all have finished.
     * Safe to nest: a call made from inside a running task runs its items on the calling thread.
     * An exception thrown by a task is rethrown after all tasks have finished.
     */
    <T> void forEachConcurrently(Collection<T> items, Consumer<T> task);

    /** Marks a value (a token, a key) as secret so that no output of this scan ever contains it. */
    void registerSecret(String value);

    /** Reports progress to the person watching; cheap, may be called from any thread. */
    Progress progress();

    /** Progress of a long collection: units of work planned and done. */
    interface Progress {
        void planned(int units);

        void done(String what);
    }
}
