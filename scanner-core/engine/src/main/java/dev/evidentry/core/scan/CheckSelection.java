package dev.evidentry.core.scan;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.Severity;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which checks a scan runs: ids or globs ({@code aws.iam.*}), SOC 2 criteria, and a minimum severity. Empty lists
 * select everything. Only selected checks produce findings and count for the exit code.
 */
public record CheckSelection(List<String> checkPatterns, List<String> criteria, Severity minimumSeverity) {

    public static final CheckSelection ALL = new CheckSelection(List.of(), List.of(), Severity.INFO);

    public CheckSelection {
        checkPatterns = List.copyOf(requireNonNull(checkPatterns, "checkPatterns is null"));
        criteria = List.copyOf(requireNonNull(criteria, "criteria is null"));
        requireNonNull(minimumSeverity, "minimumSeverity is null");
    }

    public boolean selects(CheckDescriptor check) {
        boolean idMatches = checkPatterns.isEmpty()
                || checkPatterns.stream().anyMatch(pattern -> glob(pattern).matcher(check.id()).matches());
        boolean criterionMatches = criteria.isEmpty() || check.criteria().stream().anyMatch(criteria::contains);
        return idMatches && criterionMatches && check.severity().atLeast(minimumSeverity);
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString());
    }
}
