package dev.evidentry.bench;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * The benchmark's command line.
 *
 * @param n IAM users, S3 buckets and EBS volumes to seed (each)
 * @param regions the regions buckets and volumes are spread over, and the scan's {@code --region}
 * @param out where the report, the GC log and the bundle go
 * @param xmx the scan JVM's {@code -Xmx}
 * @param smoke a short moto rate measurement, for the build's smoke test
 * @param jfr also record the scan JVM with Java Flight Recorder (profile settings) to {@code scan.jfr}: a diagnosis
 *     aid; it costs the scan some CPU, so its times are not the benchmark's
 * @param distribution the installed layout whose {@code bin/evidentry} is run
 */
record BenchOptions(int n, List<String> regions, Path out, String xmx, boolean smoke, boolean jfr,
        Path distribution) {

    static final List<String> DEFAULT_REGIONS = List.of("us-east-1", "eu-west-1", "us-west-2", "ap-southeast-2");
    static final String USAGE = """
            usage: Benchmark [--n N] [--regions r1,r2,...] [--out DIR] [--xmx SIZE] [--smoke] [--jfr]
                             [--distribution DIR]
              --n N             IAM users, S3 buckets and EBS volumes to seed, each (default 1000)
              --regions LIST    regions for buckets, volumes and the scan (default %s)
              --out DIR         output directory (default bench/results/<UTC timestamp>-n<N>)
              --xmx SIZE        -Xmx of the scan JVM (default 256m)
              --smoke           a short moto rate measurement (the build's smoke test)
              --jfr             also profile the scan JVM with Flight Recorder into OUT/scan.jfr (diagnosis
                                only: the profiler's own cost makes its times unfit for the results)
              --distribution D  the layout to run (default: -Devidentry.distribution, else
                                distribution/target/evidentry or ../distribution/target/evidentry)
            """.formatted(String.join(",", DEFAULT_REGIONS));

    BenchOptions {
        if (n < 1) {
            throw new IllegalArgumentException("--n must be at least 1, was " + n);
        }
        regions = List.copyOf(requireNonNull(regions, "regions is null"));
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("--regions names no region");
        }
        requireNonNull(out, "out is null");
        requireNonNull(xmx, "xmx is null");
        if (!xmx.matches("\\d+[kKmMgG]?")) {
            throw new IllegalArgumentException("--xmx must look like 256m, was " + xmx);
        }
        requireNonNull(distribution, "distribution is null");
        // bin/evidentry splits EVIDENTRY_JAVA_OPTS on blanks, and -Xlog:gc:file= on ':' and ','.
        String path = out.toAbsolutePath().toString();
        if (path.matches(".*[\\s:,].*")) {
            throw new IllegalArgumentException("--out must not contain blanks, ':' or ',' (it goes into -Xlog): "
                    + path);
        }
    }

    static BenchOptions parse(String... args) {
        int n = 1000;
        List<String> regions = DEFAULT_REGIONS;
        Path out = null;
        String xmx = "256m";
        boolean smoke = false;
        boolean jfr = false;
        Path distribution = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--n" -> n = parseInt(arg, value(args, ++i, arg));
                case "--regions" -> regions = Arrays.stream(value(args, ++i, arg).split(","))
                        .map(String::strip).filter(region -> !region.isEmpty()).toList();
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--xmx" -> xmx = value(args, ++i, arg);
                case "--smoke" -> smoke = true;
                case "--jfr" -> jfr = true;
                case "--distribution" -> distribution = Path.of(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown argument " + arg + "\n" + USAGE);
            }
        }
        if (out == null) {
            String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
            Path results = Files.isDirectory(Path.of("bench")) ? Path.of("bench", "results") : Path.of("results");
            out = results.resolve(stamp + "-n" + n);
        }
        return new BenchOptions(n, regions, out.toAbsolutePath().normalize(), xmx, smoke, jfr,
                distribution != null ? distribution.toAbsolutePath().normalize() : defaultDistribution());
    }

    private static Path defaultDistribution() {
        String configured = System.getProperty("evidentry.distribution");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path candidate : List.of(Path.of("distribution/target/evidentry"),
                Path.of("../distribution/target/evidentry"))) {
            if (Files.isDirectory(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        return Path.of("distribution/target/evidentry").toAbsolutePath();
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[index];
    }

    private static int parseInt(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number, was " + value);
        }
    }
}
