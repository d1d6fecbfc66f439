package dev.evidentry.github;

import static java.util.Objects.requireNonNull;

import dev.evidentry.provider.support.Failures;
import dev.evidentry.provider.support.TaskRunner;
import dev.evidentry.spi.CollectContext;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.ResourceRef;
import java.util.Collection;
import java.util.Set;

/**
 * One unit of collection run on the engine's pool: a call, or a short chain of calls, and the facts built from it. A
 * failure becomes an issue on {@code resource} (or the organisation) for {@code factKinds}; so does a bug, so that no
 * task can stop its neighbours or vanish silently.
 *
 * @param operation the call it makes, such as {@code GET /orgs/{org}/members}
 * @param resource the resource whose facts it produces, or {@code null} for organisation-wide facts
 * @param factKinds the fact kinds missing when it fails
 */
record Task(String operation, ResourceRef resource, Set<String> factKinds, Runnable body) {

    Task {
        requireNonNull(operation, "operation is null");
        factKinds = Set.copyOf(requireNonNull(factKinds, "factKinds is null"));
        requireNonNull(body, "body is null");
    }

    /** Runs every task on the pool, reporting progress and turning every failure into an issue. */
    static void runAll(CollectContext context, OrgScope scope, FactSink sink, Collection<Task> tasks) {
        TaskRunner.runAll(context, tasks,
                task -> task.operation() + " " + (task.resource() == null ? scope.login() : task.resource().nativeId()),
                task -> task.run(scope, sink));
    }

    void run(OrgScope scope, FactSink sink) {
        TaskRunner.runGuarded(operation, body, e -> "the GitHub provider failed: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + Failures.firstLine(e.getMessage())),
                failure -> scope.report(sink, resource, factKinds, failure));
    }
}
