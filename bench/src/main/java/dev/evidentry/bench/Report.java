package dev.evidentry.bench;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The benchmark's findings: the numbers, the minimum and how it was counted, and each target met or missed. */
final class Report {

    static final double CALLS_TARGET = 1.1;
    static final double TIME_TARGET = 1.5;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One target.
     *
     * @param name what is judged
     * @param target the bound, in words
     * @param actual the measured value, in words
     * @param met whether the bound holds
     */
    record Target(String name, String target, String actual, boolean met) {}

    private final BenchOptions options;
    private final Instant started;
    private final Estate estate;
    private final long seedCalls;
    private final Duration seeding;
    private final MotoRate.Result rate;
    private final Duration motoCpuDuringRate;
    private final Duration clientCpuDuringRate;
    private final ScanRun.Result scan;
    private final Duration motoCpuDuringScan;
    private final JsonNode manifest;
    private final List<String> missingBundleFiles;
    private final int verifyExit;
    private final boolean outOfMemory;
    private final GcLog gc;
    private final Timeline timeline;
    private final String loadAtStart;
    private final Duration benchmarkWall;
    private final Benchmark.Machine machine;

    private final Map<String, Long> apiCalls = new LinkedHashMap<>();
    private final List<MinimumCalls.Line> lines;
    private final long calls;
    private final long minimum;
    private final long emulatorExcess;
    private final Duration collection;
    private final Duration evaluation;
    private final List<Target> targets = new ArrayList<>();

    Report(BenchOptions options, Instant started, Estate estate, long seedCalls, Duration seeding,
            MotoRate.Result rate, Duration motoCpuDuringRate, Duration clientCpuDuringRate, ScanRun.Result scan,
            Duration motoCpuDuringScan,
            JsonNode manifest, List<String> missingBundleFiles, int verifyExit, boolean outOfMemory, GcLog gc,
            Timeline timeline, String loadAtStart, Duration benchmarkWall, Benchmark.Machine machine) {
        this.options = requireNonNull(options, "options is null");
        this.started = requireNonNull(started, "started is null");
        this.estate = requireNonNull(estate, "estate is null");
        this.seedCalls = seedCalls;
        this.seeding = requireNonNull(seeding, "seeding is null");
        this.rate = requireNonNull(rate, "rate is null");
        this.motoCpuDuringRate = requireNonNull(motoCpuDuringRate, "motoCpuDuringRate is null");
        this.clientCpuDuringRate = requireNonNull(clientCpuDuringRate, "clientCpuDuringRate is null");
        this.scan = requireNonNull(scan, "scan is null");
        this.motoCpuDuringScan = requireNonNull(motoCpuDuringScan, "motoCpuDuringScan is null");
        this.manifest = manifest;
        this.missingBundleFiles = List.copyOf(missingBundleFiles);
        this.verifyExit = verifyExit;
        this.outOfMemory = outOfMemory;
        this.gc = requireNonNull(gc, "gc is null");
        this.timeline = requireNonNull(timeline, "timeline is null");
        this.loadAtStart = requireNonNull(loadAtStart, "loadAtStart is null");
        this.benchmarkWall = requireNonNull(benchmarkWall, "benchmarkWall is null");
        this.machine = requireNonNull(machine, "machine is null");

        if (manifest != null) {
            manifest.path("counts").path("apiCalls").fields()
                    .forEachRemaining(entry -> apiCalls.put(entry.getKey(), entry.getValue().asLong()));
        }
        lines = MinimumCalls.lines(apiCalls, new MinimumCalls.Scope(estate, true));
        calls = apiCalls.values().stream().mapToLong(Long::longValue).sum();
        minimum = lines.stream().mapToLong(MinimumCalls.Line::minimum).sum();
        emulatorExcess = lines.stream().filter(MinimumCalls.Line::emulatorGap)
                .mapToLong(line -> Math.max(0, line.excess())).sum();
        collection = duration("collection");
        evaluation = duration("evaluation");

        targets.add(new Target("API calls ≤ " + CALLS_TARGET + " × minimum",
                "≤ " + format(CALLS_TARGET * minimum, 0) + " calls",
                calls + " calls, " + format(ratio(), 3) + " × minimum", minimum > 0 && ratio() <= CALLS_TARGET));
        double bound = TIME_TARGET * expectedSeconds();
        targets.add(new Target("collection ≤ " + TIME_TARGET + " × (calls ÷ moto's max rate)",
                "≤ " + format(bound, 1) + " s (" + calls + " ÷ " + format(rate.requestsPerSecond(), 1) + " req/s = "
                        + format(expectedSeconds(), 1) + " s)",
                collection == null ? "no manifest" : format(seconds(collection), 1) + " s, "
                        + format(seconds(collection) / expectedSeconds(), 2) + " × calls ÷ rate",
                collection != null && rate.requestsPerSecond() > 0 && seconds(collection) <= bound));
        targets.add(new Target("scan completes with -Xmx" + options.xmx(),
                "exit 0, 1 or 3, a complete bundle that verifies, no OutOfMemoryError",
                "exit " + scan.exitCode() + ", bundle " + (bundleComplete() ? "complete (verify exit 0)"
                        : "INCOMPLETE " + missingBundleFiles + " verify exit " + verifyExit)
                        + (outOfMemory ? ", OutOfMemoryError" : ", no OutOfMemoryError"),
                completed()));
    }

