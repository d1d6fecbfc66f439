package dev.evidentry.checks.identity;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.MfaMethod;
import dev.evidentry.spi.fact.okta.OktaAdmin;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Every Okta admin who can sign in has a factor stronger than SMS, voice or e-mail: ideally a phishing-resistant one. */
public final class OktaAdminStrongFactorCheck implements Check {

    public static final String ID = "okta.admin.strong-factor";

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "Okta admins have a phishing-resistant or at least non-SMS factor", Severity.HIGH, Set.of(OktaAdmin.KIND),
            List.of("CC6.1", "CC6.3"), CheckHelp.load(OktaAdminStrongFactorCheck.class, ID));

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        return facts.all(OktaAdmin.class).map(this::judge);
    }

    private Finding judge(OktaAdmin admin) {
        String who = "Admin " + admin.login() + " (" + admin.roles().stream().map(OktaAdmin.Role::label)
                .collect(Collectors.joining(", ")) + ")";
        if (!admin.usable()) {
            return Finding.notApplicable(descriptor, admin, who + " is " + admin.status() + " and cannot sign in.");
        }
        MfaMethod strongest = admin.strongestActiveMethod();
        return switch (strongest) {
            case SECURITY_KEY -> Finding.pass(descriptor, admin, who + " has a phishing-resistant factor.");
            case HARDWARE_TOKEN -> Finding.pass(descriptor, admin, who + " has a hardware token, stronger than SMS"
                    + " though not phishing-resistant.");
            case AUTHENTICATOR_APP -> Finding.pass(descriptor, admin, who + " has an authenticator app, stronger than"
                    + " SMS though not phishing-resistant.");
            case UNSPECIFIED -> Finding.error(descriptor, admin, who + " has only factors whose kind Okta does not say ("
                    + types(admin) + "), so whether one is stronger than SMS could not be told.");
            case SMS_OR_VOICE, EMAIL -> Finding.fail(descriptor, admin, who + " can prove it is them only by "
                    + name(strongest) + ", which can be intercepted or redirected.");
            case NONE -> Finding.fail(descriptor, admin, who + " has no active second factor.");
        };
    }

    private static String name(MfaMethod method) {
        return switch (method) {
            case SMS_OR_VOICE -> "SMS or voice call";
            case EMAIL -> "e-mail";
            default -> method.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    private static String types(OktaAdmin admin) {
        return admin.factors().stream().filter(f -> f.active()).map(f -> f.factorType()).distinct()
                .collect(Collectors.joining(", "));
    }
}
