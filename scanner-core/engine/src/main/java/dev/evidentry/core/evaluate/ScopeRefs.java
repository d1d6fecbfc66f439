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
            return ResourceRef.global(provider, issue.account(), provider + ".account", issue.account(),
                    issue.account());
        }
        return new ResourceRef(provider, issue.account(), issue.region(), provider + ".region",
                issue.account() + "/" + issue.region(), issue.region());
    }
}
