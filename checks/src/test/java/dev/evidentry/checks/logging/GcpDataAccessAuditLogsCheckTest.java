package dev.evidentry.checks.logging;

import static dev.evidentry.checks.Fixtures.evaluate;
import static dev.evidentry.checks.Fixtures.evidence;
import static dev.evidentry.spi.Outcome.FAIL;
import static dev.evidentry.spi.Outcome.PASS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.evidentry.spi.Finding;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.gcp.GcpProjectAuditLogging;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GcpDataAccessAuditLogsCheckTest {

    private final GcpDataAccessAuditLogsCheck check = new GcpDataAccessAuditLogsCheck();

    private static GcpProjectAuditLogging audit(String project, Set<String> types, String... exempted) {
        return new GcpProjectAuditLogging(ResourceRef.global("gcp", project, "gcp.project",
                "//cloudresourcemanager.googleapis.com/projects/" + project, project), types, List.of(exempted),
                evidence('a'));
    }

    @Test
    void readsAndWritesLoggedPassesAnythingLessFails() {
        assertThat(evaluate(check, audit("prod", Set.of("ADMIN_READ", "DATA_READ", "DATA_WRITE"),
                "DATA_READ serviceAccount:etl@prod.iam.gserviceaccount.com"), audit("dev", Set.of("DATA_WRITE")),
                audit("sandbox", Set.of())))
                .extracting(Finding::outcome, Finding::message).containsExactlyInAnyOrder(
                        tuple(PASS, "Project prod logs DATA_READ and DATA_WRITE for allServices, exempting DATA_READ "
                                + "serviceAccount:etl@prod.iam.gserviceaccount.com."),
                        tuple(FAIL, "Project dev does not log DATA_READ for allServices, in its own IAM policy or any "
                                + "folder's or the organisation's above it."),
                        tuple(FAIL, "Project sandbox does not log DATA_READ or DATA_WRITE for allServices, in its own "
                                + "IAM policy or any folder's or the organisation's above it."));
    }
}
