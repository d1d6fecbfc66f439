package dev.evidentry.core.bundle;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.Outcome;
import dev.evidentry.spi.TrustServicesCriteria;
import dev.evidentry.spi.TrustServicesCriterion;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Per SOC 2 criterion: which checks map to it, how their findings came out, and whether the scan covered it. An
 * auditor reads this as "what automated evidence exists for CC6.1, and is any of it incomplete".
 */
public final class ControlCoverage {

    private final Map<String, TreeSet<String>> checksByCriterion = new TreeMap<>();
    private final Map<String, Map<Outcome, Long>> outcomesByCriterion = new TreeMap<>();

    public ControlCoverage(List<CheckDescriptor> checksRun) {
        for (CheckDescriptor check : checksRun) {
            for (String criterion : check.criteria()) {
                checksByCriterion.computeIfAbsent(criterion, key -> new TreeSet<>()).add(check.id());
            }
        }
    }

    public void add(FindingRecord record) {
        for (String criterion : record.criteria()) {
            outcomesByCriterion.computeIfAbsent(criterion, key -> new EnumMap<>(Outcome.class))
                    .merge(record.outcome(), 1L, Long::sum);
        }
    }

    public ObjectNode toJson() {
        ObjectNode root = Json.PRETTY.createObjectNode();
        root.put("framework", "SOC 2 Trust Services Criteria (2017, revised points of focus 2022)");
        ArrayNode criteria = root.putArray("criteria");
        for (TrustServicesCriterion criterion : TrustServicesCriteria.all()) {
            ObjectNode node = criteria.addObject();
            node.put("id", criterion.id());
            node.put("title", criterion.title());
            ArrayNode checks = node.putArray("checks");
            checksByCriterion.getOrDefault(criterion.id(), new TreeSet<>()).forEach(checks::add);
            Map<Outcome, Long> outcomes = outcomesByCriterion.getOrDefault(criterion.id(), Map.of());
            ObjectNode counts = node.putObject("counts");
            for (Outcome outcome : Outcome.values()) {
                counts.put(outcome.name(), outcomes.getOrDefault(outcome, 0L));
            }
            node.put("coverage", coverage(checks.isEmpty(), outcomes));
        }
        return root;
    }

    private static String coverage(boolean noChecks, Map<Outcome, Long> outcomes) {
        if (noChecks) {
            return "NOT_AUTOMATED";
        }
        if (outcomes.isEmpty()) {
            return "NO_RESOURCES";
        }
        if (outcomes.getOrDefault(Outcome.ERROR, 0L) > 0) {
            return "INCOMPLETE";
        }
        return outcomes.getOrDefault(Outcome.FAIL, 0L) > 0 ? "EXCEPTIONS" : "EFFECTIVE";
    }
}
