package dev.evidentry.core.bundle;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.Outcome;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code report.html}: the scan for a person to read, one self-contained page with no script. Findings arrive sorted
 * (provider, account, check), so the page is written as they stream past; only one check's rows are held at a time.
 * The summary at the top is written last, from a second file, once the counts are known.
 */
final class HtmlReport implements AutoCloseable {

    private static final String STYLE = """
            body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:72em;color:#1b1f24;padding:0 1em}
            h1{font-size:1.6em}h2{margin-top:1.6em;border-bottom:1px solid #d0d7de}
            table{border-collapse:collapse;width:100%;margin:.4em 0 1em}td,th{border-bottom:1px solid #eaeef2;\
            padding:.3em .5em;text-align:left;vertical-align:top}
            summary{cursor:pointer;padding:.25em 0}code{font-size:.92em}
            .FAIL{color:#b42318;font-weight:600}.ERROR{color:#9a6700;font-weight:600}.PASS{color:#1a7f37}\
            .NOT_APPLICABLE{color:#57606a}.muted{color:#57606a}
            """;

    private final Path target;
    private final Path body;
    private final BufferedWriter out;
    private String currentRun;
    private String currentCheck;
    private FindingRecord firstOfCheck;
    private final StringBuilder rows = new StringBuilder();
    private final Map<Outcome, Integer> checkCounts = new EnumMap<>(Outcome.class);

    HtmlReport(Path target) throws IOException {
        this.target = requireNonNull(target, "target is null");
        this.body = Files.createTempFile(target.getParent(), ".report-", ".html");
        this.out = Files.newBufferedWriter(body, StandardCharsets.UTF_8);
    }

    void add(FindingRecord record) throws IOException {
        String run = record.resource().provider() + " · " + (record.resource().account().isEmpty()
                ? "account unknown" : record.resource().account());
        if (!run.equals(currentRun) || !record.checkId().equals(currentCheck)) {
            flushCheck();
        }
        if (!run.equals(currentRun)) {
            out.write("<h2>" + escape(run) + "</h2>\n");
            currentRun = run;
        }
        if (currentCheck == null) {
            currentCheck = record.checkId();
            firstOfCheck = record;
        }
        checkCounts.merge(record.outcome(), 1, Integer::sum);
        rows.append("<tr><td class=\"").append(record.outcome()).append("\">").append(record.outcome())
                .append("</td><td><code>").append(escape(record.resource().nativeId())).append("</code></td><td>")
                .append(escape(record.message())).append("</td></tr>\n");
    }

    private void flushCheck() throws IOException {
        if (currentCheck == null) {
            return;
        }
        boolean open = checkCounts.containsKey(Outcome.FAIL) || checkCounts.containsKey(Outcome.ERROR);
        StringBuilder counts = new StringBuilder();
        checkCounts.forEach((outcome, count) -> counts.append("<span class=\"").append(outcome).append("\">")
                .append(count).append(' ').append(outcome).append("</span> "));
        out.write("<details" + (open ? " open" : "") + "><summary>" + counts + "<b>" + escape(firstOfCheck.title())
                + "</b> <span class=\"muted\"><code>" + escape(currentCheck) + "</code> · "
                + firstOfCheck.severity() + " · SOC 2 " + escape(String.join(", ", firstOfCheck.criteria()))
                + "</span></summary>\n<table><tr><th>Outcome</th><th>Resource</th><th>Why</th></tr>\n" + rows
                + "</table></details>\n");
        rows.setLength(0);
        checkCounts.clear();
        currentCheck = null;
    }

    /** Writes the page: title and summary, the findings streamed so far, what could not be collected. */
    void finish(ScanMetadata metadata, ScanTotals totals, List<CollectionIssue> issues) throws IOException {
        flushCheck();
        out.close();
        try (Writer page = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            page.write("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Evidentry report</title>"
                    + "<style>" + STYLE + "</style></head><body>\n<h1>SOC 2 evidence report</h1>\n");
            page.write("<p class=\"muted\">Evidentry " + escape(metadata.toolVersion()) + " · providers "
                    + escape(String.join(", ", metadata.providers()))
                    + "<br>started " + metadata.startedAt() + " · finished " + metadata.finishedAt() + "</p>\n");
            page.write("<table><tr>");
            for (Outcome outcome : Outcome.values()) {
                page.write("<th class=\"" + outcome + "\">" + outcome + "</th>");
            }
            page.write("<th>Could not collect</th></tr><tr>");
            for (Outcome outcome : Outcome.values()) {
                page.write("<td>" + totals.count(outcome) + "</td>");
            }
            page.write("<td>" + issues.size() + "</td></tr></table>\n");
            page.write("<p class=\"muted\">ERROR means a check could not see what it needs: it is never counted as a "
                    + "pass. Raw API answers behind every verdict are in <code>evidence/</code>; the manifest lists "
                    + "the SHA-256 of every file.</p>\n");
            try (var lines = Files.lines(body, StandardCharsets.UTF_8)) {
                for (String line : (Iterable<String>) lines::iterator) {
                    page.write(line);
                    page.write('\n');
                }
            }
            if (!issues.isEmpty()) {
                page.write("<h2>Could not collect</h2>\n<table><tr><th>Where</th><th>Call</th><th>Why</th>"
                        + "<th>What to do</th></tr>\n");
                for (CollectionIssue issue : issues) {
                    String where = issue.resource() != null ? issue.resource().nativeId()
                            : String.join(" ", issue.provider(), issue.account(), issue.region()).strip();
                    page.write("<tr><td><code>" + escape(where) + "</code></td><td><code>"
                            + escape(issue.operation()) + "</code></td><td>" + escape(issue.cause().label() + ": "
                            + issue.message()) + "</td><td>" + escape(issue.cause().advice()) + "</td></tr>\n");
                }
                page.write("</table>\n");
            }
            page.write("</body></html>\n");
        }
        Files.deleteIfExists(body);
    }

    @Override
    public void close() throws IOException {
        out.close();
        Files.deleteIfExists(body);
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
