package dev.evidentry.spi.fact.azure;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import java.util.List;
import java.util.Set;

/**
 * Where a subscription's activity log is exported (resource type {@code azure.subscription}): its subscription-scope
 * diagnostic settings ({@code Microsoft.Insights/diagnosticSettings}).
 */
public record AzureActivityLogExport(ResourceRef resource, List<Setting> settings, List<EvidenceId> evidence)
        implements Fact {

    public static final String KIND = "azure.monitor.activity-log-export";

    public AzureActivityLogExport {
        requireNonNull(resource, "resource is null");
        settings = List.copyOf(requireNonNull(settings, "settings is null"));
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    /**
     * One diagnostic setting.
     *
     * @param name the setting's name
     * @param destinations the resource ids it sends to (Log Analytics workspace, storage account, Event Hubs rule)
     *     and partner solutions
     * @param enabledCategories the log categories it exports ({@code Administrative}, {@code Security}, ...)
     */
    public record Setting(String name, List<String> destinations, Set<String> enabledCategories) {
        public Setting {
            requireNonNull(name, "name is null");
            destinations = List.copyOf(requireNonNull(destinations, "destinations is null"));
            enabledCategories = Set.copyOf(requireNonNull(enabledCategories, "enabledCategories is null"));
        }

        /** Whether it sends somewhere and exports the Administrative category (every write to the subscription). */
        public boolean exportsAdministrative() {
            return !destinations.isEmpty() && enabledCategories.contains("Administrative");
        }
    }

    @Override
    public String kind() {
        return KIND;
    }
}
