package dev.evidentry.core.scan;

import static java.util.Objects.requireNonNull;

import dev.evidentry.core.bundle.ScanTotals;
import dev.evidentry.spi.CollectionIssue;
import java.nio.file.Path;
import java.util.List;

/**
 * What a scan produced.
 *
 * @param configurationProblems issues that make the scan's answer unusable until the user fixes their setup
 */
public record ScanResult(
        ExitCode exitCode,
        String exitReason,
        ScanTotals totals,
        List<CollectionIssue> issues,
        List<CollectionIssue> configurationProblems,
        Path bundle,
        List<Path> sarifFiles,
        boolean signed) {

    public ScanResult {
        requireNonNull(exitCode, "exitCode is null");
        requireNonNull(exitReason, "exitReason is null");
        requireNonNull(totals, "totals is null");
        issues = List.copyOf(issues);
        configurationProblems = List.copyOf(configurationProblems);
        requireNonNull(bundle, "bundle is null");
        sarifFiles = List.copyOf(sarifFiles);
    }
}
