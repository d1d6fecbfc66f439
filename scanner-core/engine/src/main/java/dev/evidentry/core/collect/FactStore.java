package dev.evidentry.core.collect;

import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.Facts;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

/**
 * Everything the providers collected in one scan: facts by type, and collection issues. Filled concurrently, then
 * frozen into a deterministic order (by resource, then kind, then content) before any check reads it.
 *
 * <p>Facts are small records; the raw evidence they rest on is already on disk, so this holds only what checks need.
 */
public final class FactStore implements Facts {

    private static final Comparator<Fact> ORDER = Comparator.comparing(Fact::resource)
            .thenComparing(Fact::kind)
            .thenComparing(Object::toString);
    private static final Comparator<CollectionIssue> ISSUE_ORDER = Comparator.comparing(CollectionIssue::provider)
            .thenComparing(CollectionIssue::account)
            .thenComparing(CollectionIssue::region)
            .thenComparing(issue -> issue.resource() == null ? "" : issue.resource().nativeId())
            .thenComparing(CollectionIssue::operation)
            .thenComparing(CollectionIssue::message)
            // Issues alike in all the above (one failure reported per fact kind, or with two causes) still need an
            // order of their own: they arrive from many threads, and the bundle must not depend on which came first.
            .thenComparing(CollectionIssue::cause)
            .thenComparing(issue -> String.join(",", new TreeSet<>(issue.factKinds())))
            .thenComparing(issue -> String.valueOf(issue.resource()));

    private final Clock clock;
    private final Map<Class<?>, ConcurrentLinkedQueue<Fact>> incoming = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<CollectionIssue> incomingIssues = new ConcurrentLinkedQueue<>();
    private volatile Map<Class<?>, List<Fact>> frozen;
    private volatile List<CollectionIssue> frozenIssues;

    public FactStore(Clock clock) {
        this.clock = java.util.Objects.requireNonNull(clock, "clock is null");
    }

    @Override
    public Clock clock() {
        return clock;
    }

    public void add(Fact fact) {
        if (frozen != null) {
            throw new IllegalStateException("the fact store is frozen: collection has ended");
        }
        incoming.computeIfAbsent(fact.getClass(), type -> new ConcurrentLinkedQueue<>()).add(fact);
    }

    public void add(CollectionIssue issue) {
        if (frozen != null) {
            throw new IllegalStateException("the fact store is frozen: an issue reported now would be lost");
        }
        incomingIssues.add(issue);
    }

    /** Ends collection: from now on the store is read-only and ordered. */
    public synchronized void freeze() {
        if (frozen != null) {
            return;
        }
        Map<Class<?>, List<Fact>> sorted = new ConcurrentHashMap<>();
        incoming.forEach((type, facts) -> sorted.put(type, facts.stream().sorted(ORDER).toList()));
        frozen = sorted;
        frozenIssues = incomingIssues.stream().sorted(ISSUE_ORDER).toList();
    }

    @Override
    public <T extends Fact> Stream<T> all(Class<T> type) {
        requireFrozen();
        List<Fact> facts = new ArrayList<>();
        frozen.forEach((factType, list) -> {
            if (type.isAssignableFrom(factType)) {
                facts.addAll(list);
            }
        });
        if (frozen.keySet().stream().filter(type::isAssignableFrom).count() > 1) {
            facts.sort(ORDER);
        }
        return facts.stream().map(type::cast);
    }

    /** Every fact, ordered by resource. */
    public Stream<Fact> all() {
        return all(Fact.class);
    }

    public List<CollectionIssue> issues() {
        requireFrozen();
        return frozenIssues;
    }

    public int factCount() {
        return frozen == null ? incoming.values().stream().mapToInt(ConcurrentLinkedQueue::size).sum()
                : frozen.values().stream().mapToInt(List::size).sum();
    }

    private void requireFrozen() {
        if (frozen == null) {
            throw new IllegalStateException("facts are read only after collection has ended");
        }
    }
}
