package dev.evidentry.spi;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.Set;

/**
 * Something a provider could not collect. Every check that needs one of {@link #factKinds()} reports {@code ERROR}
 * for the affected scope: the resource when one is named, otherwise the whole account and region.
 *
 * @param provider provider id
 * @param account account, tenant or organisation, or empty when the failure came before it was known
 * @param region region, or empty for global calls
 * @param resource the resource whose facts are missing, or {@code null} when the whole scope is affected
 * @param operation the API operation that failed, such as {@code s3:GetBucketEncryption}
 * @param factKinds the fact kinds that are missing because of this failure
 * @param cause what kind of failure
 * @param message what happened, in the vendor's words where it gave any (never containing a secret)
 */
public record CollectionIssue(
        String provider,
        String account,
        String region,
        ResourceRef resource,
        String operation,
        Set<String> factKinds,
        IssueCause cause,
        String message) {

    public CollectionIssue {
        requireNonNull(provider, "provider is null");
        requireNonNull(account, "account is null");
        requireNonNull(region, "region is null");
        requireNonNull(operation, "operation is null");
        factKinds = Set.copyOf(requireNonNull(factKinds, "factKinds is null"));
        requireNonNull(cause, "cause is null");
        requireNonNull(message, "message is null");
    }

    /** An issue about one resource. */
    public static CollectionIssue forResource(
            ResourceRef resource, String operation, Set<String> factKinds, IssueCause cause, String message) {
        return new CollectionIssue(resource.provider(), resource.account(), resource.region(), resource, operation,
                factKinds, cause, message);
    }

    public Optional<ResourceRef> resourceIfAny() {
        return Optional.ofNullable(resource);
    }

    /** Whether this issue leaves a check that needs {@code requiredKinds} unable to judge. */
    public boolean affectsAny(Set<String> requiredKinds) {
        return requiredKinds.stream().anyMatch(factKinds::contains);
    }
}
