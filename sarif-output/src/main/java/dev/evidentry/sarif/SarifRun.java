package dev.evidentry.sarif;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CollectionIssue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything about one SARIF run except its results, which are streamed to {@link SarifReportWriter#add}.
 * One run covers one provider and account (GitHub rejects a file holding two runs of the same tool and category).
 *
 * @param tool the tool that ran
 * @param automationId {@code runs[0].automationDetails.id}, such as {@code evidentry/aws/123456789012/}; GitHub reads
 *     everything up to the last {@code /} as the analysis category
 * @param rules every check that ran for this run; kept sorted by id (sorted here if given in another order)
 * @param issues what could not be collected; written as tool execution notifications
 * @param executionSuccessful false when any provider or plugin failed
 * @param startTime when the scan started
 * @param endTime when the scan ended, not before {@code startTime}
 */
public record SarifRun(
        SarifTool tool,
        String automationId,
        List<CheckDescriptor> rules,
        List<CollectionIssue> issues,
        boolean executionSuccessful,
        Instant startTime,
        Instant endTime) {

    public SarifRun {
        requireNonNull(tool, "tool is null");
        requireNonNull(automationId, "automationId is null");
        if (automationId.isBlank()) {
            throw new IllegalArgumentException("automationId must not be blank");
        }
        rules = sortedById(requireNonNull(rules, "rules is null"));
        issues = List.copyOf(requireNonNull(issues, "issues is null"));
        requireNonNull(startTime, "startTime is null");
        requireNonNull(endTime, "endTime is null");
        if (endTime.isBefore(startTime)) {
            throw new IllegalArgumentException("endTime " + endTime + " is before startTime " + startTime);
        }
    }

    private static List<CheckDescriptor> sortedById(List<CheckDescriptor> rules) {
        Map<String, CheckDescriptor> byId = new TreeMap<>();
        for (CheckDescriptor rule : rules) {
            requireNonNull(rule, "rules contains null");
            if (byId.put(rule.id(), rule) != null) {
                throw new IllegalArgumentException("rule " + rule.id() + " is listed twice");
            }
        }
        return List.copyOf(byId.values());
    }
}
