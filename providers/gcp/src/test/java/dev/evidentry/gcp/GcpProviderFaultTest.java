package dev.evidentry.gcp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.evidentry.gcp.FakeGoogle.BUCKETS;
import static dev.evidentry.gcp.FakeGoogle.CUSTOMER;
import static dev.evidentry.gcp.FakeGoogle.DISKS;
import static dev.evidentry.gcp.FakeGoogle.FOLDER_111;
import static dev.evidentry.gcp.FakeGoogle.FOLDER_111_IAM;
import static dev.evidentry.gcp.FakeGoogle.FOLDER_222;
import static dev.evidentry.gcp.FakeGoogle.ORG_IAM;
import static dev.evidentry.gcp.FakeGoogle.PROJECT_GET;
import static dev.evidentry.gcp.FakeGoogle.INSTANCES;
import static dev.evidentry.gcp.FakeGoogle.INVENTORIES_EU;
import static dev.evidentry.gcp.FakeGoogle.INVENTORIES_US;
import static dev.evidentry.gcp.FakeGoogle.KEY_RINGS_US;
import static dev.evidentry.gcp.FakeGoogle.KMS_LOCATIONS;
import static dev.evidentry.gcp.FakeGoogle.PROJECT;
import static dev.evidentry.gcp.FakeGoogle.PROJECT_IAM;
import static dev.evidentry.gcp.FakeGoogle.SQL;
import static dev.evidentry.gcp.FakeGoogle.USERS;
import static dev.evidentry.gcp.FakeGoogle.bucketIam;
import static dev.evidentry.gcp.FakeGoogle.error;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.fact.DataStoreEncryption;
import dev.evidentry.spi.fact.EndpointDiskEncryption;
import dev.evidentry.spi.fact.EndpointOperatingSystem;
import dev.evidentry.spi.fact.EndpointProtection;
import dev.evidentry.spi.fact.HumanIdentity;
import dev.evidentry.spi.fact.gcp.GcpKmsKey;
import dev.evidentry.spi.fact.gcp.GcpProjectAuditLogging;
import dev.evidentry.spi.fact.gcp.GcpSqlInstance;
import dev.evidentry.spi.fact.gcp.GcpStorageBucket;
import dev.evidentry.spi.fact.gcp.GcpStorageBucketIamPolicy;
import dev.evidentry.spi.fact.gcp.WorkspaceUser;
import dev.evidentry.testkit.CollectionResult;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Denied, disabled, throttled, failing, slow and garbled answers: each gives one issue with the right cause, naming
 * exactly the kinds it cost, and no fact of those kinds is guessed.
 */
class GcpProviderFaultTest {

    private static final Pattern EVIDENCE = Pattern.compile("evidence ([0-9a-f]{64})");

    private static FakeGoogle google;
    private GcpHarness harness;

    @BeforeAll
    static void start() {
        google = FakeGoogle.start();
    }

    @AfterAll
    static void stop() {
        google.close();
    }

    @BeforeEach
    void setUp() {
        google.reset();
        google.baseline();
        harness = new GcpHarness();
    }

    private CollectionResult collect(String... extra) {
        Map<String, String> options = new HashMap<>(Map.of("projects", PROJECT, "workspace-customer", CUSTOMER,
                "root-url", google.rootUrl(), "max-attempts", "3", "timeout", "PT1S"));
        for (int i = 0; i < extra.length; i += 2) {
            options.put(extra[i], extra[i + 1]);
        }
        return harness.collect(options);
    }

