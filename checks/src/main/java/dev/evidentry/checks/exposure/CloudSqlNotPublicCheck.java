package dev.evidentry.checks.exposure;

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

/** No Cloud SQL instance accepts connections on its public IP from any address (0.0.0.0/0). */
public final class CloudSqlNotPublicCheck implements Check {

    public static final String ID = "gcp.sql.not-public";

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "Cloud SQL instances are not open to the internet", Severity.CRITICAL, Set.of(GcpSqlInstance.KIND),
            List.of("CC6.1", "CC6.6"), CheckHelp.load(CloudSqlNotPublicCheck.class, ID));

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        return facts.all(GcpSqlInstance.class).map(this::judge);
    }

    private Finding judge(GcpSqlInstance instance) {
        String name = "Cloud SQL instance " + instance.resource().name()
                + (instance.databaseVersion().isEmpty() ? "" : " (" + instance.databaseVersion() + ")");
        if (instance.openToInternet()) {
            return Finding.fail(descriptor, instance, name + " has a public IP address that authorises "
                    + String.join(", ", instance.authorizedNetworks().stream()
                            .filter(GcpSqlInstance.INTERNET::contains).toList())
                    + ": any address on the internet can try to connect.");
        }
        if (instance.ipv4Enabled()) {
            return Finding.pass(descriptor, instance, name + " has a public IP address open only to "
                    + (instance.authorizedNetworks().isEmpty() ? "the Cloud SQL Auth Proxy and connectors"
                            : String.join(", ", instance.authorizedNetworks())) + ".");
        }
        return Finding.pass(descriptor, instance, name + " has no public IP address.");
    }
}
