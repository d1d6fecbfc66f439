package dev.evidentry.okta;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.ResourceRef;
import java.util.Set;

/**
 * The org a scan covers, named by its host ({@code acme.okta.com}): the account of every resource and issue.
 */
record Org(String host) {

    static final String USER_TYPE = "okta.user";
    static final String POLICY_TYPE = "okta.policy";

    Org {
        requireNonNull(host, "host is null");
    }

    /** The org itself: what org-wide failures name. */
    ResourceRef accountRef() {
        return ResourceRef.forAccount(OktaProvider.ID, host);
    }

    ResourceRef userRef(String userId, String login) {
        return ResourceRef.global(OktaProvider.ID, host, USER_TYPE, userId, login);
    }

    ResourceRef policyRef(String policyId, String name) {
        return ResourceRef.global(OktaProvider.ID, host, POLICY_TYPE, policyId, name);
    }

    /** Reports a failed call: on the resource when one is given, otherwise on the whole org. */
    void report(FactSink sink, ResourceRef resource, Set<String> factKinds, OktaCallException failure) {
        if (resource == null) {
            sink.issue(new CollectionIssue(OktaProvider.ID, host, "", null, failure.operation(), factKinds,
                    failure.issueCause(), failure.message()));
        } else {
            sink.issue(CollectionIssue.forResource(resource, failure.operation(), factKinds, failure.issueCause(),
                    failure.message()));
        }
    }
}
