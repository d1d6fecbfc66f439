package dev.evidentry.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scan JVM's heap, read from its unified GC log: every pause line gives the heap used before and after it and
 * the committed size ({@code 45M->12M(256M)}); {@code gc+heap+exit} gives the heap used at exit (for a run with no
 * collection at all); {@code gc+init} the maximum heap.
 *
 * @param collections GC pauses logged
 * @param fullCollections full GC pauses among them (a sign of a heap that is too small)
 * @param peakUsedMib the most heap in use seen: the largest "before" of any pause, or the use at exit
 * @param peakLiveMib the largest "after" of any pause: what was still reachable (plus what a young pause keeps)
 * @param peakCommittedMib the largest committed heap
 * @param maxHeapMib the maximum heap the JVM reports ({@code -Xmx}), or -1 when not logged
 * @param outOfMemory whether the log mentions running out of heap
 */
record GcLog(int collections, int fullCollections, double peakUsedMib, double peakLiveMib, double peakCommittedMib,
        double maxHeapMib, boolean outOfMemory) {

    private static final Pattern PAUSE = Pattern.compile(
            "(\\d+(?:\\.\\d+)?)([KMG])->(\\d+(?:\\.\\d+)?)([KMG])\\((\\d+(?:\\.\\d+)?)([KMG])\\)");
    private static final Pattern EXIT_HEAP = Pattern.compile("heap\\s+total (\\d+)K, used (\\d+)K");
    private static final Pattern MAX_CAPACITY = Pattern.compile("Heap Max Capacity: (\\d+(?:\\.\\d+)?)([KMG])");

    /** The JVM option that writes the log this class reads. */
    static String option(Path file) {
        return "-Xlog:gc,gc+init,gc+heap+exit:file=" + file.toAbsolutePath();
    }

    static GcLog read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new GcLog(0, 0, -1, -1, -1, -1, false);
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int collections = 0;
        int fullCollections = 0;
        double used = -1;
        double live = -1;
        double committed = -1;
        double max = -1;
        boolean oom = false;
        for (String line : lines) {
            if (line.contains("Pause")) {
                Matcher pause = PAUSE.matcher(line);
                if (pause.find()) {
                    collections++;
                    if (line.contains("Pause Full")) {
                        fullCollections++;
                    }
                    used = Math.max(used, mib(pause.group(1), pause.group(2)));
                    live = Math.max(live, mib(pause.group(3), pause.group(4)));
                    committed = Math.max(committed, mib(pause.group(5), pause.group(6)));
                }
            }
            Matcher exit = EXIT_HEAP.matcher(line);
            if (exit.find()) {
                committed = Math.max(committed, Long.parseLong(exit.group(1)) / 1024.0);
                used = Math.max(used, Long.parseLong(exit.group(2)) / 1024.0);
            }
            Matcher capacity = MAX_CAPACITY.matcher(line);
            if (capacity.find()) {
                max = mib(capacity.group(1), capacity.group(2));
            }
            oom |= line.contains("OutOfMemory");
        }
        return new GcLog(collections, fullCollections, used, live, committed, max, oom);
    }

    private static double mib(String value, String unit) {
        double number = Double.parseDouble(value);
        return switch (unit) {
            case "K" -> number / 1024;
            case "G" -> number * 1024;
            default -> number;
        };
    }
}
