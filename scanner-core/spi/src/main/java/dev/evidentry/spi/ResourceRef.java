package dev.evidentry.spi;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.Optional;

/**
 * Names one resource in one vendor's estate.
 *
 * @param provider provider id, such as {@code aws}
 * @param account account, tenant, organisation or project the resource belongs to
 * @param region region, or the empty string for global resources
 * @param type resource type, such as {@code aws.s3.bucket}
 * @param nativeId the vendor's own identifier (an ARN, an Azure resource id, ...)
 * @param name a short human name
 */
public record ResourceRef(String provider, String account, String region, String type, String nativeId, String name)
        implements Comparable<ResourceRef> {

    private static final Comparator<ResourceRef> ORDER = Comparator.comparing(ResourceRef::provider)
            .thenComparing(ResourceRef::account)
            .thenComparing(ResourceRef::region)
            .thenComparing(ResourceRef::type)
            .thenComparing(ResourceRef::nativeId);

    public ResourceRef {
        requireNonNull(provider, "provider is null");
        requireNonNull(account, "account is null");
        requireNonNull(region, "region is null");
        requireNonNull(type, "type is null");
        requireNonNull(nativeId, "nativeId is null");
        requireNonNull(name, "name is null");
    }

    /** A global resource (no region). */
    public static ResourceRef global(String provider, String account, String type, String nativeId, String name) {
        return new ResourceRef(provider, account, "", type, nativeId, name);
    }

    /**
     * One region of one account, as a resource: what per-region settings (GuardDuty, AWS Config, EBS default
     * encryption) describe, and what a failure to collect a whole region names.
     */
    public static ResourceRef forRegion(String provider, String account, String region) {
        return new ResourceRef(provider, account, region, provider + ".region", account + "/" + region, region);
    }

    /** One account, tenant or organisation, as a resource: what account-wide settings describe. */
    public static ResourceRef forAccount(String provider, String account) {
        return global(provider, account, provider + ".account", account, account);
    }

    public Optional<String> regionIfAny() {
        return region.isEmpty() ? Optional.empty() : Optional.of(region);
    }

    @Override
    public int compareTo(ResourceRef other) {
        return ORDER.compare(this, other);
    }
}
