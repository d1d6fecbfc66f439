package dev.evidentry.gcp;

import static java.util.Objects.requireNonNull;

import dev.evidentry.provider.support.CallException;
import dev.evidentry.provider.support.TaskRunner;
import dev.evidentry.spi.CollectContext;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.FactSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The scan's work: tasks run in waves on the engine's bounded pool, each wave holding every task that the previous
 * wave's answers made necessary (the buckets a listing found, the key rings of a location...). A failed task becomes
 * an issue for exactly its kinds; so does a bug, so no task stops its neighbours or vanishes silently.
 */
final class Work {

    private final CollectContext context;
    private final FactSink sink;
    private final Queue<Task> pending = new ConcurrentLinkedQueue<>();

    Work(CollectContext context, FactSink sink) {
        this.context = requireNonNull(context, "context is null");
        this.sink = requireNonNull(sink, "sink is null");
    }

    void add(Task task) {
        pending.add(requireNonNull(task, "task is null"));
    }

    /** Runs every task, and every task they add, until none is left. */
    void runAll() {
        while (!pending.isEmpty()) {
            List<Task> wave = new ArrayList<>();
            for (Task task = pending.poll(); task != null; task = pending.poll()) {
                wave.add(task);
            }
            TaskRunner.runAll(context, wave, Task::describe, task -> TaskRunner.runGuarded(task.operation(),
                    task.body(), e -> "the Google Cloud provider failed: " + FailureClassifier.detail(e),
                    failure -> report(task, failure)));
        }
    }

    void report(Task task, CallException e) {
        String about = task.resource() == null ? "" : " (" + task.resource().name() + ")";
        sink.issue(new CollectionIssue(GcpProvider.ID, task.account(), task.region(), task.resource(), e.operation(),
                task.factKinds(), e.issueCause(), e.message() + about));
    }
}
