package dev.evidentry.checks.logging;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.azure.AzureSqlServerAuditing;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Every Azure SQL logical server audits its databases (server-level auditing on). */
public final class SqlAuditingCheck implements Check {

    public static final String ID = "azure.sql.auditing-enabled";

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "Azure SQL servers have auditing enabled", Severity.MEDIUM, Set.of(AzureSqlServerAuditing.KIND),
            List.of("CC7.2"), CheckHelp.load(SqlAuditingCheck.class, ID));

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        return facts.all(AzureSqlServerAuditing.class).map(this::judge);
    }

    private Finding judge(AzureSqlServerAuditing server) {
        String name = "SQL server " + server.resource().name();
        return server.enabled()
                ? Finding.pass(descriptor, server, name + " audits its databases" + (server.retentionDays() > 0
                        ? ", keeping audit logs " + server.retentionDays() + " days." : "."))
                : Finding.fail(descriptor, server, name + " has auditing " + server.state()
                        + ": logins, queries and changes on its databases leave no record.");
    }
}
