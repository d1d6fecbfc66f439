package dev.evidentry.checks.logging;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.gcp.GcpProjectAuditLogging;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Every project logs Data Access (DATA_READ and DATA_WRITE) for all services. */
public final class GcpDataAccessAuditLogsCheck implements Check {

    public static final String ID = "gcp.logging.data-access-audit-logs";

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "Data Access audit logs are on for all services in every project", Severity.HIGH,
            Set.of(GcpProjectAuditLogging.KIND), List.of("CC7.2", "CC7.3"),
            CheckHelp.load(GcpDataAccessAuditLogsCheck.class, ID));

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        return facts.all(GcpProjectAuditLogging.class).map(this::judge);
    }

    private Finding judge(GcpProjectAuditLogging audit) {
        String name = "Project " + audit.resource().name();
        if (audit.dataAccessLogged()) {
            return Finding.pass(descriptor, audit, name + " logs DATA_READ and DATA_WRITE for allServices"
                    + (audit.exemptedMembers().isEmpty() ? "." : ", exempting " + String.join(", ",
                            audit.exemptedMembers()) + "."));
        }
        List<String> missing = Stream.of("DATA_READ", "DATA_WRITE")
                .filter(type -> !audit.allServicesLogTypes().contains(type)).toList();
        return Finding.fail(descriptor, audit, name + " does not log " + String.join(" or ", missing)
                + " for allServices, in its own IAM policy or any folder's or the organisation's above it.");
    }
}