    @Test
    void throttledPastTheRetriesCostsTheProjectsBucketKindsAndSleepsWithBackoff() {
        google.fault(BUCKETS, error(429, "errors/rate-limited.json"));

        CollectionResult result = collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.THROTTLED);
        assertThat(issue.operation()).isEqualTo("storage.buckets.list");
        assertThat(issue.account()).isEqualTo(PROJECT);
        assertThat(issue.resource()).isNull();
        assertThat(issue.factKinds()).containsExactlyInAnyOrder(GcpStorageBucket.KIND, DataStoreEncryption.KIND,
                GcpStorageBucketIamPolicy.KIND);
        assertThat(issue.message()).contains("HTTP 429").contains("rateLimitExceeded");
        assertThat(google.gets(BUCKETS)).isEqualTo(3);
        assertThat(harness.sleeps).hasSize(2);
        assertThat(harness.sleeps.get(1)).isGreaterThan(harness.sleeps.get(0) / 2); // backoff, randomised by half
        assertThat(result.facts(GcpStorageBucket.class)).isEmpty();
        assertThat(result.evidenceJson(evidenceIn(issue))).contains("RESOURCE_EXHAUSTED");
        // Other services are untouched.
        assertThat(result.facts(DataStoreEncryption.class)).extracting(f -> f.resource().type())
                .doesNotContain("gcp.storage.bucket").contains("gcp.compute.disk", "gcp.sql.instance");
    }

    @Test
    void unauthenticatedIsInvalidCredentialsAfterOneRefresh() {
        google.fault(SQL, error(401, "errors/unauthenticated.json"));

        CollectionResult result = collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.INVALID_CREDENTIALS);
        assertThat(issue.operation()).isEqualTo("sql.instances.list");
        assertThat(issue.factKinds()).containsExactlyInAnyOrder(GcpSqlInstance.KIND, DataStoreEncryption.KIND);
        assertThat(issue.message()).contains("HTTP 401").contains("gcloud auth application-default login");
        assertThat(result.facts(GcpSqlInstance.class)).isEmpty();
        assertThat(harness.refreshes.get()).isGreaterThanOrEqualTo(1);
        assertThat(result.allStoredText()).doesNotContain(GcpHarness.TOKEN);
    }

    @Test
    void deniedBucketPolicyCostsThatBucketsPolicyOnlyAndNamesThePermission() {
        google.fault(bucketIam("acme-backups"), error(403, "errors/storage-permission-denied.json"));

        CollectionResult result = collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.ACCESS_DENIED);
        assertThat(issue.operation()).isEqualTo("storage.buckets.getIamPolicy");
        assertThat(issue.factKinds()).containsExactly(GcpStorageBucketIamPolicy.KIND);
        assertThat(issue.resource().name()).isEqualTo("acme-backups");
        assertThat(issue.message()).contains("grant storage.buckets.getIamPolicy");
        assertThat(result.facts(GcpStorageBucketIamPolicy.class)).extracting(f -> f.resource().name())
                .containsExactlyInAnyOrder("acme-public-assets", "acme-audit-logs");
        assertThat(result.facts(GcpStorageBucket.class)).hasSize(3);
        assertThat(google.gets(bucketIam("acme-backups"))).isEqualTo(1); // denied is not retried
    }

    @Test
    void deniedKeyRingsInOneLocationCostKeysThereOnlyAndNameThePermission() {
        google.fault(KEY_RINGS_US, error(403, "errors/kms-permission-denied.json"));

        CollectionResult result = collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.ACCESS_DENIED);
        assertThat(issue.region()).isEqualTo("us-central1");
        assertThat(issue.factKinds()).containsExactly(GcpKmsKey.KIND);
        assertThat(issue.message()).contains("cloudkms.keyRings.list");
        assertThat(result.facts(GcpKmsKey.class)).isEmpty();
    }

    @Test
    void disabledApiIsUnsupportedNamingTheApiToEnable() {
        google.fault(DISKS, error(403, "errors/service-disabled.json"));

        CollectionResult result = collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.UNSUPPORTED);
        assertThat(issue.operation()).isEqualTo("compute.disks.aggregatedList");
        assertThat(issue.factKinds()).containsExactly(DataStoreEncryption.KIND);
        assertThat(issue.message()).contains("enable compute.googleapis.com")
                .contains("gcloud services enable compute.googleapis.com");
        assertThat(result.facts(DataStoreEncryption.class)).extracting(f -> f.resource().type())
                .doesNotContain("gcp.compute.disk");
        assertThat(google.gets(DISKS)).isEqualTo(1);
    }

    @Test
    void osConfigApiDisabledIsUnsupportedPerZoneNamingTheCommandAndNoVmIsGuessed() {
        google.fault(INVENTORIES_US, error(403, "errors/osconfig-disabled.json"));
        google.fault(INVENTORIES_EU, error(403, "errors/osconfig-disabled.json"));

        CollectionResult result = collect();

        assertThat(result.issues()).hasSize(2).allSatisfy(issue -> {
            assertThat(issue.cause()).isEqualTo(IssueCause.UNSUPPORTED);
            assertThat(issue.operation()).isEqualTo("osconfig.projects.locations.instances.inventories.list");
            assertThat(issue.factKinds()).containsExactlyInAnyOrder(EndpointProtection.KIND,
                    EndpointOperatingSystem.KIND);
            assertThat(issue.message()).contains("gcloud services enable osconfig.googleapis.com");
        });
        assertThat(result.issues()).extracting(CollectionIssue::region)
                .containsExactlyInAnyOrder("us-central1-a", "europe-west1-b");
        assertThat(result.facts(EndpointProtection.class)).isEmpty();
        assertThat(result.facts(EndpointOperatingSystem.class)).isEmpty();
        // The boot disks are known from the instance listing, which did not fail.
        assertThat(result.facts(EndpointDiskEncryption.class)).hasSize(4);
        assertThat(google.gets(INVENTORIES_US)).isEqualTo(1);
    }

    @Test
    void deniedInventoriesInOneZoneCostThatZonesVmsOnlyAndNameThePermission() {
        google.fault(INVENTORIES_EU, error(403, "errors/osconfig-permission-denied.json"));

        CollectionResult result = collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.ACCESS_DENIED);
        assertThat(issue.region()).isEqualTo("europe-west1-b");
        assertThat(issue.factKinds()).containsExactlyInAnyOrder(EndpointProtection.KIND,
                EndpointOperatingSystem.KIND);
        assertThat(issue.message()).contains("osconfig.inventories.list");
        assertThat(result.facts(EndpointProtection.class)).extracting(f -> f.resource().name())
                .containsExactlyInAnyOrder("web-1", "db-1", "win-1");
        assertThat(result.facts(EndpointOperatingSystem.class)).extracting(f -> f.resource().name())
                .containsExactlyInAnyOrder("web-1", "db-1", "win-1");
    }

    @Test
    void deniedInstanceListingCostsTheProjectsEndpointsAndCallsNoInventory() {
        google.fault(INSTANCES, error(403, "errors/storage-permission-denied.json"));

        CollectionResult result = collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.operation()).isEqualTo("compute.instances.aggregatedList");
        assertThat(issue.factKinds()).containsExactlyInAnyOrder(EndpointProtection.KIND,
                EndpointOperatingSystem.KIND, EndpointDiskEncryption.KIND);
        assertThat(result.facts(EndpointProtection.class)).isEmpty();
        assertThat(result.facts(EndpointOperatingSystem.class)).isEmpty();
        assertThat(result.facts(EndpointDiskEncryption.class)).isEmpty();
        assertThat(google.gets(INVENTORIES_US) + google.gets(INVENTORIES_EU)).isZero();
    }

    @Test
    void tooShortEndpointAgentIsAConfigurationIssueBeforeAnyCall() {
        CollectionResult result = collect("endpoint-agents", "crowdstrike, av");

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.CONFIGURATION);
        assertThat(issue.message()).contains("endpoint-agents").contains("'av'");
        assertThat(google.totalRequests()).isZero();
    }

    @Test
    void anAncestorPolicyThatCannotBeReadIsAnIssueNamingItAndNoAuditFactIsGuessed() {
        google.fault(FOLDER_111_IAM, error(403, "errors/folder-permission-denied.json"));

        CollectionResult result = collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.ACCESS_DENIED);
        assertThat(issue.operation()).isEqualTo("cloudresourcemanager.folders.getIamPolicy");
        assertThat(issue.factKinds()).containsExactly(GcpProjectAuditLogging.KIND);
        assertThat(issue.message()).contains("ancestor folders/111").contains("resourcemanager.folders.getIamPolicy")
                .contains("no pass or failure is guessed");
        assertThat(issue.resource().name()).isEqualTo(PROJECT);
        assertThat(result.facts(GcpProjectAuditLogging.class)).isEmpty();
        assertThat(google.posts(ORG_IAM)).isZero();
    }

    @Test
    void aProjectWhoseParentCannotBeReadHasNoAuditFact() {
        google.fault(PROJECT_GET, error(403, "errors/storage-permission-denied.json"));

        CollectionResult result = collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.operation()).isEqualTo("cloudresourcemanager.projects.get");
        assertThat(issue.factKinds()).containsExactly(GcpProjectAuditLogging.KIND);
        assertThat(issue.message()).contains("the parent of project " + PROJECT);
        assertThat(result.facts(GcpProjectAuditLogging.class)).isEmpty();
    }

    @Test
    void serverErrorPastTheRetries() {
        google.fault(KMS_LOCATIONS, error(503, "errors/backend-error.json"));

        CollectionResult result = collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.SERVER_ERROR);
        assertThat(issue.factKinds()).containsExactly(GcpKmsKey.KIND);
        assertThat(google.gets(KMS_LOCATIONS)).isEqualTo(3);
        assertThat(result.facts(GcpKmsKey.class)).isEmpty();
    }

    @Test
    void timeoutAfterTheRetries() {
        google.fault(PROJECT_IAM, FakeGoogle.json("crm/project-iam-policy.json").withFixedDelay(1500));

        CollectionResult result = collect("timeout", "PT0.3S", "max-attempts", "2");

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.TIMEOUT);
        assertThat(issue.operation()).isEqualTo("cloudresourcemanager.projects.getIamPolicy");
        assertThat(issue.factKinds()).containsExactly(GcpProjectAuditLogging.KIND);
        assertThat(issue.resource().type()).isEqualTo("gcp.project");
        assertThat(result.facts(GcpProjectAuditLogging.class)).isEmpty();
        assertThat(google.posts(PROJECT_IAM)).isEqualTo(2);
    }

    @Test
    void malformedJsonIsMalformedWithItsEvidenceAndNoUserIsGuessed() {
        google.fault(USERS, aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"kind\": \"admin#directory#users\", \"users\": [{\"id\": "));

        CollectionResult result = collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.MALFORMED_RESPONSE);
        assertThat(issue.operation()).isEqualTo("directory.users.list");
        assertThat(issue.account()).isEqualTo(CUSTOMER);
        assertThat(issue.factKinds()).containsExactlyInAnyOrder(HumanIdentity.KIND, WorkspaceUser.KIND);
        assertThat(result.evidenceJson(evidenceIn(issue))).contains("admin#directory#users");
        assertThat(result.facts(HumanIdentity.class)).isEmpty();
    }

    @Test
    void aUserWithout2svFieldsIsMalformedRatherThanGuessed() {
        google.fault(USERS, aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"users\": [{\"id\": \"1\", \"primaryEmail\": \"x@acme.example\"}]}"));

        CollectionResult result = collect();

        assertThat(single(result.issues()).cause()).isEqualTo(IssueCause.MALFORMED_RESPONSE);
        assertThat(result.facts(HumanIdentity.class)).isEmpty();
    }

    @Test
    void missingApplicationDefaultCredentialsSayWhatToDo() {
        harness = new GcpHarness(() -> {
            throw new IOException("Your default credentials were not found.");
        });

        CollectionResult result = collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.INVALID_CREDENTIALS);
        assertThat(issue.factKinds()).contains(GcpStorageBucket.KIND, HumanIdentity.KIND, GcpKmsKey.KIND);
        assertThat(issue.message()).contains("gcloud auth application-default login")
                .contains("GOOGLE_APPLICATION_CREDENTIALS");
        assertThat(result.facts()).isEmpty();
        assertThat(google.totalRequests()).isZero();
    }

    @Test
    void badOptionsAreAConfigurationIssueBeforeAnyCall() {
        CollectionResult result = collect("folder", "not-a-number");

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.CONFIGURATION);
        assertThat(issue.message()).contains("folder");
        assertThat(google.totalRequests()).isZero();
    }

    @Test
    void projectsUnderAFolderAtAnyDepth() {
        google.stub(WireMock.get(WireMock.urlPathEqualTo("/v3/projects"))
                .withQueryParam("parent", WireMock.equalTo("folders/111")), FakeGoogle.json("crm/projects-none.json"));
        google.stub(WireMock.get(WireMock.urlPathEqualTo("/v3/folders"))
                .withQueryParam("parent", WireMock.equalTo("folders/111")), FakeGoogle.json("crm/folders-111.json"));
        google.stub(WireMock.get(WireMock.urlPathEqualTo("/v3/projects"))
                .withQueryParam("parent", WireMock.equalTo("folders/222")), FakeGoogle.json("crm/projects-222.json"));
        google.stub(WireMock.get(WireMock.urlPathEqualTo("/v3/folders"))
                .withQueryParam("parent", WireMock.equalTo("folders/222")), FakeGoogle.json("crm/folders-none.json"));

        Map<String, String> options = new HashMap<>(Map.of("folder", "111", "root-url", google.rootUrl(),
                "max-attempts", "2"));
        CollectionResult result = harness.collect(options);

        assertThat(result.issues()).isEmpty();
        assertThat(result.facts(GcpStorageBucket.class)).extracting(f -> f.resource().account())
                .containsOnly(PROJECT).hasSize(3);
        assertThat(google.gets(SQL)).isEqualTo(1); // the deleted project is not scanned
        // The listings named acme-prod's and folder 222's parents: only folder 111's is asked for.
        assertThat(google.gets(PROJECT_GET)).isZero();
        assertThat(google.gets(FOLDER_222)).isZero();
        assertThat(google.gets(FOLDER_111)).isEqualTo(1);
        assertThat(google.posts(ORG_IAM)).isEqualTo(1);
        assertThat(result.facts(GcpProjectAuditLogging.class).get(0).dataAccessLogged()).isTrue();
    }

    private static CollectionIssue single(List<CollectionIssue> issues) {
        assertThat(issues).hasSize(1);
        return issues.get(0);
    }

    private static EvidenceId evidenceIn(CollectionIssue issue) {
        Matcher matcher = EVIDENCE.matcher(issue.message());
        assertThat(matcher.find()).as("evidence named in: " + issue.message()).isTrue();
        return new EvidenceId(matcher.group(1));
    }
}
