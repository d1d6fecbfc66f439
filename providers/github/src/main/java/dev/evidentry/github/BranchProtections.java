package dev.evidentry.github;

import dev.evidentry.provider.support.Failures;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.github.GithubBranchProtection;
import dev.evidentry.spi.fact.github.GithubBranchProtection.AdminEnforcement;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeSet;
import org.kohsuke.github.GHRepositoryRule;
import org.kohsuke.github.GHRepositoryRule.Parameters;
import org.kohsuke.github.GHRepositoryRule.StatusCheckConfiguration;

/**
 * Combines a classic rule and the ruleset rules active on a branch into one {@link GithubBranchProtection}: a
 * requirement set by either binds, so the stricter value of each setting wins. Ruleset rules that matter here:
 * {@code pull_request} ({@code required_approving_review_count}), {@code required_status_checks},
 * {@code non_fast_forward} (blocks force pushes) and {@code deletion} (blocks deleting the branch).
 */
final class BranchProtections {

    private BranchProtections() {}

    static GithubBranchProtection combine(ResourceRef repository, String branch, ClassicRule classic,
            List<GHRepositoryRule> rules, List<EvidenceId> evidence) {
        boolean pullRequest = classic != null && classic.pullRequestRequired();
        int approvals = classic == null ? 0 : classic.requiredApprovingReviews();
        TreeSet<String> checks = new TreeSet<>(classic == null ? List.of() : classic.statusChecks());
        boolean forcePushesBlocked = classic != null && !classic.allowForcePushes();
        boolean deletionsBlocked = classic != null && !classic.allowDeletions();
        TreeSet<Long> rulesets = new TreeSet<>();
        for (GHRepositoryRule rule : rules) {
            rulesets.add(rule.getRulesetId());
            switch (rule.getType()) {
                case PULL_REQUEST -> {
                    pullRequest = true;
                    approvals = Math.max(approvals, parameter(rule, Parameters.REQUIRED_APPROVING_REVIEW_COUNT, 0, evidence));
                }
                case REQUIRED_STATUS_CHECKS -> {
                    for (StatusCheckConfiguration check : parameter(rule, Parameters.REQUIRED_STATUS_CHECKS,
                            List.<StatusCheckConfiguration>of(), evidence)) {
                        if (check.getContext() != null) {
                            checks.add(check.getContext());
                        }
                    }
                }
                case NON_FAST_FORWARD -> forcePushesBlocked = true;
                case DELETION -> deletionsBlocked = true;
                default -> {
                    // other rules (signatures, linear history, deployments...) are not judged yet
                }
            }
        }
        AdminEnforcement admins;
        if (classic != null && classic.enforceAdmins()) {
            admins = AdminEnforcement.ENFORCED;
        } else if (!rulesets.isEmpty()) {
            admins = AdminEnforcement.RULESET_BYPASS_NOT_VISIBLE;
        } else if (classic != null) {
            admins = AdminEnforcement.NOT_ENFORCED;
        } else {
            admins = AdminEnforcement.UNPROTECTED;
        }
        return new GithubBranchProtection(repository, branch, true, classic != null, List.copyOf(rulesets),
                pullRequest, approvals, List.copyOf(checks), admins, forcePushesBlocked, deletionsBlocked,
                List.copyOf(new LinkedHashSet<>(evidence)));
    }

    private static <T> T parameter(GHRepositoryRule rule, GHRepositoryRule.Parameter<T> parameter, T absent,
            List<EvidenceId> evidence) {
        try {
            return rule.getParameter(parameter).orElse(absent);
        } catch (IOException | RuntimeException e) {
            throw GithubCallException.malformed(RepositoryCollector.RULES, "ruleset " + rule.getRulesetId() + " has a "
                    + rule.getType() + " rule whose parameters cannot be read: " + Failures.firstLine(
                            e.getMessage()), evidence.isEmpty() ? null : evidence.get(evidence.size() - 1));
        }
    }
}
