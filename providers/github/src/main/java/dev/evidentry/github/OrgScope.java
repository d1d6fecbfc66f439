package dev.evidentry.github;

import static java.util.Objects.requireNonNull;

import dev.evidentry.provider.support.CallException;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.ResourceRef;
import java.util.Set;

/**
 * One organisation being scanned: names every resource the provider reports on in it, with the organisation's login
 * (as the option {@code organizations} gives it) as the account.
 */
record OrgScope(String login) {

    static final String ORGANIZATION_TYPE = "github.organization";
    static final String REPOSITORY_TYPE = "github.repository";
    static final String MEMBER_TYPE = "github.member";
    static final String OUTSIDE_COLLABORATOR_TYPE = "github.outside-collaborator";

    OrgScope {
        requireNonNull(login, "login is null");
    }

    ResourceRef organizationRef() {
        return ResourceRef.global(GithubProvider.ID, login, ORGANIZATION_TYPE, login, login);
    }

    /** A repository, by its {@code owner/name}. */
    ResourceRef repositoryRef(String fullName, String name) {
        return ResourceRef.global(GithubProvider.ID, login, REPOSITORY_TYPE, fullName, name);
    }

    ResourceRef memberRef(String user) {
        return ResourceRef.global(GithubProvider.ID, login, MEMBER_TYPE, user, user);
    }

    ResourceRef outsideCollaboratorRef(String user) {
        return ResourceRef.global(GithubProvider.ID, login, OUTSIDE_COLLABORATOR_TYPE, user, user);
    }

    /**
     * Reports a failed call: on the resource when one is given, otherwise on the whole organisation. The message is
     * the failure's own words; the engine adds the operation and the cause.
     */
    void report(FactSink sink, ResourceRef resource, Set<String> factKinds, CallException failure) {
        sink.issue(failure.issue(GithubProvider.ID, login, resource, factKinds));
    }
}
