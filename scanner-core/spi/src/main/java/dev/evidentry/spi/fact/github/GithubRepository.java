package dev.evidentry.spi.fact.github;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import java.util.List;

/**
 * One repository of an organisation, from the organisation's repository list. Archived repositories are listed too;
 * the provider reads nothing more about them, so no check judges their settings.
 *
 * @param fullName {@code owner/name}
 * @param visibility {@code public}, {@code private} or {@code internal}
 * @param archived whether the repository is archived (read-only)
 * @param fork whether it is a fork
 * @param defaultBranch the default branch's name
 */
public record GithubRepository(
        ResourceRef resource,
        String fullName,
        String visibility,
        boolean archived,
        boolean fork,
        String defaultBranch,
        List<EvidenceId> evidence) implements Fact {

    public static final String KIND = "github.repository";

    public GithubRepository {
        requireNonNull(resource, "resource is null");
        requireNonNull(fullName, "fullName is null");
        requireNonNull(visibility, "visibility is null");
        requireNonNull(defaultBranch, "defaultBranch is null");
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    public boolean isPublic() {
        return visibility.equals("public");
    }

    @Override
    public String kind() {
        return KIND;
    }
}
