package dev.evidentry.gcp;

import static dev.evidentry.gcp.FakeGoogle.BUCKETS;
import static dev.evidentry.gcp.FakeGoogle.CUSTOMER;
import static dev.evidentry.gcp.FakeGoogle.DISKS;
import static dev.evidentry.gcp.FakeGoogle.FOLDER_111;
import static dev.evidentry.gcp.FakeGoogle.FOLDER_111_IAM;
import static dev.evidentry.gcp.FakeGoogle.FOLDER_222;
import static dev.evidentry.gcp.FakeGoogle.FOLDER_222_IAM;
import static dev.evidentry.gcp.FakeGoogle.INSTANCES;
import static dev.evidentry.gcp.FakeGoogle.INVENTORIES_EU;
import static dev.evidentry.gcp.FakeGoogle.INVENTORIES_US;
import static dev.evidentry.gcp.FakeGoogle.KEYS_APP;
import static dev.evidentry.gcp.FakeGoogle.KEY_RINGS_EU;
import static dev.evidentry.gcp.FakeGoogle.KEY_RINGS_US;
import static dev.evidentry.gcp.FakeGoogle.KMS_LOCATIONS;
import static dev.evidentry.gcp.FakeGoogle.ORG_IAM;
import static dev.evidentry.gcp.FakeGoogle.PROJECT;
import static dev.evidentry.gcp.FakeGoogle.PROJECT_GET;
import static dev.evidentry.gcp.FakeGoogle.PROJECT_IAM;
import static dev.evidentry.gcp.FakeGoogle.SQL;
import static dev.evidentry.gcp.FakeGoogle.USERS;
import static dev.evidentry.gcp.FakeGoogle.bucketIam;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.DataStoreEncryption;
import dev.evidentry.spi.fact.DiskEncryptionState;
import dev.evidentry.spi.fact.EncryptionAtRest;
import dev.evidentry.spi.fact.EndpointDiskEncryption;
import dev.evidentry.spi.fact.EndpointOperatingSystem;
import dev.evidentry.spi.fact.EndpointProtection;
import dev.evidentry.spi.fact.HumanIdentity;
import dev.evidentry.spi.fact.MfaMethod;
import dev.evidentry.spi.fact.MfaState;
import dev.evidentry.spi.fact.ProtectionState;
import dev.evidentry.spi.fact.gcp.GcpKmsKey;
import dev.evidentry.spi.fact.gcp.GcpProjectAuditLogging;
import dev.evidentry.spi.fact.gcp.GcpSqlInstance;
import dev.evidentry.spi.fact.gcp.GcpStorageBucket;
import dev.evidentry.spi.fact.gcp.GcpStorageBucketIamPolicy;
import dev.evidentry.spi.fact.gcp.WorkspaceUser;
import dev.evidentry.testkit.CollectionResult;
import dev.evidentry.testkit.ProviderTestKit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A healthy project and Workspace: every fact, read once, from every page, with its evidence. */
class GcpProviderTest {

