package dev.evidentry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evidentry.testkit.MotoServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The scan benchmark of issue 4: starts moto, seeds N IAM users, N S3 buckets and N EBS volumes over the regions,
 * measures moto's own maximum request rate on the calls a scan makes, runs {@code bin/evidentry scan} as a separate
 * JVM with {@code -Xmx256m} and a GC log, and reports calls against the minimum, times against moto's rate, and
 * memory, with PASS or FAIL for each target. See {@code docs/performance.md}.
 *
 * <p>Usage: {@code bench/run.sh [--n N] [--regions ...] [--out DIR] [--xmx 256m] [--smoke] [--jfr]}. Exit code 0 when every
 * target is met, 1 when one is missed, 2 when the benchmark itself could not run.
 */
public final class Benchmark {

    static final Set<Integer> COMPLETED_EXIT_CODES = Set.of(0, 1, 3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Benchmark() {
    }

    public static void main(String[] args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("benchmark: " + e.getMessage());
            System.exit(2);
            return;
        }
        // The JDK keeps at most 5 idle connections per host by default; the benchmark runs 8 threads.
        System.setProperty("http.maxConnections", "16");
        try {
            Report report = run(options);
            System.out.println(report.markdown());
            System.exit(report.allTargetsMet() ? 0 : 1);
        } catch (Exception e) {
            System.err.println("benchmark: " + e);
            e.printStackTrace();
            System.exit(2);
        }
    }

    /** Runs the whole benchmark and writes {@code report.md} and {@code report.json} into the output directory. */
    static Report run(BenchOptions options) throws IOException, InterruptedException {
        Instant started = Instant.now();
        String loadAtStart = Machine.readLoadAverage();
        long benchStart = System.nanoTime();
        Files.createDirectories(options.out());
        Path distribution = options.distribution();
        if (!Files.isRegularFile(distribution.resolve("bin/evidentry"))) {
            throw new IllegalStateException("no distribution layout at " + distribution
                    + "; build it first: ./mvnw -B -q -DskipTests package");
        }
        Estate estate = new Estate(options.n(), options.regions());
        log("moto: starting " + System.getProperty(MotoServer.EXECUTABLE_PROPERTY, "moto_server"));
        try (MotoServer moto = MotoServer.start()) {
            log("moto: " + moto.endpoint());

            log("seeding: " + options.n() + " IAM users, S3 buckets and EBS volumes over " + options.regions()
                    + " with " + Seeder.THREADS + " threads");
            long seedStart = System.nanoTime();
            long seedCalls;
            try (AwsSdk sdk = new AwsSdk(moto.endpoint(), true)) {
                seedCalls = new Seeder(sdk, estate).seed();
            }
            Duration seeding = Duration.ofNanos(System.nanoTime() - seedStart);
            log("seeding: " + seedCalls + " calls in " + seconds(seeding) + " s");

            int planned = options.smoke() ? 150 : (int) Math.min(3000, Math.max(600, 3L * options.n()));
            Duration limit = options.smoke() ? Duration.ofSeconds(10) : Duration.ofSeconds(60);
            log("moto rate: " + planned + " requests with " + MotoRate.THREADS + " threads, at most "
                    + limit.toSeconds() + " s");
            Duration motoCpuBefore = motoCpu(Optional.empty());
            Duration clientCpuBefore = ownCpu();
            MotoRate.Result rate;
            try (AwsSdk sdk = new AwsSdk(moto.endpoint(), false)) {
                rate = new MotoRate(sdk, estate).measure(planned, limit);
            }
            Duration motoCpuDuringRate = motoCpu(Optional.empty()).minus(motoCpuBefore);
            Duration clientCpuDuringRate = ownCpu().minus(clientCpuBefore);
            log("moto rate: %.1f req/s (%d requests in %s s)".formatted(rate.requestsPerSecond(), rate.requests(),
                    seconds(rate.elapsed())));

            Path bundle = options.out().resolve("bundle");
            Path gcLog = options.out().resolve("gc.log");
            Files.deleteIfExists(gcLog);
            log("scan: " + distribution.resolve("bin/evidentry") + " with -Xmx" + options.xmx());
            Duration motoCpuBeforeScan = motoCpu(Optional.empty());
            ScanRun.Result scan = ScanRun.run(distribution, moto.endpoint(), options.regions(), bundle, gcLog,
                    options.xmx(), options.jfr(), options.out());
            Duration motoCpuDuringScan = motoCpu(Optional.empty()).minus(motoCpuBeforeScan);
            log("scan: exit " + scan.exitCode() + " after " + seconds(scan.wall()) + " s");

            Path manifestFile = bundle.resolve("manifest.json");
            JsonNode manifest = Files.exists(manifestFile) ? JSON.readTree(manifestFile.toFile()) : null;
            if (manifest != null) {
                Files.copy(manifestFile, options.out().resolve("manifest.json"), StandardCopyOption.REPLACE_EXISTING);
            }
            List<String> missing = missingBundleFiles(bundle);
            int verifyExit = manifest == null ? -1 : verify(distribution, bundle, options.out());
            boolean outOfMemory = mentionsOutOfMemory(scan.stdout()) || mentionsOutOfMemory(scan.stderr());
            GcLog gc = GcLog.read(gcLog);
            Timeline timeline = manifest == null ? new Timeline(List.of())
                    : Timeline.read(bundle.resolve("evidence"), Instant.parse(manifest.path("startedAt").asText()));

            Report report = new Report(options, started, estate, seedCalls, seeding, rate, motoCpuDuringRate,
                    clientCpuDuringRate, scan,
                    motoCpuDuringScan, manifest, missing, verifyExit, outOfMemory || gc.outOfMemory(), gc, timeline,
                    loadAtStart,
                    Duration.ofNanos(System.nanoTime() - benchStart), Machine.describe(distribution));
            Files.writeString(options.out().resolve("report.md"), report.markdown(), StandardCharsets.UTF_8);
            JSON.writerWithDefaultPrettyPrinter().writeValue(options.out().resolve("report.json").toFile(),
                    report.json());
            log("report: " + options.out().resolve("report.md"));
            return report;
        }
    }

