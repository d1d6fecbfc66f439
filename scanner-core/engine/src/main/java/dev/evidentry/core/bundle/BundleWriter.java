package dev.evidentry.core.bundle;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evidentry.core.collect.FactStore;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Outcome;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.sarif.SarifReportWriter;
import dev.evidentry.sarif.SarifRun;
import dev.evidentry.sarif.SarifTool;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Writes an evidence bundle's files (see docs/evidence-bundle.md). Evidence is already on disk, written by the
 * evidence store while collecting; findings come from a spool in sorted order and are streamed to
 * {@code findings.jsonl} and the SARIF files in one pass, never all in memory.
 */
public final class BundleWriter {

    public static final String TOOL_NAME = "Evidentry";
    public static final String INFORMATION_URI = "https://github.com/evidentry/evidentry";

    private static final String COULD_NOT_EVALUATE = "Could not evaluate: ";

    private final Path directory;

    public BundleWriter(Path directory) {
        this.directory = requireNonNull(directory, "directory is null");
    }

    public Path directory() {
        return directory;
    }

    /**
     * Streams the sorted findings to {@code findings.jsonl}, one SARIF file per provider and account, and
     * {@code controls.json}; returns the totals for the summary and the exit code.
     */
    public ScanTotals writeFindings(SortedSpool findings, List<CheckDescriptor> checksRun,
            List<CollectionIssue> issues, ScanMetadata metadata) throws IOException {
        ScanTotals totals = new ScanTotals();
        ControlCoverage coverage = new ControlCoverage(checksRun);
        Path sarifDirectory = directory.resolve(BundleLayout.SARIF_DIRECTORY);
        Files.createDirectories(sarifDirectory);
        Map<RunKey, List<CollectionIssue>> issuesByRun = new TreeMap<>();
        for (CollectionIssue issue : issues) {
            issuesByRun.computeIfAbsent(new RunKey(issue.provider(), issue.account()), key -> new ArrayList<>())
                    .add(issue);
        }
        TreeSet<RunKey> runsWithoutFindings = new TreeSet<>(issuesByRun.keySet());
        SarifTool tool = new SarifTool(TOOL_NAME, metadata.toolVersion(), INFORMATION_URI);

        try (BufferedWriter lines = Files.newBufferedWriter(directory.resolve(BundleLayout.FINDINGS),
                StandardCharsets.UTF_8); HtmlReport report = new HtmlReport(directory.resolve(BundleLayout.REPORT))) {
            SarifFile[] current = {null};
            try {
                findings.forEachSorted(line -> {
                    FindingRecord record = readRecord(line);
                    RunKey key = new RunKey(record.resource().provider(), record.resource().account());
                    try {
                        if (current[0] == null || !current[0].key().equals(key)) {
                            if (current[0] != null) {
                                current[0].close();
                            }
                            runsWithoutFindings.remove(key);
                            current[0] = SarifFile.open(sarifDirectory, key, tool, checksRun,
                                    issuesByRun.getOrDefault(key, List.of()), metadata);
                        }
                        current[0].writer().add(forSarif(record));
                        lines.write(line);
                        lines.write('\n');
                        report.add(record);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    totals.add(record);
                    coverage.add(record);
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            } finally {
                if (current[0] != null) {
                    current[0].close();
                }
            }
            report.finish(metadata, totals, issues);
        }
        for (RunKey key : runsWithoutFindings) {
            SarifFile.open(sarifDirectory, key, tool, checksRun, issuesByRun.get(key), metadata).close();
        }
        Json.PRETTY.writeValue(directory.resolve(BundleLayout.CONTROLS).toFile(), coverage.toJson());
        return totals;
    }

    /** One line per resource, with every fact about it (the evidence ids lead to the raw API answers). */
    public void writeResources(FactStore facts) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(directory.resolve(BundleLayout.RESOURCES),
                StandardCharsets.UTF_8); Stream<Fact> all = facts.all()) {
            Iterator<Fact> iterator = all.iterator();
            ResourceRef current = null;
            ArrayNode currentFacts = null;
            ObjectNode line = null;
            while (iterator.hasNext()) {
                Fact fact = iterator.next();
                if (!fact.resource().equals(current)) {
                    if (line != null) {
                        writeLine(out, line);
                    }
                    current = fact.resource();
                    line = Json.LINES.createObjectNode();
                    line.set("resource", Json.LINES.valueToTree(current));
                    currentFacts = line.putArray("facts");
                }
                ObjectNode node = Json.LINES.createObjectNode();
                node.put("kind", fact.kind());
                ObjectNode fields = Json.LINES.valueToTree(fact);
                fields.remove("resource");
                node.setAll(fields);
                currentFacts.add(node);
            }
            if (line != null) {
                writeLine(out, line);
            }
        }
    }

    public void writeIssues(List<CollectionIssue> issues) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(directory.resolve(BundleLayout.ISSUES),
                StandardCharsets.UTF_8)) {
            for (CollectionIssue issue : issues) {
                ObjectNode line = Json.LINES.createObjectNode();
                line.put("provider", issue.provider());
                line.put("account", issue.account());
                line.put("region", issue.region());
                line.set("resource", issue.resource() == null ? null : Json.LINES.valueToTree(issue.resource()));
                line.put("operation", issue.operation());
                ArrayNode kinds = line.putArray("factKinds");
                new TreeSet<>(issue.factKinds()).forEach(kinds::add);
                line.put("cause", issue.cause().name());
                line.put("message", issue.message());
                line.put("advice", issue.cause().advice());
                writeLine(out, line);
            }
        }
    }

    /** Writes {@code manifest.json} last, with the SHA-256 of every other file in the bundle. */
    public void writeManifest(ScanMetadata metadata, ScanTotals totals, FactStore facts, boolean signed)
            throws IOException {
        ObjectNode manifest = Json.PRETTY.createObjectNode();
        manifest.put("schemaVersion", BundleLayout.SCHEMA_VERSION);
        ObjectNode tool = manifest.putObject("tool");
        tool.put("name", TOOL_NAME);
        tool.put("version", metadata.toolVersion());
        manifest.put("runId", metadata.runId());
        manifest.put("startedAt", metadata.startedAt().toString());
        manifest.put("finishedAt", metadata.finishedAt().toString());
        ArrayNode plugins = manifest.putArray("plugins");
        metadata.plugins().forEach(plugin -> plugins.add(Json.PRETTY.valueToTree(plugin)));

        ObjectNode scope = manifest.putObject("scope");
        ArrayNode providers = scope.putArray("providers");
        metadata.providers().forEach(providers::add);
        TreeSet<String> accounts = new TreeSet<>();
        TreeSet<String> regions = new TreeSet<>();
        try (Stream<Fact> all = facts.all()) {
            all.forEach(fact -> {
                accounts.add(fact.resource().provider() + ":" + fact.resource().account());
                fact.resource().regionIfAny().ifPresent(regions::add);
            });
        }
        ArrayNode accountNodes = scope.putArray("accounts");
        accounts.forEach(accountNodes::add);
        ArrayNode regionNodes = scope.putArray("regions");
        regions.forEach(regionNodes::add);
        ObjectNode filters = scope.putObject("filters");
        new TreeMap<>(metadata.filters()).forEach((name, values) -> {
            ArrayNode list = filters.putArray(name);
            values.forEach(list::add);
        });

        ObjectNode counts = manifest.putObject("counts");
        ObjectNode findings = counts.putObject("findings");
        totals.countsByOutcome().forEach(findings::put);
        counts.put("resources", countLines(BundleLayout.RESOURCES));
        counts.put("facts", facts.factCount());
        counts.put("issues", facts.issues().size());
        ObjectNode apiCalls = counts.putObject("apiCalls");
        new TreeMap<>(metadata.apiCalls()).forEach(apiCalls::put);
        ObjectNode durations = manifest.putObject("durations");
        durations.put("collection", metadata.collection().toString());
        durations.put("evaluation", metadata.evaluation().toString());

        List<Path> files = listFiles();
        counts.put("evidence", files.stream()
                .filter(file -> file.startsWith(directory.resolve(BundleLayout.EVIDENCE_DIRECTORY))).count());
        ArrayNode fileNodes = manifest.putArray("files");
        for (Path file : files) {
            ObjectNode node = fileNodes.addObject();
            node.put("path", relativeName(file));
            node.put("sha256", Sha256.ofFile(file));
            node.put("bytes", Files.size(file));
        }
        if (signed) {
            ObjectNode signature = manifest.putObject("signature");
            signature.put("algorithm", "Ed25519");
            signature.put("file", BundleLayout.SIGNATURE);
        }
        Json.PRETTY.writeValue(directory.resolve(BundleLayout.MANIFEST).toFile(), manifest);
    }

    /** Every file the manifest covers: all but the manifest and its signature, sorted by relative path. */
    List<Path> listFiles() throws IOException {
        return listBundleFiles(directory);
    }

    static List<Path> listBundleFiles(Path bundle) throws IOException {
        try (Stream<Path> walk = Files.walk(bundle)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> !file.equals(bundle.resolve(BundleLayout.MANIFEST)))
                    .filter(file -> !file.equals(bundle.resolve(BundleLayout.SIGNATURE)))
                    .filter(file -> !file.equals(bundle.resolve(BundleLayout.MARKER)))
                    .sorted()
                    .toList();
        }
    }

    private String relativeName(Path file) {
        return directory.relativize(file).toString().replace('\\', '/');
    }

    private long countLines(String name) throws IOException {
        try (Stream<String> lines = Files.lines(directory.resolve(name), StandardCharsets.UTF_8)) {
            return lines.count();
        }
    }

    /**
     * The finding as the SARIF writer wants it. That writer puts {@value #COULD_NOT_EVALUATE} before every
     * {@code ERROR} message itself, while the engine's own {@code ERROR} findings (docs/evidence-bundle.md) already
     * start with it in {@code findings.jsonl}: without this, code scanning would read the prefix twice.
     */
    private static Finding forSarif(FindingRecord record) {
        Finding finding = record.toFinding();
        if (finding.outcome() == Outcome.ERROR && finding.message().startsWith(COULD_NOT_EVALUATE)) {
            return finding.withOutcome(Outcome.ERROR, finding.message().substring(COULD_NOT_EVALUATE.length()));
        }
        return finding;
    }

    private static FindingRecord readRecord(String line) {
        try {
            return Json.LINES.readValue(line, FindingRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the finding spool holds an unreadable line", e);
        }
    }

    private static void writeLine(BufferedWriter out, ObjectNode line) throws IOException {
        out.write(Json.LINES.writeValueAsString(line));
        out.write('\n');
    }

    /** One SARIF run: a provider and an account. */
    record RunKey(String provider, String account) implements Comparable<RunKey> {
        @Override
        public int compareTo(RunKey other) {
            int byProvider = provider.compareTo(other.provider);
            return byProvider != 0 ? byProvider : account.compareTo(other.account);
        }

        String fileName() {
            return provider + "-" + (account.isEmpty() ? "unknown-account" : account) + ".sarif";
        }

        String automationId() {
            return "evidentry/" + provider + "/" + (account.isEmpty() ? "unknown-account" : account) + "/";
        }
    }

    private record SarifFile(RunKey key, OutputStream out, SarifReportWriter writer) {
        static SarifFile open(Path sarifDirectory, RunKey key, SarifTool tool, List<CheckDescriptor> rules,
                List<CollectionIssue> issues, ScanMetadata metadata) throws IOException {
            OutputStream out = Files.newOutputStream(sarifDirectory.resolve(key.fileName()));
            SarifRun run = new SarifRun(tool, key.automationId(), rules, issues, issues.isEmpty(),
                    metadata.startedAt(), metadata.finishedAt());
            return new SarifFile(key, out, new SarifReportWriter(out, run));
        }

        void close() throws IOException {
            try (out) {
                writer.close();
            }
        }
    }
}
