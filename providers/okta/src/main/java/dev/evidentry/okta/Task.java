package dev.evidentry.okta;

import static java.util.Objects.requireNonNull;

import dev.evidentry.provider.support.TaskRunner;
import dev.evidentry.spi.CollectContext;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.ResourceRef;
import java.util.Collection;
import java.util.Set;

/**
 * One unit of collection run on the engine's pool. A failed call becomes an issue on {@code resource} (or the org) for
 * {@code factKinds}; so does a bug, so that no task can stop its neighbours or vanish silently.
 *
 * @param operation what it calls, for progress and for an unexpected failure's issue
 * @param resource the resource whose facts it produces, or {@code null} for org-level facts
 * @param factKinds the fact kinds missing when it fails
 */
record Task(OktaOperation operation, String subject, ResourceRef resource, Set<String> factKinds, Runnable body) {

    Task {
        requireNonNull(operation, "operation is null");
        requireNonNull(subject, "subject is null");
        factKinds = Set.copyOf(requireNonNull(factKinds, "factKinds is null"));
        requireNonNull(body, "body is null");
    }

    /** Runs every task on the pool, reporting progress and turning every failure into an issue. */
    static void runAll(CollectContext context, Org org, FactSink sink, Collection<Task> tasks) {
        // The engine runs each pool task with the provider's context class loader, where the SDK finds jjwt and Jackson.
        TaskRunner.runAll(context, tasks,
                task -> task.operation().issueName() + (task.subject().isEmpty() ? "" : " " + task.subject()),
                task -> task.run(org, sink));
    }

    void run(Org org, FactSink sink) {
        TaskRunner.runGuarded(operation.issueName(), body,
                e -> "the Okta provider failed: " + FailureClassifier.detail(e),
                failure -> org.report(sink, resource, factKinds, failure));
    }
}