    /** The bundle files every scan writes; an empty list when the bundle is complete. */
    static List<String> missingBundleFiles(Path bundle) {
        List<String> missing = new ArrayList<>();
        for (String name : List.of("manifest.json", "findings.jsonl", "resources.jsonl", "issues.jsonl",
                "controls.json", "sarif", "evidence")) {
            if (!Files.exists(bundle.resolve(name))) {
                missing.add(name);
            }
        }
        return missing;
    }

    /** {@code evidentry verify BUNDLE}: recomputes every hash the manifest lists. */
    private static int verify(Path distribution, Path bundle, Path out) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("sh", distribution.resolve("bin/evidentry").toString(), "verify",
                bundle.toString())
                .redirectErrorStream(true)
                .redirectOutput(out.resolve("verify-output.txt").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("EVIDENTRY_"));
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    private static boolean mentionsOutOfMemory(Path file) throws IOException {
        return Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).contains("OutOfMemoryError");
    }

    /**
     * CPU time of moto: every process this JVM started that is still running (moto_server and what it runs), minus
     * the one given (the scan).
     */
    private static Duration motoCpu(Optional<Long> except) {
        return ProcessHandle.current().descendants()
                .filter(handle -> except.map(pid -> handle.pid() != pid).orElse(true))
                .map(handle -> handle.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    private static Duration ownCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    static String seconds(Duration duration) {
        return "%.1f".formatted(duration.toNanos() / 1e9);
    }

    private static void log(String message) {
        System.err.println("[bench] " + message);
    }

    /** Where the numbers were taken. */
    record Machine(int cpus, String cpuModel, long memoryMib, String os, String java, String source,
            String loadAverage) {

        static Machine describe(Path distribution) {
            String model = "";
            long memory = -1;
            try {
                model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                        .filter(line -> line.startsWith("model name")).findFirst()
                        .map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse("");
                memory = ScanRun.readKib(Path.of("/proc/meminfo"), "MemTotal:").orElse(-1L) / 1024;
            } catch (IOException | RuntimeException e) {
                // not Linux: leave them empty
            }
            return new Machine(Runtime.getRuntime().availableProcessors(), model, memory,
                    System.getProperty("os.name") + " " + System.getProperty("os.version"),
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                    gitDescribe(distribution), readLoadAverage());
        }

        Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("cpus", cpus);
            map.put("cpuModel", cpuModel);
            map.put("memoryMiB", memoryMib);
            map.put("os", os);
            map.put("java", java);
            map.put("source", source);
            map.put("loadAverageAtEnd", loadAverage);
            return map;
        }

        /** /proc/loadavg's 1, 5 and 15 minute load: other work on a shared machine shows here. */
        static String readLoadAverage() {
            try {
                String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
                return parts[0] + " " + parts[1] + " " + parts[2];
            } catch (IOException | RuntimeException e) {
                return "";
            }
        }

        /** The commit the layout was most likely built from ({@code git describe --always --dirty}), if known. */
        private static String gitDescribe(Path distribution) {
            try {
                Process git = new ProcessBuilder("git", "describe", "--always", "--dirty")
                        .directory(distribution.toFile()).redirectErrorStream(true).start();
                String text = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                return git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0 ? "git " + text : "";
            } catch (IOException | InterruptedException e) {
                return "";
            }
        }
    }
}
