package dev.evidentry.aws;

import static java.util.Objects.requireNonNull;

import dev.evidentry.provider.support.TaskRunner;
import dev.evidentry.spi.CollectContext;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.ResourceRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.regions.Region;

/**
 * One unit of collection run on the engine's pool: usually one API call and the facts built from it. A failed call
 * becomes an issue on {@code resource} (or the account) for {@code factKinds}; so does a bug, so that no task can stop
 * its neighbours or vanish silently.
 *
 * @param operation the call it makes, such as {@code s3:GetBucketLogging}
 * @param resource the resource whose facts it produces, or {@code null} for account-level facts
 * @param factKinds the fact kinds missing when it fails
 */
record Task(String operation, ResourceRef resource, Set<String> factKinds, Runnable body) {

    Task {
        requireNonNull(operation, "operation is null");
        factKinds = Set.copyOf(requireNonNull(factKinds, "factKinds is null"));
        requireNonNull(body, "body is null");
    }

    /**
     * One task per region in scope, each on its region's reference: {@code body} is asked for a region's work when
     * the tasks are built (so the region's client is built here, on the provider's thread) and the work runs later.
     */
    static List<Task> perRegion(Scope scope, String operation, Set<String> factKinds,
            Function<Region, Runnable> body) {
        List<Task> tasks = new ArrayList<>();
        for (Region region : scope.regions()) {
            tasks.add(new Task(operation, scope.regionRef(region), factKinds, body.apply(region)));
        }
        return tasks;
    }

    /** One task for every item a listing queued, the queue left empty for the next phase. */
    static <T> List<Task> drain(Queue<T> listed, Function<T, Task> task) {
        List<Task> tasks = new ArrayList<>();
        for (T item : listed) {
            tasks.add(task.apply(item));
        }
        listed.clear();
        return tasks;
    }

    /** Runs every task on the pool, reporting progress and turning every failure into an issue. */
    static void runAll(CollectContext context, Scope scope, FactSink sink, Collection<Task> tasks) {
        // The engine runs each pool task with the provider's context class loader, where the SDK finds its parts.
        TaskRunner.runAll(context, tasks, Task::label, task -> task.run(scope, sink));
    }

    /** What progress shows when the task is done: its operation and, when it has one, its resource's name. */
    static String label(Task task) {
        return task.operation() + (task.resource() == null ? "" : " " + task.resource().name());
    }

    void run(Scope scope, FactSink sink) {
        TaskRunner.runGuarded(operation, body, e -> "the AWS provider failed: " + FailureClassifier.detail(e),
                failure -> scope.report(sink, resource, factKinds, failure));
    }
}
