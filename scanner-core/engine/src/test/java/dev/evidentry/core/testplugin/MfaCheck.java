package dev.evidentry.core.testplugin;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.HumanIdentity;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Every interactive identity has MFA: HIGH, CC6.1 and CC6.2. */
public final class MfaCheck implements Check {

    public static final String ID = "testpack.identity.mfa";
    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor(ID, "Interactive identities have MFA",
            Severity.HIGH, Set.of(HumanIdentity.KIND), List.of("CC6.1", "CC6.2"),
            new CheckHelp("A stolen password is enough.", "Enforce MFA."));

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        return facts.all(HumanIdentity.class).map(user -> {
            if (!user.interactiveSignIn()) {
                return Finding.notApplicable(DESCRIPTOR, user, user.login() + " does not sign in interactively.");
            }
            return switch (user.mfa()) {
                case ENFORCED, ENROLLED -> Finding.pass(DESCRIPTOR, user, user.login() + " has MFA.");
                case NONE -> Finding.fail(DESCRIPTOR, user, user.login() + " signs in without MFA.");
                case UNKNOWN -> Finding.error(DESCRIPTOR, user, "The MFA state of " + user.login()
                        + " could not be read.");
            };
        });
    }
}
