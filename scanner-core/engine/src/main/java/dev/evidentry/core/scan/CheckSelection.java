package dev.evidentry.core.scan;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.Severity;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which checks a scan runs: ids or globs ({@code aws.iam.*}), ids or globs to leave out, SOC 2 criteria, and a minimum
 * severity. Empty lists select everything (and skip nothing). Only selected checks produce findings and count for the
 * exit code.
 */
public record CheckSelection(List<String> checkPatterns, List<String> skippedPatterns, List<String> criteria,
        Severity minimumSeverity) {

    public static final CheckSelection ALL = new CheckSelection(List.of(), List.of(), List.of(), Severity.INFO);

    public CheckSelection {
        checkPatterns = List.copyOf(requireNonNull(checkPatterns, "checkPatterns is null"));
        skippedPatterns = List.copyOf(requireNonNull(skippedPatterns, "skippedPatterns is null"));
        criteria = List.copyOf(requireNonNull(criteria, "criteria is null"));
        requireNonNull(minimumSeverity, "minimumSeverity is null");
    }

    /** A selection that skips nothing. */
    public CheckSelection(List<String> checkPatterns, List<String> criteria, Severity minimumSeverity) {
        this(checkPatterns, List.of(), criteria, minimumSeverity);
    }

    public boolean selects(CheckDescriptor check) {
        boolean idMatches = checkPatterns.isEmpty() || matchesAny(checkPatterns, check.id());
        boolean skipped = matchesAny(skippedPatterns, check.id());
        boolean criterionMatches = criteria.isEmpty() || check.criteria().stream().anyMatch(criteria::contains);
        return idMatches && !skipped && criterionMatches && check.severity().atLeast(minimumSeverity);
    }

    private static boolean matchesAny(List<String> patterns, String id) {
        return patterns.stream().anyMatch(pattern -> glob(pattern).matcher(id).matches());
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString());
    }
}
