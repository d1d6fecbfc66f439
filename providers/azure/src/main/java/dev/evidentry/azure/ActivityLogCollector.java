package dev.evidentry.azure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.fact.azure.AzureActivityLogExport;
import dev.evidentry.spi.fact.azure.AzureActivityLogExport.Setting;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Where the subscription's activity log goes: its subscription-scope diagnostic settings. */
final class ActivityLogCollector extends ArmCollector {

    static final String API_VERSION = "2021-05-01-preview";
    static final String OPERATION = "Microsoft.Insights/diagnosticSettings:list";
    static final Set<String> KINDS = Set.of(AzureActivityLogExport.KIND);

    /** The activity log's categories, which the allLogs category group stands for. */
    static final Set<String> ALL_CATEGORIES = Set.of("Administrative", "Security", "ServiceHealth", "Alert",
            "Recommendation", "Policy", "Autoscale", "ResourceHealth");

    ActivityLogCollector(AzureRest arm, Subscription subscription, FactSink sink) {
        super(arm, subscription, sink);
    }

    @Override
    Set<String> kinds() {
        return KINDS;
    }

    @Override
    String name() {
        return "activity log export";
    }

    @Override
    void collect() {
        List<Setting> settings = new ArrayList<>();
        List<EvidenceId> evidence = new ArrayList<>();
        arm.list(OPERATION, "/subscriptions/" + subscription.id() + "/providers/Microsoft.Insights/diagnosticSettings"
                + "?api-version=" + API_VERSION, page -> {
                    evidence.add(page.evidence());
                    page.items().forEach(item -> settings.add(setting(item)));
                });
        sink.accept(new AzureActivityLogExport(subscription.ref(), settings, evidence));
    }

    private static Setting setting(JsonNode item) {
        JsonNode properties = item.path("properties");
        List<String> destinations = new ArrayList<>();
        for (String field : List.of("workspaceId", "storageAccountId", "eventHubAuthorizationRuleId",
                "serviceBusRuleId", "marketplacePartnerId")) {
            String value = text(properties, field);
            if (!value.isEmpty()) {
                destinations.add(value);
            }
        }
        Set<String> categories = new HashSet<>();
        for (JsonNode log : properties.path("logs")) {
            if (!log.path("enabled").asBoolean(false)) {
                continue;
            }
            String category = text(log, "category");
            String group = text(log, "categoryGroup");
            if (!category.isEmpty()) {
                categories.add(category);
            } else if (group.equalsIgnoreCase("allLogs")) {
                categories.addAll(ALL_CATEGORIES);
            }
        }
        return new Setting(item.path("name").asText(""), destinations, categories);
    }
}