    boolean allTargetsMet() {
        return targets.stream().allMatch(Target::met);
    }

    List<Target> targets() {
        return List.copyOf(targets);
    }

    double ratio() {
        return minimum == 0 ? 0 : (double) calls / minimum;
    }

    long calls() {
        return calls;
    }

    long minimum() {
        return minimum;
    }

    boolean bundleComplete() {
        return missingBundleFiles.isEmpty() && verifyExit == 0;
    }

    boolean completed() {
        return Benchmark.COMPLETED_EXIT_CODES.contains(scan.exitCode()) && bundleComplete() && !outOfMemory;
    }

    int scanExitCode() {
        return scan.exitCode();
    }

    private double expectedSeconds() {
        return rate.requestsPerSecond() <= 0 ? Double.POSITIVE_INFINITY : calls / rate.requestsPerSecond();
    }

    private Duration duration(String name) {
        if (manifest == null || !manifest.path("durations").hasNonNull(name)) {
            return null;
        }
        return Duration.parse(manifest.path("durations").path(name).asText());
    }

    ObjectNode json() {
        ObjectNode root = JSON.createObjectNode();
        root.put("benchmark", "evidentry scan benchmark (issue 4)");
        root.put("startedAt", started.toString());
        ObjectNode machineNode = root.putObject("machine");
        machineNode.setAll((ObjectNode) JSON.valueToTree(machine.asMap()));
        machineNode.put("loadAverageAtStart", loadAtStart);
        root.put("n", options.n());
        root.set("regions", JSON.valueToTree(options.regions()));
        root.put("xmx", options.xmx());
        root.put("smoke", options.smoke());
        root.set("estate", JSON.valueToTree(estate.describe()));

        ObjectNode seed = root.putObject("seeding");
        seed.put("calls", seedCalls);
        seed.put("seconds", round(seconds(seeding), 2));
        seed.put("callsPerSecond", round(seedCalls / seconds(seeding), 1));
        seed.put("threads", Seeder.THREADS);

        ObjectNode moto = root.putObject("motoMaxRate");
        moto.put("requestsPerSecond", round(rate.requestsPerSecond(), 1));
        moto.put("requests", rate.requests());
        moto.put("planned", rate.planned());
        moto.put("timeLimitSeconds", rate.limit().toSeconds());
        moto.put("failures", rate.failures());
        moto.put("seconds", round(seconds(rate.elapsed()), 2));
        moto.put("threads", MotoRate.THREADS);
        moto.put("mix", "1 in " + MotoRate.LIST_EVERY + " a list call (DescribeVolumes per region,"
                + " ListVirtualMFADevices, GetAccountSummary), the rest per-bucket S3 reads (6 operations)");
        moto.set("byOperation", JSON.valueToTree(rate.byOperation()));
        ObjectNode latency = moto.putObject("meanLatencyMillis");
        rate.meanLatencyMillis().forEach((operation, millis) -> latency.put(operation, round(millis, 1)));
        moto.put("motoCpuSeconds", round(seconds(motoCpuDuringRate), 2));
        moto.put("motoCpuUtilisation", round(seconds(motoCpuDuringRate) / seconds(rate.elapsed()), 2));
        moto.put("clientCpuSeconds", round(seconds(clientCpuDuringRate), 2));

        ObjectNode scanNode = root.putObject("scan");
        scanNode.set("command", JSON.valueToTree(scan.command()));
        scanNode.put("exitCode", scan.exitCode());
        scanNode.put("wallSeconds", round(seconds(scan.wall()), 2));
        scanNode.put("collectionSeconds", collection == null ? null : round(seconds(collection), 3));
        scanNode.put("evaluationSeconds", evaluation == null ? null : round(seconds(evaluation), 3));
        scanNode.put("peakRssMiB", scan.peakRssKib() < 0 ? null : round(scan.peakRssKib() / 1024.0, 1));
        scanNode.put("maxSampledRssMiB", scan.maxSampledRssKib() < 0 ? null
                : round(scan.maxSampledRssKib() / 1024.0, 1));
        scanNode.put("scannerCpuSeconds", round(seconds(scan.cpu()), 2));
        scanNode.put("motoCpuSeconds", round(seconds(motoCpuDuringScan), 2));
        ObjectNode threads = scanNode.putObject("scannerCpuSecondsByThread");
        scan.cpuByThread().entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(entry -> threads.put(entry.getKey(), round(entry.getValue(), 2)));
        ObjectNode heap = scanNode.putObject("heap");
        heap.put("maxHeapMiB", gc.maxHeapMib() < 0 ? null : round(gc.maxHeapMib(), 1));
        heap.put("peakUsedMiB", gc.peakUsedMib() < 0 ? null : round(gc.peakUsedMib(), 1));
        heap.put("peakLiveAfterGcMiB", gc.peakLiveMib() < 0 ? null : round(gc.peakLiveMib(), 1));
        heap.put("peakCommittedMiB", gc.peakCommittedMib() < 0 ? null : round(gc.peakCommittedMib(), 1));
        heap.put("gcPauses", gc.collections());
        heap.put("fullGcPauses", gc.fullCollections());
        scanNode.put("bundleComplete", bundleComplete());
        scanNode.set("missingBundleFiles", JSON.valueToTree(missingBundleFiles));
        scanNode.put("verifyExitCode", verifyExit);
        scanNode.put("outOfMemoryError", outOfMemory);
        if (manifest != null) {
            scanNode.set("toolVersion", manifest.path("tool").path("version"));
            scanNode.set("plugins", manifest.path("plugins"));
            scanNode.set("findings", manifest.path("counts").path("findings"));
            scanNode.set("resources", manifest.path("counts").path("resources"));
            scanNode.set("facts", manifest.path("counts").path("facts"));
            scanNode.set("issues", manifest.path("counts").path("issues"));
            scanNode.set("evidenceFiles", manifest.path("counts").path("evidence"));
        }

        ObjectNode callsNode = root.putObject("apiCalls");
        callsNode.put("total", calls);
        callsNode.put("minimum", minimum);
        callsNode.put("ratio", round(ratio(), 4));
        callsNode.put("callsBeyondMinimumDueToMoto", emulatorExcess);
        callsNode.put("ratioWithoutMotoGaps", minimum == 0 ? 0 : round((double) (calls - emulatorExcess) / minimum,
                4));
        callsNode.put("formula", MinimumCalls.formula());
        ArrayNode operations = callsNode.putArray("byOperation");
        for (MinimumCalls.Line line : lines) {
            ObjectNode node = operations.addObject();
            node.put("operation", line.operation());
            node.put("kind", line.kind().name());
            node.put("calls", line.calls());
            node.put("minimum", line.minimum());
            node.put("formula", line.formula());
            node.put("note", line.note());
            node.put("classified", line.classified());
            node.put("motoGap", line.emulatorGap());
        }
        callsNode.set("seededButNotRead", JSON.valueToTree(MinimumCalls.unread(apiCalls, estate)));

        ArrayNode spans = root.putArray("collectionTimeline");
        for (Timeline.Span span : timeline.operations()) {
            ObjectNode node = spans.addObject();
            node.put("operation", span.operation());
            node.put("evidenceFiles", span.files());
            node.put("firstSeconds", round(span.first(), 3));
            node.put("lastSeconds", round(span.last(), 3));
        }

        ArrayNode targetNodes = root.putArray("targets");
        for (Target target : targets) {
            ObjectNode node = targetNodes.addObject();
            node.put("name", target.name());
            node.put("target", target.target());
            node.put("actual", target.actual());
            node.put("result", target.met() ? "PASS" : "FAIL");
        }
        root.put("benchmarkWallSeconds", round(seconds(benchmarkWall), 1));
        return root;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Evidentry scan benchmark: N = ").append(options.n()).append(options.smoke() ? " (smoke)" : "")
                .append("\n\n");
        md.append("Started ").append(started).append(" on ").append(machine.cpus()).append(" CPUs (")
                .append(machine.cpuModel()).append("), ").append(machine.memoryMib()).append(" MiB, ")
                .append(machine.os()).append(", ").append(machine.java())
                .append(machine.source().isEmpty() ? "" : ", source " + machine.source())
                .append(". Load average (1, 5, 15 min) when the benchmark started: ").append(loadAtStart)
                .append(", at its end: ").append(machine.loadAverage()).append(".\n");
        md.append("Regions: ").append(String.join(", ", options.regions())).append(". Scan JVM: -Xmx")
                .append(options.xmx()).append(". Benchmark wall time: ").append(format(seconds(benchmarkWall), 1))
                .append(" s.\n\n");

        md.append("## Results\n\n| | |\n|---|---|\n");
        row(md, "N (users, buckets, volumes each)", String.valueOf(options.n()));
        row(md, "seeding", seedCalls + " calls in " + format(seconds(seeding), 1) + " s ("
                + format(seedCalls / seconds(seeding), 1) + " calls/s, " + Seeder.THREADS + " threads)");
        row(md, "moto max rate", format(rate.requestsPerSecond(), 1) + " req/s (" + rate.requests() + " requests in "
                + format(seconds(rate.elapsed()), 1) + " s, " + MotoRate.THREADS + " threads; moto CPU "
                + format(seconds(motoCpuDuringRate) / seconds(rate.elapsed()) * 100, 0) + "% of one core, client CPU "
                + format(seconds(clientCpuDuringRate) / seconds(rate.elapsed()) * 100, 0) + "%)");
        row(md, "scan exit code", String.valueOf(scan.exitCode()));
        row(md, "collection wall time", collection == null ? "n/a" : format(seconds(collection), 2) + " s");
        row(md, "evaluation wall time", evaluation == null ? "n/a" : format(seconds(evaluation), 2) + " s");
        row(md, "whole scan run (JVM launch to exit)", format(seconds(scan.wall()), 2) + " s");
        row(md, "API calls / minimum", calls + " / " + minimum + " = " + format(ratio(), 3));
        if (emulatorExcess > 0) {
            row(md, "… without the calls moto's gaps cause", (calls - emulatorExcess) + " / " + minimum + " = "
                    + format((double) (calls - emulatorExcess) / minimum, 3) + " (information only)");
        }
        row(md, "calls ÷ moto max rate", format(expectedSeconds(), 2) + " s");
        row(md, "peak RSS (VmHWM)", scan.peakRssKib() < 0 ? "n/a" : format(scan.peakRssKib() / 1024.0, 1) + " MiB");
        row(md, "heap: peak used / peak live after GC / max", mib(gc.peakUsedMib()) + " / " + mib(gc.peakLiveMib())
                + " / " + mib(gc.maxHeapMib()) + " (" + gc.collections() + " GC pauses, " + gc.fullCollections()
                + " full)");
        row(md, "CPU during the scan", "scanner " + format(seconds(scan.cpu()), 1) + " s, moto "
                + format(seconds(motoCpuDuringScan), 1) + " s, over " + format(seconds(scan.wall()), 1)
                + " s of wall time on " + machine.cpus() + " CPUs");
        if (!scan.cpuByThread().isEmpty()) {
            List<String> top = new ArrayList<>();
            scan.cpuByThread().entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(6)
                    .forEach(entry -> top.add(entry.getKey() + " " + format(entry.getValue(), 1) + " s"));
            row(md, "scanner CPU by thread", String.join(", ", top));
        }
        if (manifest != null) {
            row(md, "bundle", manifest.path("counts").path("resources").asText() + " resources, "
                    + manifest.path("counts").path("facts").asText() + " facts, "
                    + manifest.path("counts").path("issues").asText() + " issues, "
                    + manifest.path("counts").path("evidence").asText() + " evidence files; findings "
                    + manifest.path("counts").path("findings"));
        }
        row(md, "bundle complete", bundleComplete() ? "yes (evidentry verify: exit 0)"
                : "NO: missing " + missingBundleFiles + ", verify exit " + verifyExit);

        md.append("\n## Targets\n\n| target | bound | measured | result |\n|---|---|---|---|\n");
        for (Target target : targets) {
            md.append("| ").append(target.name()).append(" | ").append(target.target()).append(" | ")
                    .append(target.actual()).append(" | ").append(target.met() ? "PASS" : "**FAIL**").append(" |\n");
        }

        md.append("\n## API calls by operation\n\n| operation | kind | calls | minimum | beyond | how the minimum is "
                + "counted | note |\n|---|---|---:|---:|---:|---|---|\n");
        for (MinimumCalls.Line line : lines) {
            md.append("| ").append(line.operation()).append(" | ").append(line.kind().label)
                    .append(line.classified() ? "" : " (unclassified)").append(" | ").append(line.calls())
                    .append(" | ").append(line.minimum()).append(" | ").append(line.excess() == 0 ? ""
                            : (line.excess() > 0 ? "+" : "") + line.excess())
                    .append(" | ").append(line.formula()).append(" | ").append(line.note())
                    .append(line.emulatorGap() && line.excess() > 0 ? " (**moto's gap**)" : "").append(" |\n");
        }
        md.append("| **total** | | **").append(calls).append("** | **").append(minimum).append("** | ")
                .append(calls - minimum > 0 ? "+" : "").append(calls - minimum).append(" | | |\n");
        List<String> unread = MinimumCalls.unread(apiCalls, estate);
        if (!unread.isEmpty()) {
            md.append("\nSeeded but not read by this scan:\n\n");
            unread.forEach(line -> md.append("- ").append(line).append('\n'));
        }
        if (!timeline.operations().isEmpty()) {
            md.append("\n## When the answers came\n\nSeconds after the scan started (manifest startedAt), from the "
                    + "evidence files' collectedAt (identical answers share a file).\n\n"
                    + "| operation | evidence files | first | last |\n|---|---:|---:|---:|\n");
            for (Timeline.Span span : timeline.operations()) {
                md.append("| ").append(span.operation()).append(" | ").append(span.files()).append(" | ")
                        .append(format(span.first(), 2)).append(" | ").append(format(span.last(), 2)).append(" |\n");
            }
        }
        md.append("\n## The minimum, from first principles\n\n```\n").append(MinimumCalls.formula())
                .append("\n```\n\nEstate seeded: ").append(estate.describe()).append(".\n");
        md.append("\nmoto rate by operation (requests, mean latency): ");
        List<String> parts = new ArrayList<>();
        rate.byOperation().forEach((operation, count) -> parts.add(operation + " " + count + " ("
                + format(rate.meanLatencyMillis().get(operation), 1) + " ms)"));
        md.append(String.join(", ", parts)).append(".\n");
        return md.toString();
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static String mib(double value) {
        return value < 0 ? "n/a" : format(value, 1) + " MiB";
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static String format(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Double.isFinite(value) ? Math.round(value * scale) / scale : value;
    }
}
