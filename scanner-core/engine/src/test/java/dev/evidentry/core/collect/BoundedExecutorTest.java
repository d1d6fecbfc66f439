package dev.evidentry.core.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BoundedExecutorTest {

    private static final List<Integer> TWENTY = IntStream.range(0, 20).boxed().toList();

    @Test
    void nestedFanOutsOnAPoolOfOneDoNotDeadlock() {
        AtomicInteger leaves = new AtomicInteger();
        try (BoundedExecutor executor = new BoundedExecutor(1)) {
            assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                    executor.forEach(List.of("us-east-1", "eu-west-1", "ap-south-1"), region ->
                            executor.forEach(List.of("a", "b", "c"), bucket ->
                                    executor.forEach(List.of(1, 2), page -> leaves.incrementAndGet()))));
        }
        assertThat(leaves).hasValue(18);
    }

    @Test
    void neverRunsMoreTasksAtOnceThanThePoolSize() throws InterruptedException {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maximum = new AtomicInteger();
        CountDownLatch twoRunning = new CountDownLatch(2);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try (BoundedExecutor executor = new BoundedExecutor(2)) {
            executor.forEach(TWENTY, item -> {
                maximum.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                threads.add(Thread.currentThread().getName());
                try {
                    // The first two wait for each other, so the pool is seen full at least once.
                    twoRunning.countDown();
                    twoRunning.await(10, TimeUnit.SECONDS);
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        }
        assertThat(maximum).hasValue(2);
        assertThat(threads).hasSize(2).allSatisfy(name -> assertThat(name).startsWith("evidentry-collect-"));
    }

    @Test
    void everyTaskRunsAndTheFirstFailureIsRethrownAfterAllFinished() {
        Set<Integer> ran = ConcurrentHashMap.newKeySet();
        try (BoundedExecutor executor = new BoundedExecutor(3)) {
            assertThatThrownBy(() -> executor.forEach(TWENTY, item -> {
                ran.add(item);
                if (item % 7 == 3) {
                    throw new IllegalArgumentException("item " + item);
                }
            })).isInstanceOf(IllegalArgumentException.class).hasMessage("item 3");
        }
        assertThat(ran).hasSize(20);
    }

    @Test
    void nestedFailuresAreRethrownToo() {
        try (BoundedExecutor executor = new BoundedExecutor(1)) {
            assertThatThrownBy(() -> executor.forEach(List.of(1, 2), outer ->
                    executor.forEach(List.of("a", "b"), inner -> {
                        if (outer == 2 && inner.equals("b")) {
                            throw new IllegalStateException("inner failure");
                        }
                    }))).hasMessage("inner failure");
        }
    }

    @Test
    void aSingleItemRunsOnTheCallingThread() {
        String[] thread = new String[1];
        try (BoundedExecutor executor = new BoundedExecutor(4)) {
            executor.forEach(List.of("only"), item -> thread[0] = Thread.currentThread().getName());
        }
        assertThat(thread[0]).isEqualTo(Thread.currentThread().getName());
    }

    @Test
    void rejectsAPoolOfLessThanOne() {
        assertThatThrownBy(() -> new BoundedExecutor(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }

    @Test
    void tasksRunWithTheirCallersContextClassLoader() {
        ClassLoader pluginLoader = new java.net.URLClassLoader(new java.net.URL[0], getClass().getClassLoader());
        java.util.Set<ClassLoader> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (BoundedExecutor executor = new BoundedExecutor(2)) {
            Thread.currentThread().setContextClassLoader(pluginLoader);
            executor.forEach(java.util.List.of(1, 2, 3, 4), item ->
                    seen.add(Thread.currentThread().getContextClassLoader()));
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }

        assertThat(seen).containsExactly(pluginLoader);
    }
}
