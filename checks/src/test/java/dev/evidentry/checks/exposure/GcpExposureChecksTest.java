package dev.evidentry.checks.exposure;

import static dev.evidentry.checks.Fixtures.evaluate;
import static dev.evidentry.checks.Fixtures.evidence;
import static dev.evidentry.spi.Outcome.ERROR;
import static dev.evidentry.spi.Outcome.FAIL;
import static dev.evidentry.spi.Outcome.PASS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.evidentry.spi.Finding;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.gcp.GcpSqlInstance;
import dev.evidentry.spi.fact.gcp.GcpStorageBucket;
import dev.evidentry.spi.fact.gcp.GcpStorageBucketIamPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

class GcpExposureChecksTest {

    static ResourceRef gcsBucket(String name) {
        return new ResourceRef("gcp", "acme-prod", "us", "gcp.storage.bucket",
                "//storage.googleapis.com/projects/_/buckets/" + name, name);
    }

    static ResourceRef sqlInstance(String name) {
        return new ResourceRef("gcp", "acme-prod", "us-central1", "gcp.sql.instance",
                "//sqladmin.googleapis.com/projects/acme-prod/instances/" + name, name);
    }

    static GcpStorageBucket bucket(String name, boolean uniform, String prevention) {
        return new GcpStorageBucket(gcsBucket(name), "us", uniform, prevention, false, "", "", evidence('a'));
    }

    static GcpStorageBucketIamPolicy policy(String name, String... grants) {
        return new GcpStorageBucketIamPolicy(gcsBucket(name), List.of(grants), evidence('b'));
    }

    static GcpSqlInstance sql(String name, boolean ipv4, String... networks) {
        return new GcpSqlInstance(sqlInstance(name), "POSTGRES_16", "CLOUD_SQL_INSTANCE", true, ipv4,
                List.of(networks), true, "ENCRYPTED_ONLY", evidence('c'));
    }

    private final GcsNoPublicBucketsCheck noPublic = new GcsNoPublicBucketsCheck();
    private final GcsUniformBucketLevelAccessCheck uniform = new GcsUniformBucketLevelAccessCheck();
    private final CloudSqlNotPublicCheck sqlNotPublic = new CloudSqlNotPublicCheck();

    @Test
    void aPrivateBucketPassesOnBothFactsEvidence() {
        List<Finding> findings = evaluate(noPublic, bucket("logs", true, "inherited"), policy("logs"));
        assertThat(findings).extracting(Finding::outcome, Finding::message).containsExactlyInAnyOrder(tuple(PASS,
                "Cloud Storage bucket logs grants no role to allUsers or allAuthenticatedUsers."));
        assertThat(findings.get(0).evidence()).hasSize(2);
    }

    @Test
    void aBucketGrantingAllUsersFails() {
        assertThat(evaluate(noPublic, bucket("www", false, "inherited"),
                policy("www", "roles/storage.objectViewer allUsers")))
                .extracting(Finding::outcome, Finding::message).containsExactlyInAnyOrder(tuple(FAIL,
                        "Cloud Storage bucket www is public: its IAM policy grants roles/storage.objectViewer allUsers."));
    }

    @Test
    void publicAccessPreventionNeutralisesPublicBindings() {
        assertThat(evaluate(noPublic, bucket("www", true, "enforced"),
                policy("www", "roles/storage.objectViewer allUsers")))
                .extracting(Finding::outcome).containsExactly(PASS);
    }

    @Test
    void aBucketWhosePolicyCouldNotBeReadIsAnError() {
        assertThat(evaluate(noPublic, bucket("secret", true, "inherited")))
                .extracting(Finding::outcome, Finding::message).containsExactlyInAnyOrder(tuple(ERROR,
                        "Cloud Storage bucket secret: its IAM policy could not be read, so who can read it is unknown."));
    }

    @Test
    void uniformBucketLevelAccessPassesAndFineGrainedFails() {
        assertThat(evaluate(uniform, bucket("a", true, ""), bucket("b", false, "")))
                .extracting(Finding::outcome).containsExactlyInAnyOrder(PASS, FAIL);
    }

    @Test
    void cloudSqlOpenToTheWorldFailsAndRestrictedOrPrivatePasses() {
        assertThat(evaluate(sqlNotPublic, sql("open", true, "10.0.0.0/8", "0.0.0.0/0"),
                sql("office", true, "203.0.113.0/24"), sql("private", false, "0.0.0.0/0")))
                .extracting(Finding::outcome, Finding::message).containsExactlyInAnyOrder(
                        tuple(FAIL, "Cloud SQL instance open (POSTGRES_16) has a public IP address that authorises "
                                + "0.0.0.0/0: any address on the internet can try to connect."),
                        tuple(PASS, "Cloud SQL instance office (POSTGRES_16) has a public IP address open only to "
                                + "203.0.113.0/24."),
                        tuple(PASS, "Cloud SQL instance private (POSTGRES_16) has no public IP address."));
    }
}
