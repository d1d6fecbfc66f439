package dev.evidentry.aws;

import static java.util.Objects.requireNonNull;

import dev.evidentry.provider.support.TaskRunner;
import dev.evidentry.spi.CollectContext;
import dev.evidentry.spi.FactSink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs every service's two phases on the engine's pool, each service's per-item calls starting as soon as its own
 * first tasks have finished, not when every service's have: a slow listing in one service delays only that service.
 *
 * <p>One fan-out, from the provider's thread, runs every first task of every service. The task that ends a service's
 * first phase (whether it succeeded or not) asks the service for its follow-up tasks, on the pool thread it ran on. A
 * single follow-up runs right there, still on the pool. Several go to a fan-out of their own, started from a new
 * thread outside the pool, since a fan-out started from a pool thread runs inline, one item after another: that
 * thread only submits and waits, so every call still runs on the engine's pool and its size still bounds the calls in
 * flight, across every service and provider. {@link #run} returns when the first fan-out and every follow-up fan-out
 * have finished, and rethrows what any of them threw (as the two fan-outs one after the other used to).
 */
final class ServicePhases {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final CollectContext context;
    private final Scope scope;
    private final FactSink sink;
    private final ClassLoader loader;
    private final List<Thread> fanOuts = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private ServicePhases(CollectContext context, Scope scope, FactSink sink) {
        this.context = requireNonNull(context, "context is null");
        this.scope = requireNonNull(scope, "scope is null");
        this.sink = requireNonNull(sink, "sink is null");
        // The provider's thread runs with the provider's class loader, where the SDK finds its parts.
        this.loader = Thread.currentThread().getContextClassLoader();
    }

    /** Runs both phases of every service, in the services' order as far as the pool allows. */
    static void run(CollectContext context, Scope scope, FactSink sink, List<ServiceCollector> services) {
        new ServicePhases(context, scope, sink).runAll(services);
    }

    private void runAll(List<ServiceCollector> services) {
        List<Scheduled> first = new ArrayList<>();
        List<ServiceCollector> nothingToList = new ArrayList<>();
        for (ServiceCollector service : services) {
            List<Task> tasks = service.firstTasks();
            if (tasks.isEmpty()) {
                nothingToList.add(service);
            }
            AtomicInteger remaining = new AtomicInteger(tasks.size());
            tasks.forEach(task -> first.add(new Scheduled(task, service, remaining)));
        }
        try {
            nothingToList.forEach(this::followUp);
            TaskRunner.runAll(context, first, scheduled -> Task.label(scheduled.task()), scheduled -> {
                try {
                    scheduled.task().run(scope, sink);
                } finally {
                    if (scheduled.remaining().decrementAndGet() == 0) {
                        followUp(scheduled.service());
                    }
                }
            });
        } finally {
            awaitFanOuts(); // every follow-up started from a first task was started before the first fan-out returned
        }
        Throwable thrown = failure.get();
        if (thrown instanceof RuntimeException e) {
            throw e;
        }
        if (thrown instanceof Error e) {
            throw e;
        }
    }

    /** Runs a service's follow-up tasks: one here, on the current thread; several in a fan-out of their own. */
    private void followUp(ServiceCollector service) {
        List<Task> tasks = service.followUpTasks();
        if (tasks.size() <= 1) {
            Task.runAll(context, scope, sink, tasks);
            return;
        }
        Thread fanOut = new Thread(() -> {
            try {
                Task.runAll(context, scope, sink, tasks);
            } catch (RuntimeException | Error e) {
                if (!failure.compareAndSet(null, e)) {
                    failure.get().addSuppressed(e);
                }
            }
        }, "evidentry-aws-follow-up-" + THREADS.incrementAndGet());
        fanOut.setDaemon(true);
        fanOut.setContextClassLoader(loader);
        synchronized (fanOuts) {
            fanOuts.add(fanOut);
        }
        fanOut.start();
    }

    private void awaitFanOuts() {
        List<Thread> started;
        synchronized (fanOuts) {
            started = List.copyOf(fanOuts);
        }
        for (Thread fanOut : started) {
            try {
                fanOut.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("collection interrupted", e);
            }
        }
    }

    /** A first task, the service it belongs to and how many of that service's first tasks have not finished. */
    private record Scheduled(Task task, ServiceCollector service, AtomicInteger remaining) {}
}
