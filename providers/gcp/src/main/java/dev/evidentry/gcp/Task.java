package dev.evidentry.gcp;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.ResourceRef;
import java.util.Set;

/**
 * One unit of collection run on the engine's pool: usually one API call (all pages of a listing) and the facts built
 * from it. When it fails, an issue names {@code resource} (or, when {@code null}, the whole {@code account} and
 * {@code region}) and exactly {@code factKinds}.
 *
 * @param operation the call it makes, such as {@code storage.buckets.list}
 * @param account the project id, or the Workspace customer
 * @param region the location, zone or region, or empty
 * @param resource the resource whose facts it produces, or {@code null} for a whole project's listing
 * @param factKinds the fact kinds missing when it fails
 */
record Task(String operation, String account, String region, ResourceRef resource, Set<String> factKinds,
        Runnable body) {

    Task {
        requireNonNull(operation, "operation is null");
        requireNonNull(account, "account is null");
        requireNonNull(region, "region is null");
        factKinds = Set.copyOf(requireNonNull(factKinds, "factKinds is null"));
        requireNonNull(body, "body is null");
    }

    /** A task about one resource, in its account and region. */
    static Task on(String operation, ResourceRef resource, Set<String> factKinds, Runnable body) {
        return new Task(operation, resource.account(), resource.region(), resource, factKinds, body);
    }

    /** A task whose failure costs a whole project (or customer) those kinds. */
    static Task onAccount(String operation, String account, Set<String> factKinds, Runnable body) {
        return new Task(operation, account, "", null, factKinds, body);
    }

    String describe() {
        return operation + " " + (resource == null ? account : resource.name());
    }
}
