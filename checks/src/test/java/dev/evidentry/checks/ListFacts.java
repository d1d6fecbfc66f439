package dev.evidentry.checks;

import dev.evidentry.spi.Fact;
import dev.evidentry.spi.Facts;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Facts over a list of records, ordered by resource as the engine orders them (stable for one resource's facts). */
public record ListFacts(List<Fact> facts) implements Facts {

    public ListFacts {
        facts = List.copyOf(facts);
    }

    public static ListFacts of(Fact... facts) {
        return new ListFacts(List.of(facts));
    }

    @Override
    public <T extends Fact> Stream<T> all(Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).sorted(Comparator.comparing(Fact::resource));
    }
}
