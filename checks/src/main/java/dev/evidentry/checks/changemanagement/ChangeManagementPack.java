package dev.evidentry.checks.changemanagement;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckPack;
import java.util.List;

/** How changes reach the code that runs: reviews, tests and history that cannot be rewritten. */
public final class ChangeManagementPack implements CheckPack {

    private final List<Check> checks = List.of(
            new GithubBranchReviewsCheck(),
            new GithubBranchStatusChecksCheck(),
            new GithubBranchAdminsEnforcedCheck(),
            new GithubBranchForcePushBlockedCheck(),
            new GithubBranchDeletionBlockedCheck());

    @Override
    public String id() {
        return "change-management";
    }

    @Override
    public List<Check> checks() {
        return checks;
    }
}
