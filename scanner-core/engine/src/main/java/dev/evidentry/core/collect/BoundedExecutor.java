package dev.evidentry.core.collect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The scan's one pool of collection threads: every provider's fan-out shares it, so the number of API calls in flight
 * never exceeds its size. A fan-out started from inside a pool thread runs inline, so nested fan-outs cannot deadlock.
 */
public final class BoundedExecutor implements AutoCloseable {

    private static final ThreadLocal<Boolean> IN_POOL = ThreadLocal.withInitial(() -> false);

    private final ExecutorService pool;
    private final int size;

    public BoundedExecutor(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + size);
        }
        this.size = size;
        AtomicInteger counter = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(size, runnable -> {
            Thread thread = new Thread(() -> {
                IN_POOL.set(true);
                runnable.run();
            }, "evidentry-collect-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public int size() {
        return size;
    }

    public <T> void forEach(Collection<T> items, Consumer<T> task) {
        if (IN_POOL.get() || items.size() <= 1) {
            RuntimeException first = null;
            for (T item : items) {
                try {
                    task.accept(item);
                } catch (RuntimeException e) {
                    first = first == null ? e : first;
                }
            }
            if (first != null) {
                throw first;
            }
            return;
        }
        List<Future<?>> futures = new ArrayList<>(items.size());
        // Pool threads serve every provider: each task runs with its caller's context class loader, so an SDK that
        // looks services up through it (as the AWS SDK does) finds its own plugin's classes.
        ClassLoader callerLoader = Thread.currentThread().getContextClassLoader();
        for (T item : items) {
            futures.add(pool.submit(() -> {
                Thread thread = Thread.currentThread();
                ClassLoader poolLoader = thread.getContextClassLoader();
                thread.setContextClassLoader(callerLoader);
                try {
                    task.accept(item);
                } finally {
                    thread.setContextClassLoader(poolLoader);
                }
            }));
        }
        RuntimeException first = null;
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (ExecutionException e) {
                if (first == null) {
                    first = e.getCause() instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                futures.forEach(pending -> pending.cancel(true));
                throw new IllegalStateException("collection interrupted", e);
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
