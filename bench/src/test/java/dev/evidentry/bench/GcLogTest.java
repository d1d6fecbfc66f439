package dev.evidentry.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GcLogTest {

    @TempDir
    Path directory;

    @Test
    void readsPeakUseLiveHeapAndMaximumFromAUnifiedGcLog() throws Exception {
        Path log = directory.resolve("gc.log");
        Files.writeString(log, """
                [0.002s][info][gc] Using G1
                [0.004s][info][gc,init] Heap Max Capacity: 256M
                [1.125s][info][gc     ] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 50M->19M(64M) 8.637ms
                [2.312s][info][gc     ] GC(1) Pause Remark 20M->20M(64M) 7.185ms
                [3.000s][info][gc     ] GC(2) Pause Full (G1 Compaction Pause) 120M->35M(128M) 30.1ms
                [9.119s][info][gc,heap,exit]  garbage-first heap   total 131072K, used 43395K [0x0, 0x1)
                """);

        GcLog gc = GcLog.read(log);

        assertThat(gc.collections()).isEqualTo(3);
        assertThat(gc.fullCollections()).isEqualTo(1);
        assertThat(gc.peakUsedMib()).isEqualTo(120);
        assertThat(gc.peakLiveMib()).isEqualTo(35);
        assertThat(gc.peakCommittedMib()).isEqualTo(128);
        assertThat(gc.maxHeapMib()).isEqualTo(256);
        assertThat(gc.outOfMemory()).isFalse();
    }
}
