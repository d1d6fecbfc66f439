package dev.evidentry.checks.resilience;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.gcp.GcpSqlInstance;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Every Cloud SQL instance (read replicas aside) takes automated backups. */
public final class CloudSqlBackupsCheck implements Check {

    public static final String ID = "gcp.sql.backups-enabled";

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "Cloud SQL instances take automated backups", Severity.MEDIUM, Set.of(GcpSqlInstance.KIND),
            List.of("A1.2"), CheckHelp.load(CloudSqlBackupsCheck.class, ID));

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        return facts.all(GcpSqlInstance.class).map(this::judge);
    }

    private Finding judge(GcpSqlInstance instance) {
        String name = "Cloud SQL instance " + instance.resource().name();
        if (instance.readReplica()) {
            return Finding.notApplicable(descriptor, instance, name + " is a read replica: its primary's backups "
                    + "cover it.");
        }
        return instance.backupEnabled()
                ? Finding.pass(descriptor, instance, name + " takes automated backups.")
                : Finding.fail(descriptor, instance, name + " takes no automated backups.");
    }
}
