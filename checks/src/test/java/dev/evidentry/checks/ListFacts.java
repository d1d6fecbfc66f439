package dev.evidentry.checks;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.Fact;
import dev.evidentry.spi.Facts;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Facts over a list of records, ordered by resource as the engine orders them (stable for one resource's facts), with
 * the scan clock the checks measure ages against: {@link Fixtures#CLOCK} unless given.
 */
public record ListFacts(List<Fact> facts, Clock clock) implements Facts {

    public ListFacts {
        facts = List.copyOf(facts);
        requireNonNull(clock, "clock is null");
    }

    /** Facts measured against the fixed {@link Fixtures#CLOCK}. */
    public ListFacts(List<Fact> facts) {
        this(facts, Fixtures.CLOCK);
    }

    /** Facts measured against the fixed {@link Fixtures#CLOCK}. */
    public static ListFacts of(Fact... facts) {
        return new ListFacts(List.of(facts));
    }

    /** Facts measured against {@code clock}. */
    public static ListFacts at(Clock clock, Fact... facts) {
        return new ListFacts(List.of(facts), clock);
    }

    @Override
    public <T extends Fact> Stream<T> all(Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).sorted(Comparator.comparing(Fact::resource));
    }
}
