package dev.evidentry.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code bin/evidentry scan} as a separate JVM and watches it: wall time from launch to exit, peak resident set
 * ({@code VmHWM} in {@code /proc/<pid>/status}, read every {@value #POLL_MILLIS} ms; the launcher script execs java,
 * so the pid is the JVM's) and CPU time.
 */
final class ScanRun {

    static final int POLL_MILLIS = 50;
    static final int THREAD_POLL_MILLIS = 250;
    /** Clock ticks per second of /proc's CPU times ({@code getconf CLK_TCK}; 100 on Linux). */
    private static final double CLOCK_TICKS = 100.0;
    static final Duration TIMEOUT = Duration.ofMinutes(30);

    /**
     * What the process did.
     *
     * @param command the command line run
     * @param exitCode its exit code, or -1 when it was killed at the time limit
     * @param wall launch to exit
     * @param peakRssKib the last {@code VmHWM} read (the high-water mark of the resident set), or -1 if never read
     * @param maxSampledRssKib the largest {@code VmRSS} sampled, a cross-check of {@code peakRssKib}
     * @param cpu CPU time (user + system) last read, or {@link Duration#ZERO}
     * @param cpuByThread CPU seconds by thread group (JIT compilers, GC workers, the engine's pool, ...), from
     *     {@code /proc/<pid>/task/<tid>/stat} read every {@value #THREAD_POLL_MILLIS} ms (the last 250 ms are lost)
     * @param stdout its standard output file
     * @param stderr its standard error file
     */
    record Result(List<String> command, int exitCode, Duration wall, long peakRssKib, long maxSampledRssKib,
            Duration cpu, Map<String, Double> cpuByThread, Path stdout, Path stderr) {

        boolean timedOut() {
            return exitCode == -1;
        }
    }

    private ScanRun() {
    }

    static Result run(Path distribution, String endpoint, List<String> regions, Path bundle, Path gcLog, String xmx,
            boolean jfr, Path out) throws IOException, InterruptedException {
        Path launcher = distribution.resolve("bin/evidentry");
        if (!Files.isRegularFile(launcher) || !Files.isDirectory(distribution.resolve("plugins/aws"))) {
            throw new IllegalStateException("no distribution layout at " + distribution
                    + " (bin/evidentry and plugins/aws); build it first: ./mvnw -B -q -DskipTests package");
        }
        List<String> command = new ArrayList<>(List.of("sh", launcher.toString(), "scan", "--provider", "aws",
                "--endpoint-url", endpoint, "--region", String.join(",", regions), "--output", bundle.toString(),
                "--no-progress"));
        Path stdout = out.resolve("scan-stdout.txt");
        Path stderr = out.resolve("scan-stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("EVIDENTRY_"));
        environment.put("EVIDENTRY_JAVA_OPTS", "-Xmx" + xmx + " " + GcLog.option(gcLog) + (jfr
                ? " -XX:StartFlightRecording=settings=profile,filename=" + out.resolve("scan.jfr").toAbsolutePath()
                : ""));
        environment.put("AWS_ACCESS_KEY_ID", "testing");
        environment.put("AWS_SECRET_ACCESS_KEY", "testing");
        environment.put("AWS_REGION", regions.get(0));
        environment.put("AWS_EC2_METADATA_DISABLED", "true");
        // No profile or credentials file of this machine's user may take part.
        environment.put("AWS_CONFIG_FILE", out.resolve("no-aws-config").toString());
        environment.put("AWS_SHARED_CREDENTIALS_FILE", out.resolve("no-aws-credentials").toString());

        long start = System.nanoTime();
        Process process = builder.start();
        Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
        long peakRss = -1;
        long sampledRss = -1;
        Duration cpu = Duration.ZERO;
        long deadline = start + TIMEOUT.toNanos();
        // Every thread ever seen, with its CPU when last read: threads that end early (the collection pool) count too.
        Map<Long, ThreadCpu> threads = new HashMap<>();
        long nextThreadPoll = start;
        while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            if (System.nanoTime() >= nextThreadPoll) {
                threads.putAll(threadCpu(process.pid()));
                nextThreadPoll = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(THREAD_POLL_MILLIS);
            }
            peakRss = Math.max(peakRss, readKib(status, "VmHWM:").orElse(-1L));
            sampledRss = Math.max(sampledRss, readKib(status, "VmRSS:").orElse(-1L));
            cpu = process.info().totalCpuDuration().orElse(cpu);
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                process.waitFor();
                return new Result(command, -1, Duration.ofNanos(System.nanoTime() - start), peakRss, sampledRss, cpu,
                        byName(threads), stdout, stderr);
            }
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        return new Result(command, process.exitValue(), wall, peakRss, sampledRss, cpu, byName(threads), stdout,
                stderr);
    }

    /** CPU seconds (user + system) of each thread of a process, by thread id; empty once the process is gone. */
    static Map<Long, ThreadCpu> threadCpu(long pid) {
        Map<Long, ThreadCpu> cpu = new HashMap<>();
        try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
                } catch (IOException gone) {
                    continue;
                }
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                if (open < 0 || close < open) {
                    continue;
                }
                String[] fields = stat.substring(close + 2).split(" ");
                // After the name: state(0) ppid(1) ... utime(11) stime(12), in clock ticks.
                double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS;
                cpu.put(Long.parseLong(task.getFileName().toString()),
                        new ThreadCpu(stat.substring(open + 1, close), seconds));
            }
        } catch (IOException | RuntimeException gone) {
            return Map.of();
        }
        return cpu;
    }

    /**
     * CPU seconds summed by thread name with its numbers left out ({@code C2 CompilerThread0} and
     * {@code C2 CompilerThread1} are {@code C2 CompilerThread#}; Linux keeps 15 characters of a name).
     */
    static Map<String, Double> byName(Map<Long, ThreadCpu> threads) {
        Map<String, Double> byName = new TreeMap<>();
        threads.values().forEach(thread -> byName.merge(thread.name().replaceAll("\\d+", "#"), thread.seconds(),
                Double::sum));
        return byName;
    }

    /** One thread's name and CPU seconds when last read. */
    record ThreadCpu(String name, double seconds) {}

    /** A {@code kB} field of {@code /proc/<pid>/status}, if the process still exists. */
    static Optional<Long> readKib(Path status, String field) {
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
                if (line.startsWith(field)) {
                    String[] parts = line.substring(field.length()).trim().split("\\s+");
                    return Optional.of(Long.parseLong(parts[0]));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process has exited between two reads
        }
        return Optional.empty();
    }
}
