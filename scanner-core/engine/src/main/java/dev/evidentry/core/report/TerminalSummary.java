package dev.evidentry.core.report;

import dev.evidentry.core.bundle.FindingRecord;
import dev.evidentry.core.bundle.ScanTotals;
import dev.evidentry.core.scan.ScanResult;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.Outcome;
import dev.evidentry.spi.Severity;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** The few lines a person reads after a scan: counts, the worst findings, what could not be collected, the files. */
public final class TerminalSummary {

    private static final int ISSUES_SHOWN = 5;

    private TerminalSummary() {
    }

    public static void print(ScanResult result, PrintStream out) {
        ScanTotals totals = result.totals();
        out.println();
        out.printf("Findings: %d pass, %d fail, %d error, %d not applicable%n", totals.count(Outcome.PASS),
                totals.count(Outcome.FAIL), totals.count(Outcome.ERROR), totals.count(Outcome.NOT_APPLICABLE));
        if (totals.count(Outcome.FAIL) > 0) {
            StringBuilder bySeverity = new StringBuilder("Failures by severity:");
            for (Severity severity : Severity.values()) {
                if (totals.failures(severity) > 0) {
                    bySeverity.append(' ').append(severity.name().toLowerCase()).append(' ')
                            .append(totals.failures(severity));
                }
            }
            out.println(bySeverity);
        }
        List<FindingRecord> worst = totals.worst();
        if (!worst.isEmpty()) {
            out.println();
            out.println("Worst findings:");
            for (FindingRecord record : worst) {
                out.printf("  %-5s %-8s %-36s %s%n      %s%n", record.outcome(),
                        record.outcome() == Outcome.FAIL ? record.severity() : "", record.checkId(),
                        record.resource().nativeId(), record.message());
            }
        }
        if (!result.issues().isEmpty()) {
            out.println();
            out.printf("Could not collect (%d issue(s), all in issues.jsonl):%n", result.issues().size());
            for (CollectionIssue issue : result.issues().stream().limit(ISSUES_SHOWN).toList()) {
                out.printf("  %s %s: %s: %s%n", issue.provider(), issue.operation(), issue.cause().label(),
                        issue.message());
            }
            if (result.issues().size() > ISSUES_SHOWN) {
                out.printf("  ... and %d more%n", result.issues().size() - ISSUES_SHOWN);
            }
        }
        out.println();
        out.println("Evidence bundle: " + result.bundle() + (result.signed() ? " (signed)" : ""));
        for (Path sarif : result.sarifFiles()) {
            out.println("SARIF:           " + sarif.toAbsolutePath());
        }
        out.printf("Exit code %d: %s%n", result.exitCode().code(), result.exitReason());
    }
}
