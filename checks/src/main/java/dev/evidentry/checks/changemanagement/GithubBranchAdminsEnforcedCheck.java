package dev.evidentry.checks.changemanagement;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.github.GithubBranchProtection;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Repository administrators cannot bypass the default branch's protection. */
public final class GithubBranchAdminsEnforcedCheck implements Check {

    public static final String ID = "github.branch.admins-enforced";

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "Administrators cannot bypass default branch protection", Severity.MEDIUM,
            Set.of(GithubBranchProtection.KIND), List.of("CC8.1", "CC6.3"),
            CheckHelp.load(GithubBranchAdminsEnforcedCheck.class, ID));

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        return facts.all(GithubBranchProtection.class).map(this::judge);
    }

    private Finding judge(GithubBranchProtection branch) {
        String where = branch.branch() + " of " + branch.resource().nativeId();
        if (!branch.branchExists()) {
            return Finding.notApplicable(descriptor, branch, branch.resource().nativeId() + " is empty: its default "
                    + "branch " + branch.branch() + " has no commit yet.");
        }
        return switch (branch.adminEnforcement()) {
            case ENFORCED -> Finding.pass(descriptor, branch, "The protection of " + where
                    + " applies to administrators too.");
            case NOT_ENFORCED -> Finding.fail(descriptor, branch, "Administrators of " + branch.resource().nativeId()
                    + " can bypass the protection of " + branch.branch() + " (\"Do not allow bypassing the above "
                    + "settings\" is off).");
            case UNPROTECTED -> Finding.fail(descriptor, branch, "Nothing protects " + where + ", for administrators"
                    + " or anyone else.");
            case RULESET_BYPASS_NOT_VISIBLE -> Finding.error(descriptor, branch, where + " is protected by rulesets "
                    + branch.rulesetIds() + ", which bind administrators unless a ruleset lists them as bypass "
                    + "actors; GitHub's rules API does not show bypass actors, so check each ruleset's bypass list.");
        };
    }
}
