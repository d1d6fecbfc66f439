package dev.evidentry.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evidentry.spi.CollectContext;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.RawEvidence;
import dev.evidentry.testkit.RecordingContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.regions.Region;

/**
 * A service's follow-up tasks start when its own first tasks are done, not when every service's are, and every task
 * still runs on the engine's bounded pool (here a pool of two that, like the engine's, runs a fan-out started from one
 * of its own threads inline).
 */
class ServicePhasesTest {

    private static final String POOL_THREAD = "test-pool-";

    private final Scope scope = new Scope("111122223333", "aws", Region.US_EAST_1, List.of(Region.US_EAST_1));
    private final RecordingContext recording = new RecordingContext(Map.of());
    private final PoolContext context = new PoolContext(recording, 2);
    private final List<String> threads = new CopyOnWriteArrayList<>();

    @AfterEach
    void shutDown() {
        context.pool.shutdownNow();
    }

    @Test
    @Timeout(20)
    void aSlowListingInOneServiceDoesNotHoldBackAnothersFollowUps() {
        CountDownLatch followedUp = new CountDownLatch(1);
        AtomicInteger waited = new AtomicInteger();
        // Service slow's only listing finishes only once service quick's follow-ups have run: with a barrier between
        // the phases of all services it would give up after 10 seconds.
        ServiceCollector slow = service(List.of(task("slow:List", () -> {
            try {
                if (followedUp.await(10, TimeUnit.SECONDS)) {
                    waited.incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })), List.of(task("slow:Get a", () -> {}), task("slow:Get b", () -> {})));
        ServiceCollector quick = service(List.of(task("quick:List", () -> {})),
                List.of(task("quick:Get a", () -> {}), task("quick:Get b", followedUp::countDown)));
        ServiceCollector single = service(List.of(task("single:List", () -> {}), task("single:Describe", () -> {})),
                List.of(task("single:Get", () -> {})));

        ServicePhases.run(context, scope, recording, List.of(slow, quick, single));

        assertThat(waited).hasValue(1);
        assertThat(threads).hasSize(9).allSatisfy(name -> assertThat(name).startsWith(POOL_THREAD));
        assertThat(recording.issues()).isEmpty();
    }

    @Test
    @Timeout(20)
    void aServiceWithoutFirstTasksStillGetsItsFollowUpsAndAFailedTaskStillEndsThePhase() {
        List<String> ran = new CopyOnWriteArrayList<>();
        ServiceCollector none = service(List.of(), List.of(task("none:Get a", () -> ran.add("none a")),
                task("none:Get b", () -> ran.add("none b"))));
        ServiceCollector failing = service(List.of(task("failing:List", () -> {
            throw new IllegalStateException("a bug");
        }), task("failing:Other", () -> {})), List.of(task("failing:Get", () -> ran.add("failing"))));

        ServicePhases.run(context, scope, recording, List.of(none, failing));

        assertThat(ran).containsExactlyInAnyOrder("none a", "none b", "failing");
        assertThat(recording.issues()).singleElement()
                .satisfies(issue -> assertThat(issue.operation()).isEqualTo("failing:List"));
    }

    private Task task(String operation, Runnable body) {
        return new Task(operation, null, Set.of("aws.test"), () -> {
            threads.add(Thread.currentThread().getName());
            body.run();
        });
    }

    /** A service whose follow-up tasks are asked for once, after its first tasks. */
    private static ServiceCollector service(List<Task> first, List<Task> followUps) {
        return new ServiceCollector() {
            private final AtomicInteger asked = new AtomicInteger();

            @Override
            public List<Task> firstTasks() {
                return first;
            }

            @Override
            public List<Task> followUpTasks() {
                assertThat(asked.incrementAndGet()).isEqualTo(1);
                return followUps;
            }
        };
    }

    /** The recording context, but fanning out on a bounded pool as the engine does. */
    private static final class PoolContext implements CollectContext {

        private static final ThreadLocal<Boolean> IN_POOL = ThreadLocal.withInitial(() -> false);

        private final RecordingContext delegate;
        private final ExecutorService pool;

        PoolContext(RecordingContext delegate, int size) {
            this.delegate = delegate;
            AtomicInteger counter = new AtomicInteger();
            this.pool = Executors.newFixedThreadPool(size, runnable -> {
                Thread thread = new Thread(() -> {
                    IN_POOL.set(true);
                    runnable.run();
                }, POOL_THREAD + counter.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }

        @Override
        public <T> void forEachConcurrently(Collection<T> items, Consumer<T> task) {
            if (IN_POOL.get() || items.size() <= 1) {
                items.forEach(task);
                return;
            }
            List<Future<?>> futures = new ArrayList<>();
            items.forEach(item -> futures.add(pool.submit(() -> task.accept(item))));
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }

        @Override
        public Optional<String> option(String key) {
            return delegate.option(key);
        }

        @Override
        public Clock clock() {
            return delegate.clock();
        }

        @Override
        public EvidenceId recordEvidence(RawEvidence evidence) {
            return delegate.recordEvidence(evidence);
        }

        @Override
        public void registerSecret(String value) {
            delegate.registerSecret(value);
        }

        @Override
        public Progress progress() {
            return delegate.progress();
        }
    }
}
