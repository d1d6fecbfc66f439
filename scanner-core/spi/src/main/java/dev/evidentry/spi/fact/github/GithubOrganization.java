package dev.evidentry.spi.fact.github;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import java.util.List;
import java.util.Optional;

/**
 * An organisation's member settings, from {@code GET /orgs/{org}} as an organisation owner sees it (GitHub leaves these
 * settings out for anyone else, and the provider then reports an issue instead of this fact).
 *
 * @param login the organisation's login
 * @param twoFactorRequired {@code two_factor_requirement_enabled}: members, outside collaborators and billing managers
 *     must have two-factor authentication
 * @param defaultRepositoryPermission {@code default_repository_permission}: {@code none}, {@code read}, {@code write}
 *     or {@code admin}, the base permission every member has on every repository
 * @param membersCanCreatePublicRepositories {@code members_can_create_public_repositories}, or {@code null} when the
 *     answer did not include it (older GitHub Enterprise Server)
 * @param webCommitSignoffRequired {@code web_commit_signoff_required}, or {@code null} when the answer did not include it
 */
public record GithubOrganization(
        ResourceRef resource,
        String login,
        boolean twoFactorRequired,
        String defaultRepositoryPermission,
        Boolean membersCanCreatePublicRepositories,
        Boolean webCommitSignoffRequired,
        List<EvidenceId> evidence) implements Fact {

    public static final String KIND = "github.organization";

    public GithubOrganization {
        requireNonNull(resource, "resource is null");
        requireNonNull(login, "login is null");
        requireNonNull(defaultRepositoryPermission, "defaultRepositoryPermission is null");
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    public Optional<Boolean> membersCanCreatePublicRepositoriesIfKnown() {
        return Optional.ofNullable(membersCanCreatePublicRepositories);
    }

    public Optional<Boolean> webCommitSignoffRequiredIfKnown() {
        return Optional.ofNullable(webCommitSignoffRequired);
    }

    @Override
    public String kind() {
        return KIND;
    }
}
