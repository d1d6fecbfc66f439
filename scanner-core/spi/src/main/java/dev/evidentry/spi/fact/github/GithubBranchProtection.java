package dev.evidentry.spi.fact.github;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import java.util.List;

/**
 * What protects a repository's default branch, combining a classic branch protection rule
 * ({@code GET /repos/{owner}/{repo}/branches/{branch}/protection}) and the active ruleset rules that apply to the branch
 * ({@code GET /repos/{owner}/{repo}/rules/branches/{branch}}): a requirement set by either binds.
 *
 * @param branch the default branch's name
 * @param branchExists false when the repository is empty and its default branch has no commit yet
 * @param classicProtection whether a classic branch protection rule covers the branch
 * @param rulesetIds the rulesets with at least one active rule on the branch, sorted
 * @param pullRequestRequired whether changes reach the branch only through pull requests
 * @param requiredApprovingReviews approving reviews a pull request needs (0 when none, or no pull request is required)
 * @param requiredStatusChecks the status checks that must pass, sorted
 * @param adminEnforcement whether administrators are held to the protection
 * @param forcePushesBlocked whether force pushes to the branch are refused
 * @param deletionsBlocked whether the branch cannot be deleted
 */
public record GithubBranchProtection(
        ResourceRef resource,
        String branch,
        boolean branchExists,
        boolean classicProtection,
        List<Long> rulesetIds,
        boolean pullRequestRequired,
        int requiredApprovingReviews,
        List<String> requiredStatusChecks,
        AdminEnforcement adminEnforcement,
        boolean forcePushesBlocked,
        boolean deletionsBlocked,
        List<EvidenceId> evidence) implements Fact {

    public static final String KIND = "github.repository.branch-protection";

    public GithubBranchProtection {
        requireNonNull(resource, "resource is null");
        requireNonNull(branch, "branch is null");
        rulesetIds = List.copyOf(requireNonNull(rulesetIds, "rulesetIds is null"));
        requiredStatusChecks = List.copyOf(requireNonNull(requiredStatusChecks, "requiredStatusChecks is null"));
        requireNonNull(adminEnforcement, "adminEnforcement is null");
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
        if (requiredApprovingReviews < 0) {
            throw new IllegalArgumentException("requiredApprovingReviews is negative: " + requiredApprovingReviews);
        }
    }

    /** Whether anything protects the branch: a classic rule or a ruleset. */
    public boolean isProtected() {
        return classicProtection || !rulesetIds.isEmpty();
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** Whether repository administrators must follow the branch's protection. */
    public enum AdminEnforcement {
        /** The classic rule has "Do not allow bypassing the above settings" ({@code enforce_admins}) on. */
        ENFORCED,
        /** Only a classic rule protects the branch, and administrators may bypass it. */
        NOT_ENFORCED,
        /**
         * Rulesets protect the branch (and no classic rule binds administrators). Rulesets hold administrators unless a
         * ruleset lists them as bypass actors, which GitHub's rules API does not show.
         */
        RULESET_BYPASS_NOT_VISIBLE,
        /** Nothing protects the branch. */
        UNPROTECTED
    }
}
