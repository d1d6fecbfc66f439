package dev.evidentry.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.TreeSet;

/**
 * A classic branch protection rule, from {@code GET /repos/{owner}/{repo}/branches/{branch}/protection}. A setting the
 * answer leaves out counts as the weaker one: no review, admins not held, force pushes and deletions not blocked.
 *
 * @param pullRequestRequired {@code required_pull_request_reviews} is present
 * @param requiredApprovingReviews {@code required_pull_request_reviews.required_approving_review_count}
 * @param statusChecks {@code required_status_checks.contexts} and {@code .checks[].context}
 * @param enforceAdmins {@code enforce_admins.enabled}
 * @param allowForcePushes {@code allow_force_pushes.enabled}
 * @param allowDeletions {@code allow_deletions.enabled}
 */
record ClassicRule(
        boolean pullRequestRequired,
        int requiredApprovingReviews,
        List<String> statusChecks,
        boolean enforceAdmins,
        boolean allowForcePushes,
        boolean allowDeletions) {

    ClassicRule {
        statusChecks = List.copyOf(statusChecks);
    }

    static ClassicRule parse(JsonNode protection) {
        JsonNode reviews = protection.path("required_pull_request_reviews");
        boolean pullRequest = reviews.isObject();
        int approvals = pullRequest ? Math.max(0, reviews.path("required_approving_review_count").asInt(0)) : 0;
        TreeSet<String> checks = new TreeSet<>();
        JsonNode statusChecks = protection.path("required_status_checks");
        statusChecks.path("contexts").forEach(context -> {
            if (context.isTextual()) {
                checks.add(context.asText());
            }
        });
        statusChecks.path("checks").forEach(check -> {
            if (check.path("context").isTextual()) {
                checks.add(check.path("context").asText());
            }
        });
        return new ClassicRule(pullRequest, approvals, List.copyOf(checks),
                protection.path("enforce_admins").path("enabled").asBoolean(false),
                protection.path("allow_force_pushes").path("enabled").asBoolean(true),
                protection.path("allow_deletions").path("enabled").asBoolean(true));
    }
}
