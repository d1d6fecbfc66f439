package dev.evidentry.spi;

import java.time.Clock;
import java.util.stream.Stream;

/** Read-only view of everything collected, as checks see it. Iteration order is deterministic (by resource). */
public interface Facts {

    /** Every fact of the given type, ordered by resource. */
    <T extends Fact> Stream<T> all(Class<T> type);

    /** The scan's clock: age rules (key rotation, unused credentials) measure against it, never the wall clock. */
    default Clock clock() {
        return Clock.systemUTC();
    }
}
