package dev.evidentry.checks.resilience;

import static dev.evidentry.checks.Fixtures.evaluate;
import static dev.evidentry.checks.Fixtures.evidence;
import static dev.evidentry.spi.Outcome.FAIL;
import static dev.evidentry.spi.Outcome.NOT_APPLICABLE;
import static dev.evidentry.spi.Outcome.PASS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.evidentry.spi.Finding;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.gcp.GcpSqlInstance;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloudSqlBackupsCheckTest {

    private final CloudSqlBackupsCheck check = new CloudSqlBackupsCheck();

    private static GcpSqlInstance instance(String name, String type, boolean backups) {
        return new GcpSqlInstance(new ResourceRef("gcp", "acme-prod", "us-central1", "gcp.sql.instance",
                "//sqladmin.googleapis.com/projects/acme-prod/instances/" + name, name), "MYSQL_8_0", type, backups,
                false, List.of(), true, "", evidence('a'));
    }

    @Test
    void backedUpPassesNotBackedUpFailsReplicasDoNotApply() {
        assertThat(evaluate(check, instance("orders", "CLOUD_SQL_INSTANCE", true),
                instance("scratch", "CLOUD_SQL_INSTANCE", false), instance("replica", "READ_REPLICA_INSTANCE", false)))
                .extracting(Finding::outcome, Finding::message).containsExactlyInAnyOrder(
                        tuple(PASS, "Cloud SQL instance orders takes automated backups."),
                        tuple(FAIL, "Cloud SQL instance scratch takes no automated backups."),
                        tuple(NOT_APPLICABLE, "Cloud SQL instance replica is a read replica: its primary's backups "
                                + "cover it."));
    }
}
