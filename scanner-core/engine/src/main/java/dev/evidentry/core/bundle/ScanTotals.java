package dev.evidentry.core.bundle;

import dev.evidentry.spi.Outcome;
import dev.evidentry.spi.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Counts of one scan's findings, and the worst of them, gathered in one pass over the sorted findings. */
public final class ScanTotals {

    private static final int WORST_KEPT = 10;
    private static final Comparator<FindingRecord> WORST_FIRST = Comparator
            .comparing((FindingRecord record) -> record.outcome() == Outcome.FAIL ? 0 : 1)
            .thenComparing(FindingRecord::severity)
            .thenComparing(FindingRecord::sortKey);

    private final Map<Outcome, Long> byOutcome = new EnumMap<>(Outcome.class);
    private final Map<Severity, Long> failuresBySeverity = new EnumMap<>(Severity.class);
    private final List<FindingRecord> worst = new ArrayList<>();

    public void add(FindingRecord record) {
        byOutcome.merge(record.outcome(), 1L, Long::sum);
        if (record.outcome() == Outcome.FAIL) {
            failuresBySeverity.merge(record.severity(), 1L, Long::sum);
        }
        if (record.outcome() == Outcome.FAIL || record.outcome() == Outcome.ERROR) {
            worst.add(record);
            worst.sort(WORST_FIRST);
            if (worst.size() > WORST_KEPT) {
                worst.remove(worst.size() - 1);
            }
        }
    }

    public long count(Outcome outcome) {
        return byOutcome.getOrDefault(outcome, 0L);
    }

    public long total() {
        return byOutcome.values().stream().mapToLong(Long::longValue).sum();
    }

    public long failures(Severity severity) {
        return failuresBySeverity.getOrDefault(severity, 0L);
    }

    /** Failing findings at or above {@code threshold}. */
    public long failuresAtLeast(Severity threshold) {
        return failuresBySeverity.entrySet().stream()
                .filter(entry -> entry.getKey().atLeast(threshold))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    /** Failures first, most severe first, then errors: at most ten. */
    public List<FindingRecord> worst() {
        return List.copyOf(worst);
    }

    public Map<String, Long> countsByOutcome() {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome.name(), count(outcome));
        }
        return counts;
    }
}
