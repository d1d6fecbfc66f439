package dev.evidentry.checks.logging;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.azure.AzureActivityLogExport;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Each subscription exports its activity log (Administrative category at least) beyond the 90 days Azure keeps. */
public final class ActivityLogExportCheck implements Check {

    public static final String ID = "azure.monitor.activity-log-exported";

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "Subscription activity logs are exported", Severity.MEDIUM, Set.of(AzureActivityLogExport.KIND),
            List.of("CC7.2", "CC4.1"), CheckHelp.load(ActivityLogExportCheck.class, ID));

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        return facts.all(AzureActivityLogExport.class).map(this::judge);
    }

    private Finding judge(AzureActivityLogExport export) {
        String subscription = "Subscription " + export.resource().name();
        return export.settings().stream().filter(AzureActivityLogExport.Setting::exportsAdministrative).findFirst()
                .map(setting -> Finding.pass(descriptor, export, subscription + " exports its activity log through"
                        + " diagnostic setting '" + setting.name() + "' to " + String.join(", ",
                                setting.destinations()) + "."))
                .orElseGet(() -> Finding.fail(descriptor, export, subscription + " has no diagnostic setting exporting"
                        + " the Administrative activity log: Azure keeps it 90 days only."));
    }
}
