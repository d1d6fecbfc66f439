package dev.evidentry.checks.logging;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.azure.AzureDefenderPlans;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Defender for Cloud's paid plans watch servers, storage and SQL in every subscription. */
public final class DefenderPlansCheck implements Check {

    public static final String ID = "azure.defender.standard-plans";

    /** The plans judged: servers, storage accounts, SQL servers. */
    static final List<String> PLANS = List.of("VirtualMachines", "StorageAccounts", "SqlServers");

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "Defender for Cloud protects servers, storage and SQL", Severity.HIGH, Set.of(AzureDefenderPlans.KIND),
            List.of("CC7.2", "CC7.3"), CheckHelp.load(DefenderPlansCheck.class, ID));

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        return facts.all(AzureDefenderPlans.class).map(this::judge);
    }

    private Finding judge(AzureDefenderPlans plans) {
        String subscription = "Subscription " + plans.resource().name();
        List<String> missing = PLANS.stream().filter(plan -> !plans.standard(plan)).toList();
        if (missing.isEmpty()) {
            return Finding.pass(descriptor, plans, subscription + " has Defender for Servers, Storage and SQL on the"
                    + " Standard tier.");
        }
        return Finding.fail(descriptor, plans, subscription + " has no Standard Defender plan for " + missing.stream()
                .map(plan -> plan + " (" + plans.tier(plan).orElse("not listed") + ")")
                .collect(Collectors.joining(", ")) + ": threats there raise no alerts.");
    }
}
