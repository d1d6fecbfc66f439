package dev.evidentry.checks.identity;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.HumanIdentity;
import dev.evidentry.spi.fact.MfaMethod;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** Every active person who signs in interactively has a second factor, whatever system the account lives in. */
public final class MfaInteractiveUsersCheck implements Check {

    public static final String ID = "identity.mfa.interactive-users";

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "Interactive users sign in with MFA", Severity.HIGH, Set.of(HumanIdentity.KIND),
            List.of("CC6.1", "CC6.6"), CheckHelp.load(MfaInteractiveUsersCheck.class, ID));

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        return facts.all(HumanIdentity.class).map(this::judge);
    }

    private Finding judge(HumanIdentity user) {
        String who = user.login();
        if (!user.active()) {
            return Finding.notApplicable(descriptor, user, who + " is inactive and cannot sign in.");
        }
        if (!user.interactiveSignIn()) {
            return Finding.notApplicable(descriptor, user, who + " has no interactive sign-in (API access only).");
        }
        return switch (user.mfa()) {
            case ENFORCED -> Finding.pass(descriptor, user,
                    who + " must use MFA at every sign-in; strongest method: " + describe(user.strongestMethod()) + ".");
            case ENROLLED -> Finding.pass(descriptor, user, who + " has MFA enrolled, though no policy is known to"
                    + " require it; strongest method: " + describe(user.strongestMethod()) + ".");
            case NONE -> Finding.fail(descriptor, user, who + " signs in interactively without MFA.");
            case UNKNOWN -> Finding.error(descriptor, user, "The MFA state of " + who + " could not be read.");
        };
    }

    private static String describe(MfaMethod method) {
        String name = method == MfaMethod.NONE ? "not reported" : method.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return method.phishingResistant() ? name + " (phishing-resistant)" : name;
    }
}
