package dev.evidentry.okta;

import static java.util.Objects.requireNonNull;

import dev.evidentry.provider.support.CallException;
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
    void report(FactSink sink, ResourceRef resource, Set<String> factKinds, CallException failure) {
        sink.issue(failure.issue(OktaProvider.ID, host, resource, factKinds));
    }
}
