package dev.evidentry.core.bundle;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Lines with sort keys, spooled to disk as they arrive and read back in key order: an external merge sort, so the
 * number of findings a scan can order is bounded by disk, not by heap. At most {@code chunkSize} lines are in memory.
 */
public final class SortedSpool implements AutoCloseable {

    private static final char SEPARATOR = '\t';

    private final Path directory;
    private final int chunkSize;
    private final List<String> chunk = new ArrayList<>();
    private final List<Path> runs = new ArrayList<>();
    private long size;

    public SortedSpool(Path directory, int chunkSize) {
        this.directory = requireNonNull(directory, "directory is null");
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be positive");
        }
        this.chunkSize = chunkSize;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds one line; neither the key nor the line may contain a line break, nor the key a tab. */
    public synchronized void add(String key, String line) {
        if (key.indexOf(SEPARATOR) >= 0 || hasLineBreak(key) || hasLineBreak(line)) {
            throw new IllegalArgumentException("spooled keys and lines are single-line and keys have no tab");
        }
        chunk.add(key + SEPARATOR + line);
        size++;
        if (chunk.size() >= chunkSize) {
            flushChunk();
        }
    }

    /** A carriage return counts: the runs are read back with {@link BufferedReader#readLine()}, which splits at it. */
    private static boolean hasLineBreak(String text) {
        return text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
    }

    public synchronized long size() {
        return size;
    }

    /** Hands every line to {@code consumer} in key order (ties in insertion order within a chunk). */
    public synchronized void forEachSorted(Consumer<String> consumer) {
        flushChunk();
        List<BufferedReader> readers = new ArrayList<>();
        try {
            PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparing(Head::key).thenComparing(Head::run));
            for (int run = 0; run < runs.size(); run++) {
                BufferedReader reader = Files.newBufferedReader(runs.get(run), StandardCharsets.UTF_8);
                readers.add(reader);
                advance(reader, run, heads);
            }
            while (!heads.isEmpty()) {
                Head head = heads.poll();
                consumer.accept(head.line());
                advance(readers.get(head.run()), head.run(), heads);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the finding spool in " + directory, e);
        } finally {
            for (BufferedReader reader : readers) {
                try {
                    reader.close();
                } catch (IOException ignored) {
                    // Closing a reader we only read from cannot lose data.
                }
            }
        }
    }

    private static void advance(BufferedReader reader, int run, PriorityQueue<Head> heads) throws IOException {
        String entry = reader.readLine();
        if (entry != null) {
            int split = entry.indexOf(SEPARATOR);
            heads.add(new Head(entry.substring(0, split), run, entry.substring(split + 1)));
        }
    }

    private void flushChunk() {
        if (chunk.isEmpty()) {
            return;
        }
        chunk.sort(Comparator.comparing(entry -> entry.substring(0, entry.indexOf(SEPARATOR))));
        Path run = directory.resolve("run-" + runs.size() + ".spool");
        try (BufferedWriter writer = Files.newBufferedWriter(run, StandardCharsets.UTF_8)) {
            for (String entry : chunk) {
                writer.write(entry);
                writer.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the finding spool in " + directory, e);
        }
        runs.add(run);
        chunk.clear();
    }

    @Override
    public synchronized void close() {
        chunk.clear();
        for (Path run : runs) {
            try {
                Files.deleteIfExists(run);
            } catch (IOException ignored) {
                // A leftover temporary file is harmless; the bundle never lists it.
            }
        }
        runs.clear();
        try {
            Files.deleteIfExists(directory);
        } catch (IOException ignored) {
            // Not empty or already gone: harmless.
        }
    }

    private record Head(String key, int run, String line) {
    }
}
