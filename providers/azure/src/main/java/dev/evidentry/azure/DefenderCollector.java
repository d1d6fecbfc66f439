package dev.evidentry.azure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.fact.azure.AzureDefenderPlans;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Defender for Cloud's plans on one subscription ({@code Microsoft.Security/pricings}), read as plain ARM JSON. */
final class DefenderCollector extends ArmCollector {

    static final String API_VERSION = "2024-01-01";
    static final String OPERATION = "Microsoft.Security/pricings:list";
    static final Set<String> KINDS = Set.of(AzureDefenderPlans.KIND);

    DefenderCollector(AzureRest arm, Subscription subscription, FactSink sink) {
        super(arm, subscription, sink);
    }

    @Override
    Set<String> kinds() {
        return KINDS;
    }

    @Override
    String name() {
        return "Defender for Cloud plans";
    }

    @Override
    void collect() {
        Map<String, String> tiers = new TreeMap<>();
        List<EvidenceId> evidence = new ArrayList<>();
        arm.list(OPERATION, "/subscriptions/" + subscription.id() + "/providers/Microsoft.Security/pricings"
                + "?api-version=" + API_VERSION, page -> {
                    evidence.add(page.evidence());
                    for (JsonNode item : page.items()) {
                        String plan = item.path("name").asText("");
                        String tier = item.path("properties").path("pricingTier").asText("");
                        if (plan.isEmpty() || tier.isEmpty()) {
                            throw AzureCallException.malformed(OPERATION, "a plan without name or pricingTier",
                                    page.evidence());
                        }
                        tiers.put(plan, tier);
                    }
                });
        sink.accept(new AzureDefenderPlans(subscription.ref(), tiers, evidence));
    }
}
