package dev.evidentry.core.evaluate;

import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.ResourceRef;

/** The resource a finding names when a whole scope (a provider, an account, a region) could not be judged. */
final class ScopeRefs {

    private ScopeRefs() {
    }

    static ResourceRef of(CollectionIssue issue) {
        String provider = issue.provider();
        if (issue.account().isEmpty()) {
            return ResourceRef.global(provider, "", provider + ".provider", provider, provider);
        }
        if (issue.region().isEmpty()) {
            return ResourceRef.forAccount(provider, issue.account());
        }
        return ResourceRef.forRegion(provider, issue.account(), issue.region());
    }
}
