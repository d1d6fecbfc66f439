package dev.evidentry.core.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SortedSpoolTest {

    @TempDir
    Path temp;

    @Test
    void sortsAcrossManyChunksByKey() throws IOException {
        List<String> keys = new ArrayList<>(IntStream.range(0, 40).mapToObj(i -> String.format("k%03d", i)).toList());
        Collections.shuffle(keys, new Random(7));
        Path directory = temp.resolve("spool");
        List<String> read = new ArrayList<>();

        try (SortedSpool spool = new SortedSpool(directory, 3)) {
            keys.forEach(key -> spool.add(key, "line of " + key));
            assertThat(runFiles(directory)).as("at most chunkSize lines stay in memory").hasSize(13);
            spool.forEachSorted(read::add);
            assertThat(spool.size()).isEqualTo(40);
        }

        assertThat(read).hasSize(40)
                .isEqualTo(IntStream.range(0, 40).mapToObj(i -> String.format("line of k%03d", i)).toList());
    }

    @Test
    void keepsTiesInInsertionOrderAcrossChunks() {
        List<String> read = new ArrayList<>();
        try (SortedSpool spool = new SortedSpool(temp.resolve("spool"), 3)) {
            spool.add("b", "b1");
            spool.add("a", "a1");
            spool.add("b", "b2");
            spool.add("a", "a2");
            spool.add("b", "b3");
            spool.add("a", "a3");
            spool.add("a", "a4");
            spool.forEachSorted(read::add);
        }

        assertThat(read).containsExactly("a1", "a2", "a3", "a4", "b1", "b2", "b3");
    }

    @Test
    void linesMayHoldTabsButKeysMayNot() {
        List<String> read = new ArrayList<>();
        try (SortedSpool spool = new SortedSpool(temp.resolve("spool"), 2)) {
            spool.add("2", "two\twith\ttabs");
            spool.add("1", "{\"json\":\"one\"}");
            spool.forEachSorted(read::add);

            assertThatThrownBy(() -> spool.add("a\tb", "x")).isInstanceOf(IllegalArgumentException.class);
        }

        assertThat(read).containsExactly("{\"json\":\"one\"}", "two\twith\ttabs");
    }

    @Test
    void rejectsLineBreaksInLinesAndKeys() {
        try (SortedSpool spool = new SortedSpool(temp.resolve("spool"), 2)) {
            assertThatThrownBy(() -> spool.add("k", "first\nsecond"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("single-line");
            assertThatThrownBy(() -> spool.add("k\n", "line")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> spool.add("k", "first\rsecond"))
                    .as("a reader splits lines at a carriage return too")
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> spool.add("k\r", "line")).isInstanceOf(IllegalArgumentException.class);
            assertThat(spool.size()).isZero();
        }
    }

    @Test
    void closeDeletesTheRunFilesAndTheEmptyDirectory() throws IOException {
        Path directory = temp.resolve("spool");
        SortedSpool spool = new SortedSpool(directory, 2);
        for (int i = 0; i < 7; i++) {
            spool.add("k" + i, "v" + i);
        }
        spool.forEachSorted(line -> { });
        assertThat(runFiles(directory)).hasSize(4);

        spool.close();

        assertThat(directory).doesNotExist();
    }

    @Test
    void anEmptySpoolYieldsNothing() {
        List<String> read = new ArrayList<>();
        try (SortedSpool spool = new SortedSpool(temp.resolve("spool"), 5)) {
            spool.forEachSorted(read::add);
        }
        assertThat(read).isEmpty();
    }

    @Test
    void rejectsANonPositiveChunkSize() {
        assertThatThrownBy(() -> new SortedSpool(temp.resolve("spool"), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Path> runFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }
}