    private static FakeGoogle google;

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
    }

    private CollectionResult collect() {
        return new GcpHarness().collect(Map.of("projects", PROJECT, "workspace-customer", CUSTOMER,
                "root-url", google.rootUrl(), "max-attempts", "3", "timeout", "PT5S"));
    }

    @Test
    void registeredThroughServiceLoaderWithEveryKind() {
        GcpProvider provider = (GcpProvider) ProviderTestKit.load("gcp").provider();
        assertThat(provider.descriptor().displayName()).isEqualTo("Google Cloud");
        assertThat(provider.descriptor().factKinds()).contains(DataStoreEncryption.KIND, HumanIdentity.KIND,
                GcpStorageBucket.KIND, GcpStorageBucketIamPolicy.KIND, GcpSqlInstance.KIND, GcpKmsKey.KIND,
                GcpProjectAuditLogging.KIND, WorkspaceUser.KIND, EndpointProtection.KIND,
                EndpointOperatingSystem.KIND, EndpointDiskEncryption.KIND);
        assertThat(provider.descriptor().options()).extracting(o -> o.key()).contains("projects", "folder",
                "organization", "impersonate-service-account", "workspace-customer", "workspace-domain",
                "workspace-admin", "root-url", "endpoint-agents");
    }

    @Test
    void bucketsFromBothPagesWithTheirSettingsEncryptionAndPublicBindings() {
        CollectionResult result = collect();

        assertThat(result.issues()).isEmpty();
        Map<String, GcpStorageBucket> buckets = byName(result.facts(GcpStorageBucket.class));
        assertThat(buckets).containsOnlyKeys("acme-public-assets", "acme-audit-logs", "acme-backups");
        GcpStorageBucket logs = buckets.get("acme-audit-logs");
        assertThat(logs.uniformBucketLevelAccess()).isTrue();
        assertThat(logs.publicAccessPrevented()).isTrue();
        assertThat(logs.versioning()).isTrue();
        assertThat(logs.logBucket()).isEqualTo("acme-access-logs");
        assertThat(logs.resource()).isEqualTo(new ResourceRef("gcp", PROJECT, "europe-west1", "gcp.storage.bucket",
                "//storage.googleapis.com/projects/_/buckets/acme-audit-logs", "acme-audit-logs"));
        GcpStorageBucket assets = buckets.get("acme-public-assets");
        assertThat(assets.uniformBucketLevelAccess()).isFalse();
        assertThat(assets.publicAccessPrevention()).isEqualTo("inherited");
        assertThat(assets.logBucket()).isEmpty();

        Map<String, DataStoreEncryption> encryption = byName(result.facts(DataStoreEncryption.class).stream()
                .filter(f -> f.resource().type().equals("gcp.storage.bucket")).toList());
        assertThat(encryption.get("acme-audit-logs").encryption()).isEqualTo(EncryptionAtRest.CUSTOMER_KEY);
        assertThat(encryption.get("acme-audit-logs").keyId())
                .isEqualTo("projects/acme-prod/locations/europe-west1/keyRings/storage/cryptoKeys/logs");
        assertThat(encryption.get("acme-public-assets").encryption()).isEqualTo(EncryptionAtRest.PROVIDER_KEY);

        Map<String, GcpStorageBucketIamPolicy> policies = byName(result.facts(GcpStorageBucketIamPolicy.class));
        assertThat(policies.get("acme-public-assets").publicBindings())
                .containsExactly("roles/storage.objectViewer allUsers");
        assertThat(policies.get("acme-backups").publicBindings())
                .containsExactly("roles/storage.legacyBucketReader allAuthenticatedUsers");
        assertThat(policies.get("acme-audit-logs").isPublic()).isFalse();
        assertThat(result.evidenceJson(policies.get("acme-public-assets").evidence().get(0)))
                .contains("allUsers").contains("storage.buckets.getIamPolicy");
    }

    @Test
    void disksFromEveryScopeAndPageWithTheirKeyType() {
        CollectionResult result = collect();

        Map<String, DataStoreEncryption> disks = byName(result.facts(DataStoreEncryption.class).stream()
                .filter(f -> f.resource().type().equals("gcp.compute.disk")).toList());
        assertThat(disks).containsOnlyKeys("web-1", "db-data", "shared-regional", "legacy-csek");
        assertThat(disks.get("web-1").encryption()).isEqualTo(EncryptionAtRest.PROVIDER_KEY);
        assertThat(disks.get("web-1").resource().region()).isEqualTo("us-central1-a");
        assertThat(disks.get("db-data").encryption()).isEqualTo(EncryptionAtRest.CUSTOMER_KEY);
        assertThat(disks.get("db-data").keyId()).startsWith("projects/acme-prod/locations/us-central1/keyRings/disks");
        assertThat(disks.get("legacy-csek").encryption()).isEqualTo(EncryptionAtRest.CUSTOMER_KEY);
        assertThat(disks.get("legacy-csek").detail()).contains("customer-supplied");
        assertThat(disks.get("shared-regional").resource().region()).isEqualTo("us-central1");
        assertThat(disks.get("shared-regional").resource().nativeId()).contains("/regions/us-central1/disks/");
    }

    @Test
    void sqlInstancesWithExposureBackupsSslAndKey() {
        CollectionResult result = collect();

        Map<String, GcpSqlInstance> instances = byName(result.facts(GcpSqlInstance.class));
        GcpSqlInstance orders = instances.get("orders-db");
        assertThat(orders.openToInternet()).isTrue();
        assertThat(orders.backupEnabled()).isTrue();
        assertThat(orders.sslEnforced()).isFalse();
        assertThat(orders.authorizedNetworks()).containsExactly("203.0.113.0/24", "0.0.0.0/0");
        GcpSqlInstance replica = instances.get("crm-replica");
        assertThat(replica.openToInternet()).isFalse();
        assertThat(replica.readReplica()).isTrue();
        assertThat(replica.sslEnforced()).isTrue();
        Map<String, DataStoreEncryption> encryption = byName(result.facts(DataStoreEncryption.class).stream()
                .filter(f -> f.resource().type().equals("gcp.sql.instance")).toList());
        assertThat(encryption.get("orders-db").encryption()).isEqualTo(EncryptionAtRest.CUSTOMER_KEY);
        assertThat(encryption.get("crm-replica").encryption()).isEqualTo(EncryptionAtRest.PROVIDER_KEY);
    }

    @Test
    void kmsKeysAcrossLocationsAndRingsWithRotation() {
        CollectionResult result = collect();

        Map<String, GcpKmsKey> keys = byName(result.facts(GcpKmsKey.class));
        assertThat(keys).containsOnlyKeys("app/orders", "app/archive", "app/manual", "app/release-signing");
        assertThat(keys.get("app/orders").rotationPeriod()).isEqualTo(Duration.ofDays(90));
        assertThat(keys.get("app/archive").rotationPeriod()).isEqualTo(Duration.ofDays(365));
        assertThat(keys.get("app/manual").rotationPeriodIfSet()).isEmpty();
        assertThat(keys.get("app/release-signing").rotatable()).isFalse();
        assertThat(keys.get("app/orders").resource().region()).isEqualTo("us-central1");
    }

    @Test
    void auditLoggingForAllServices() {
        CollectionResult result = collect();

        GcpProjectAuditLogging audit = result.facts(GcpProjectAuditLogging.class).get(0);
        assertThat(audit.dataAccessLogged()).isTrue();
        assertThat(audit.allServicesLogTypes()).containsExactlyInAnyOrder("ADMIN_READ", "DATA_READ", "DATA_WRITE");
        assertThat(audit.exemptedMembers())
                .containsExactly("DATA_READ serviceAccount:etl@acme-prod.iam.gserviceaccount.com");
        assertThat(audit.resource().type()).isEqualTo("gcp.project");
        assertThat(audit.resource().account()).isEqualTo(PROJECT);
        // The project's policy, then each step up the tree: its parent and each ancestor's policy.
        assertThat(audit.evidence()).hasSize(7);
        assertThat(result.evidenceJson(audit.evidence().get(6))).contains("organizations.getIamPolicy")
                .contains("sre-breakglass");
    }

    @Test
    void dataAccessLogsSetOnlyOnTheOrganisationCoverTheProject() {
        google.stub(WireMock.post(WireMock.urlPathEqualTo(PROJECT_IAM)).atPriority(1),
                FakeGoogle.json("crm/project-iam-policy-no-audit.json"));

        CollectionResult result = collect();

        assertThat(result.issues()).isEmpty();
        GcpProjectAuditLogging audit = result.facts(GcpProjectAuditLogging.class).get(0);
        assertThat(audit.dataAccessLogged()).isTrue();
        assertThat(audit.allServicesLogTypes()).containsExactlyInAnyOrder("DATA_READ", "DATA_WRITE");
        // Only allServices counts: the folder's storage.googleapis.com configuration is not everything.
        assertThat(audit.exemptedMembers()).containsExactly("DATA_READ group:sre-breakglass@acme.example",
                "DATA_READ serviceAccount:etl@acme-prod.iam.gserviceaccount.com");
    }

    @Test
    void aPrincipalIsExemptOnlyWhereEveryLevelThatLogsExemptsIt() {
        google.stub(WireMock.post(WireMock.urlPathEqualTo(ORG_IAM)).atPriority(1),
                WireMock.aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"version\": 1, \"auditConfigs\": [{\"service\": \"allServices\", "
                                + "\"auditLogConfigs\": [{\"logType\": \"DATA_READ\"}]}]}"));

        CollectionResult result = collect();

        GcpProjectAuditLogging audit = result.facts(GcpProjectAuditLogging.class).get(0);
        assertThat(audit.dataAccessLogged()).isTrue();
        assertThat(audit.exemptedMembers()).isEmpty(); // the organisation logs the ETL account's reads
    }

    @Test
    void endpointProtectionOfEveryVmFromBothInstancePagesAndEveryInventoryPage() {
        CollectionResult result = collect();

        assertThat(result.issues()).isEmpty();
        Map<String, EndpointProtection> vms = byName(result.facts(EndpointProtection.class));
        assertThat(vms).containsOnlyKeys("web-1", "db-1", "win-1", "batch-1");

        EndpointProtection web = vms.get("web-1");
        assertThat(web.protection()).isEqualTo(ProtectionState.ACTIVE);
        assertThat(web.agent()).isEqualTo("falcon-sensor");
        assertThat(web.hostname()).isEqualTo("web-1");
        assertThat(web.lastReportedIfKnown()).contains(Instant.parse("2026-11-22T08:00:00.123456Z"));
        assertThat(web.detail()).contains("OS Config inventory").contains("does not report whether it is running");
        assertThat(web.resource()).isEqualTo(new ResourceRef("gcp", PROJECT, "us-central1-a", "gcp.compute.instance",
                "//compute.googleapis.com/projects/acme-prod/zones/us-central1-a/instances/web-1", "web-1"));
        assertThat(web.evidence()).hasSize(2);
        assertThat(result.evidenceJson(web.evidence().get(1))).contains("falcon-sensor");

        // A package only available (not installed) is not an agent.
        EndpointProtection db = vms.get("db-1");
        assertThat(db.protection()).isEqualTo(ProtectionState.ABSENT);
        assertThat(db.agent()).isEmpty();
        assertThat(db.hostname()).isEqualTo("db-1.internal.acme.example");
        assertThat(db.detail()).contains("endpoint-agents").contains("1 installed packages");

        EndpointProtection win = vms.get("win-1");
        assertThat(win.protection()).isEqualTo(ProtectionState.ACTIVE);
        assertThat(win.agent()).isEqualTo("CrowdStrike Windows Sensor");
        assertThat(win.hostname()).isEqualTo("WIN-1");

        EndpointProtection batch = vms.get("batch-1");
        assertThat(batch.protection()).isEqualTo(ProtectionState.UNKNOWN);
        assertThat(batch.detail()).contains("no OS Config inventory").contains("OS Config agent")
                .contains("gcloud services enable osconfig.googleapis.com");
        assertThat(batch.resource().region()).isEqualTo("europe-west1-b");
        assertThat(batch.lastReportedIfKnown()).isEmpty();
        // The empty inventory listing of its zone is part of what shows it has none.
        assertThat(batch.evidence()).hasSize(2);
    }

    @Test
    void operatingSystemOfEveryVmFromItsInventoryOnTheSameResourceAsItsProtection() {
        CollectionResult result = collect();

        Map<String, EndpointOperatingSystem> vms = byName(result.facts(EndpointOperatingSystem.class));
        assertThat(vms.values()).extracting(os -> os.resource().name(), EndpointOperatingSystem::hostname,
                        EndpointOperatingSystem::platform, EndpointOperatingSystem::name,
                        EndpointOperatingSystem::version)
                .containsExactlyInAnyOrder(
                        tuple("web-1", "web-1", "linux", "Debian GNU/Linux 12 (bookworm)", "12"),
                        tuple("db-1", "db-1.internal.acme.example", "linux", "Rocky Linux 9.4 (Blue Onyx)", "9.4"),
                        tuple("win-1", "WIN-1", "windows", "Microsoft Windows Server 2022 Datacenter",
                                "10.0.20348"),
                        tuple("batch-1", "batch-1", "", "", ""));
        EndpointOperatingSystem web = vms.get("web-1");
        assertThat(web.lastReportedIfKnown()).contains(Instant.parse("2026-11-22T08:00:00.123456Z"));
        assertThat(web.lastPatchedIfKnown()).isEmpty();
        assertThat(web.detail()).isEqualTo("kernel 6.1.0-26-cloud-amd64, kernel version #1 SMP PREEMPT_DYNAMIC "
                + "Debian 6.1.112-1 (2024-09-30), OS Config inventory updated 2026-11-22T08:00:00.123456Z");
        assertThat(web.resource()).isEqualTo(byName(result.facts(EndpointProtection.class)).get("web-1").resource());
        assertThat(result.evidenceJson(web.evidence().get(1))).contains("Debian GNU/Linux 12");
        // No inventory: the VM is known, when it last reported is not (the staleness check says ERROR).
        assertThat(vms.get("batch-1").lastReportedIfKnown()).isEmpty();
        assertThat(vms.get("batch-1").detail()).contains("no OS Config inventory");
    }

    @Test
    void bootDiskEncryptionOfEveryVmNamesWhoseKey() {
        CollectionResult result = collect();

        Map<String, EndpointDiskEncryption> vms = byName(result.facts(EndpointDiskEncryption.class));
        assertThat(vms.values()).extracting(disk -> disk.resource().name(), EndpointDiskEncryption::state,
                        EndpointDiskEncryption::method, EndpointDiskEncryption::detail)
                .containsExactlyInAnyOrder(
                        tuple("web-1", DiskEncryptionState.ENCRYPTED, "Google default encryption (Google-managed "
                                + "key)", "boot disk web-1"),
                        tuple("db-1", DiskEncryptionState.ENCRYPTED, "customer-managed key (Cloud KMS projects/"
                                + "acme-prod/locations/us-central1/keyRings/app/cryptoKeys/disks/cryptoKeyVersions/1)",
                                "boot disk db-1"),
                        tuple("win-1", DiskEncryptionState.ENCRYPTED, "customer-supplied key (CSEK, SHA-256 "
                                + "8hVvbGZzrc/hLBCj5V7zmXqPnzl8LVg/hZDUhWzYgkY=)", "boot disk win-1"),
                        tuple("batch-1", DiskEncryptionState.ENCRYPTED, "Google default encryption (Google-managed "
                                + "key)", "boot disk batch-1"));
        EndpointDiskEncryption db = vms.get("db-1");
        assertThat(db.resource()).isEqualTo(byName(result.facts(EndpointProtection.class)).get("db-1").resource());
        assertThat(db.hostname()).isEqualTo("db-1.internal.acme.example");
        assertThat(db.evidence()).hasSize(1);
        assertThat(result.evidenceJson(db.evidence().get(0))).contains("compute.instances.aggregatedList")
                .contains("cryptoKeyVersions/1");
    }

    @Test
    void aVmListedWithoutABootDiskCannotBeJudged() {
        ResourceRef ref = new ResourceRef("gcp", PROJECT, "us-central1-a", "gcp.compute.instance", "vm", "vm");
        EndpointCollector.Vm vm = new EndpointCollector.Vm("vm", "1", "", "RUNNING",
                new EvidenceId("0".repeat(64)));

        assertThat(EndpointCollector.bootDisk(ref, vm, null)).extracting(EndpointDiskEncryption::state,
                EndpointDiskEncryption::detail).containsExactly(DiskEncryptionState.UNKNOWN,
                "the instance listing shows no boot disk");
    }

    @Test
    void endpointAgentsOptionReplacesTheListAndWindowsUpdatesAreNotAgents() {
        CollectionResult result = new GcpHarness().collect(Map.of("projects", PROJECT, "root-url", google.rootUrl(),
                "max-attempts", "3", "timeout", "PT5S", "endpoint-agents", " Microsoft Defender , postgresql"));

        Map<String, EndpointProtection> vms = byName(result.facts(EndpointProtection.class));
        assertThat(vms.get("web-1").protection()).isEqualTo(ProtectionState.ABSENT);
        assertThat(vms.get("win-1").protection()).isEqualTo(ProtectionState.ABSENT);
        assertThat(vms.get("db-1").protection()).isEqualTo(ProtectionState.ACTIVE);
        assertThat(vms.get("db-1").agent()).isEqualTo("postgresql-server");
    }

    @Test
    void workspaceUsersFromBothPagesWithTheir2sv() {
        CollectionResult result = collect();

        Map<String, HumanIdentity> people = result.facts(HumanIdentity.class).stream()
                .collect(Collectors.toMap(HumanIdentity::login, Function.identity()));
        assertThat(people).containsOnlyKeys("ada@acme.example", "grace@acme.example", "linus@acme.example",
                "former@acme.example");
        assertThat(people.get("ada@acme.example").mfa()).isEqualTo(MfaState.ENFORCED);
        assertThat(people.get("grace@acme.example").mfa()).isEqualTo(MfaState.ENROLLED);
        assertThat(people.get("grace@acme.example").strongestMethod()).isEqualTo(MfaMethod.UNSPECIFIED);
        assertThat(people.get("linus@acme.example").mfa()).isEqualTo(MfaState.NONE);
        assertThat(people.get("linus@acme.example").strongestMethod()).isEqualTo(MfaMethod.NONE);
        assertThat(people.get("former@acme.example").active()).isFalse();
        assertThat(people.get("ada@acme.example").resource().account()).isEqualTo(CUSTOMER);
        assertThat(people.get("ada@acme.example").resource().type()).isEqualTo("workspace.user");
        WorkspaceUser ada = result.facts(WorkspaceUser.class).stream()
                .filter(u -> u.primaryEmail().equals("ada@acme.example")).findFirst().orElseThrow();
        assertThat(ada.admin()).isTrue();
    }

    @Test
    void everyDatumIsRequestedOnceAndEveryPageRead() {
        collect();

        assertThat(google.gets(BUCKETS)).isEqualTo(2);
        assertThat(google.gets(bucketIam("acme-public-assets"))).isEqualTo(1);
        assertThat(google.gets(bucketIam("acme-audit-logs"))).isEqualTo(1);
        assertThat(google.gets(bucketIam("acme-backups"))).isEqualTo(1);
        assertThat(google.gets(DISKS)).isEqualTo(2);
        assertThat(google.gets(SQL)).isEqualTo(1);
        assertThat(google.gets(KMS_LOCATIONS)).isEqualTo(1);
        assertThat(google.gets(KEY_RINGS_US)).isEqualTo(1);
        assertThat(google.gets(KEY_RINGS_EU)).isEqualTo(1);
        assertThat(google.gets(KEYS_APP)).isEqualTo(1);
        assertThat(google.posts(PROJECT_IAM)).isEqualTo(1);
        assertThat(google.gets(USERS)).isEqualTo(2);
        assertThat(google.gets(INSTANCES)).isEqualTo(2);
        assertThat(google.gets(INVENTORIES_US)).isEqualTo(2);
        assertThat(google.gets(INVENTORIES_EU)).isEqualTo(1);
        assertThat(google.gets(PROJECT_GET)).isEqualTo(1);
        assertThat(google.gets(FOLDER_222)).isEqualTo(1);
        assertThat(google.gets(FOLDER_111)).isEqualTo(1);
        assertThat(google.posts(FOLDER_222_IAM)).isEqualTo(1);
        assertThat(google.posts(FOLDER_111_IAM)).isEqualTo(1);
        assertThat(google.posts(ORG_IAM)).isEqualTo(1);
        assertThat(google.totalRequests()).isEqualTo(26);
    }

    @Test
    void everyFactRestsOnStoredEvidenceAndNoTokenIsStoredOrSent() {
        CollectionResult result = collect();

        for (Fact fact : result.facts()) {
            assertThat(fact.evidence()).isNotEmpty();
            fact.evidence().forEach(result::evidenceJson);
        }
        assertThat(result.evidenceCount()).isEqualTo(26);
        String stored = result.allStoredText();
        assertThat(stored).doesNotContain(GcpHarness.TOKEN).doesNotContain("Bearer");
        assertThat(stored).contains("compute.disks.aggregatedList").contains("sql.instances.list")
                .contains("directory.users.list").contains("cloudkms.projects.locations.keyRings.cryptoKeys.list")
                .contains("compute.instances.aggregatedList")
                .contains("osconfig.projects.locations.instances.inventories.list");
        // The operation header is ours: Google never sees it.
        assertThat(google.served()).allSatisfy(event -> assertThat(event.getRequest()
                .containsHeader(EvidenceTransport.OPERATION_HEADER)).isFalse());
        assertThat(google.served()).allSatisfy(event -> assertThat(event.getRequest().getHeader("Authorization"))
                .isEqualTo("Bearer " + GcpHarness.TOKEN));
    }

    private static <F extends Fact> Map<String, F> byName(List<F> facts) {
        return facts.stream().collect(Collectors.toMap(f -> f.resource().name(), Function.identity()));
    }
}
