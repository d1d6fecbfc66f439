package dev.evidentry.checks.identity;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.github.GithubOrganization;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** A GitHub organisation requires two-factor authentication of its members and outside collaborators. */
public final class GithubTwoFactorRequiredCheck implements Check {

    public static final String ID = "github.org.two-factor-required";

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "GitHub organization requires two-factor authentication", Severity.HIGH,
            Set.of(GithubOrganization.KIND), List.of("CC6.1", "CC6.6"),
            CheckHelp.load(GithubTwoFactorRequiredCheck.class, ID));

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        return facts.all(GithubOrganization.class).map(this::judge);
    }

    private Finding judge(GithubOrganization organization) {
        String org = organization.login();
        return organization.twoFactorRequired()
                ? Finding.pass(descriptor, organization, "Organization " + org + " requires two-factor authentication"
                        + " of its members and outside collaborators.")
                : Finding.fail(descriptor, organization, "Organization " + org + " does not require two-factor "
                        + "authentication.");
    }
}
