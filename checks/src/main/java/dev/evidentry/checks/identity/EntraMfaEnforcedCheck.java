package dev.evidentry.checks.identity;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.azure.AzureConditionalAccess;
import dev.evidentry.spi.fact.azure.AzureConditionalAccess.MfaPolicy;
import dev.evidentry.spi.fact.azure.AzureSecurityDefaults;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An Entra ID tenant requires MFA of every user and of its administrators: through security defaults, or through
 * enforced Conditional Access policies covering all cloud apps for all users and for the Global Administrator role.
 */
public final class EntraMfaEnforcedCheck implements Check {

    public static final String ID = "azure.entra.mfa-enforced";

    /** The Global Administrator role template id. */
    static final String GLOBAL_ADMINISTRATOR = "62e90394-69f5-4237-9190-012177145e10";

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "Entra ID requires MFA for all users and for administrators", Severity.CRITICAL,
            Set.of(AzureSecurityDefaults.KIND, AzureConditionalAccess.KIND), List.of("CC6.1", "CC6.2"),
            CheckHelp.load(EntraMfaEnforcedCheck.class, ID));

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        Map<String, AzureConditionalAccess> access = facts.all(AzureConditionalAccess.class)
                .collect(Collectors.toMap(fact -> fact.resource().account(), Function.identity(), (a, b) -> a));
        return facts.all(AzureSecurityDefaults.class)
                .map(defaults -> judge(defaults, access.get(defaults.resource().account())));
    }

    private Finding judge(AzureSecurityDefaults defaults, AzureConditionalAccess access) {
        String tenant = "Tenant " + defaults.resource().account();
        if (defaults.enabled()) {
            return Finding.pass(descriptor, defaults, tenant + " has security defaults on: every user must register"
                    + " for MFA and administrators use it at every sign-in.");
        }
        if (access == null) {
            return Finding.error(descriptor, defaults, tenant + " has security defaults off and its Conditional Access"
                    + " policies could not be read.");
        }
        Optional<MfaPolicy> all = access.mfaPolicies().stream()
                .filter(p -> p.enforced() && p.allApplications() && p.allUsers()).findFirst();
        Optional<MfaPolicy> admins = all.or(() -> access.mfaPolicies().stream().filter(p -> p.enforced()
                && p.allApplications() && p.includedRoles().contains(GLOBAL_ADMINISTRATOR)).findFirst());
        List<AzureConditionalAccess> facts = List.of(access);
        if (all.isEmpty()) {
            return Finding.of(descriptor, dev.evidentry.spi.Outcome.FAIL, tenant + " has security defaults off and no"
                    + " enforced Conditional Access policy requiring MFA of all users for all apps"
                    + (admins.isPresent() ? " (administrators are covered by '" + admins.get().name() + "')."
                            : ", nor one for Global Administrators."), facts);
        }
        MfaPolicy policy = all.get();
        String exclusions = policy.hasExclusions() ? " It excludes " + policy.excludedUsers().size() + " user(s), "
                + policy.excludedGroups().size() + " group(s) and " + policy.excludedRoles().size()
                + " role(s): keep those to break-glass accounts." : "";
        return Finding.of(descriptor, dev.evidentry.spi.Outcome.PASS, tenant + " requires MFA of all users and"
                + " administrators through Conditional Access policy '" + policy.name() + "'." + exclusions, facts);
    }
}
