package dev.evidentry.azure;

import static dev.evidentry.azure.AzureProviderTest.byName;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evidentry.spi.fact.DataStoreEncryption;
import dev.evidentry.spi.fact.EncryptionAtRest;
import dev.evidentry.spi.fact.EndpointProtection;
import dev.evidentry.spi.fact.HumanIdentity;
import dev.evidentry.spi.fact.MfaMethod;
import dev.evidentry.spi.fact.MfaState;
import dev.evidentry.spi.fact.ProtectionState;
import dev.evidentry.spi.fact.azure.AzureActivityLogExport;
import dev.evidentry.spi.fact.azure.AzureConditionalAccess;
import dev.evidentry.spi.fact.azure.AzureDefenderPlans;
import dev.evidentry.spi.fact.azure.AzureKeyVault;
import dev.evidentry.spi.fact.azure.AzureKeyVaultKey;
import dev.evidentry.spi.fact.azure.AzureSecurityDefaults;
import dev.evidentry.spi.fact.azure.AzureSqlDatabaseTde;
import dev.evidentry.spi.fact.azure.AzureSqlServerAuditing;
import dev.evidentry.testkit.CollectionResult;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Entra ID, SQL, Key Vault, Defender for Cloud, VMs and the activity log from the healthy estate. */
class AzureServicesTest {

    private static FakeAzure azure;
    private static CollectionResult result;

    @BeforeAll
    static void collectOnce() {
        azure = FakeAzure.start();
        Baseline.stub(azure);
        result = AzureTestKit.collect(AzureTestKit.provider(), Baseline.options(azure));
    }

    @AfterAll
    static void stop() {
        azure.close();
    }

    @BeforeEach
    void noIssues() {
        assertThat(result.issues()).isEmpty();
    }

    @Test
    void entraUsersFromEveryPageWithTheirMfa() {
        Map<String, HumanIdentity> users = byName(result.facts(HumanIdentity.class));
        assertThat(users).containsOnlyKeys("AdeleV@contoso.com", "breakglass@contoso.com", "MeganB@contoso.com",
                "former@contoso.com");
        HumanIdentity adele = users.get("AdeleV@contoso.com");
        assertThat(adele.resource().account()).isEqualTo(FakeAzure.TENANT);
        assertThat(adele.resource().type()).isEqualTo("azure.entra.user");
        assertThat(adele.mfa()).isEqualTo(MfaState.ENFORCED); // the all-users policy, not excluded
        assertThat(adele.strongestMethod()).isEqualTo(MfaMethod.AUTHENTICATOR_APP);
        HumanIdentity breakGlass = users.get("breakglass@contoso.com");
        assertThat(breakGlass.mfa()).isEqualTo(MfaState.ENROLLED); // excluded by id from the all-users policy
        assertThat(breakGlass.strongestMethod()).isEqualTo(MfaMethod.SECURITY_KEY);
        assertThat(users.get("MeganB@contoso.com").mfa()).isEqualTo(MfaState.NONE);
        HumanIdentity former = users.get("former@contoso.com");
        assertThat(former.active()).isFalse();
        assertThat(former.mfa()).isEqualTo(MfaState.NONE);
        assertThat(azure.count(Baseline.USERS)).isEqualTo(2);
        assertThat(azure.count(Baseline.REGISTRATION)).isEqualTo(1);
    }

    @Test
    void conditionalAccessPoliciesThatRequireMfa() {
        AzureConditionalAccess access = result.facts(AzureConditionalAccess.class).get(0);
        assertThat(access.resource().type()).isEqualTo("azure.entra.tenant");
        assertThat(access.mfaPolicies()).extracting(AzureConditionalAccess.MfaPolicy::name)
                .containsExactly("Require MFA for all users", "Require MFA for admins"); // "mfa OR device" is not
        AzureConditionalAccess.MfaPolicy all = access.mfaPolicies().get(0);
        assertThat(all.allUsers()).isTrue();
        assertThat(all.excludedUsers()).containsExactly("b2c9a0c1-6f4c-4d49-8a11-0b4c0c1e7a55");
        assertThat(access.mfaPolicies().get(1).includedRoles()).contains("62e90394-69f5-4237-9190-012177145e10");
        assertThat(access.evidence()).hasSize(2);
        assertThat(result.facts(AzureSecurityDefaults.class)).singleElement()
                .satisfies(defaults -> assertThat(defaults.enabled()).isFalse());
    }

    @Test
    void sqlAuditingAndTransparentDataEncryption() {
        Map<String, AzureSqlServerAuditing> auditing = byName(result.facts(AzureSqlServerAuditing.class));
        assertThat(auditing.get("sqlcrudtest-4645").enabled()).isTrue();
        assertThat(auditing.get("sqlcrudtest-6661").enabled()).isFalse();
        Map<String, AzureSqlDatabaseTde> tde = byName(result.facts(AzureSqlDatabaseTde.class));
        assertThat(tde).containsOnlyKeys("testdb", "payroll"); // master is skipped
        assertThat(tde.get("testdb").enabled()).isTrue();
        assertThat(tde.get("payroll").enabled()).isFalse();
        Map<String, DataStoreEncryption> encryption = byName(result.facts(DataStoreEncryption.class));
        assertThat(encryption.get("testdb").encryption()).isEqualTo(EncryptionAtRest.PROVIDER_KEY);
        assertThat(encryption.get("testdb").resource().type()).isEqualTo("azure.sql.database");
        assertThat(encryption.get("payroll").encryption()).isEqualTo(EncryptionAtRest.NONE);
        assertThat(azure.count(Baseline.SERVER_A + "/databases/testdb/transparentDataEncryption/current"))
                .isEqualTo(1);
    }

    @Test
    void keyVaultsAndTheirKeys() {
        Map<String, AzureKeyVault> vaults = byName(result.facts(AzureKeyVault.class));
        assertThat(vaults.get("sample-vault").purgeProtection()).isTrue();
        assertThat(vaults.get("sample-vault").softDelete()).isTrue();
        assertThat(vaults.get("legacy-vault").purgeProtection()).isFalse();
        Map<String, AzureKeyVaultKey> keys = byName(result.facts(AzureKeyVaultKey.class));
        assertThat(keys.get("sample-vault/sample-key-name1").expires()).isEqualTo(Instant.ofEpochSecond(1893456000));
        assertThat(keys.get("sample-vault/sample-key-name2").expiresIfSet()).isEmpty();
    }

    @Test
    void defenderPlansAndActivityLogExport() {
        AzureDefenderPlans plans = result.facts(AzureDefenderPlans.class).get(0);
        assertThat(plans.resource().type()).isEqualTo("azure.subscription");
        assertThat(plans.standard("VirtualMachines")).isTrue();
        assertThat(plans.standard("SqlServers")).isTrue();
        assertThat(plans.standard("StorageAccounts")).isFalse();
        AzureActivityLogExport export = result.facts(AzureActivityLogExport.class).get(0);
        assertThat(export.settings()).singleElement().satisfies(setting -> {
            assertThat(setting.exportsAdministrative()).isTrue();
            assertThat(setting.destinations()).singleElement().asString().endsWith("/workspaces/central-logs");
        });
    }

    @Test
    void endpointProtectionOfEveryVmFromDefenderAssessments() {
        Map<String, EndpointProtection> vms = byName(result.facts(EndpointProtection.class));
        assertThat(vms).containsOnlyKeys("vm-protected", "vm-unprotected", "vm-unhealthy", "vm-unassessed");
        assertThat(vms.get("vm-protected").protection()).isEqualTo(ProtectionState.ACTIVE);
        assertThat(vms.get("vm-protected").hostname()).isEqualTo("vm-protected");
        assertThat(vms.get("vm-unprotected").protection()).isEqualTo(ProtectionState.ABSENT);
        assertThat(vms.get("vm-unprotected").detail()).contains("No endpoint protection solution was found");
        assertThat(vms.get("vm-unhealthy").protection()).isEqualTo(ProtectionState.INACTIVE);
        assertThat(vms.get("vm-unassessed").protection()).isEqualTo(ProtectionState.UNKNOWN);
        assertThat(azure.count(Baseline.VMS)).isEqualTo(2);
        assertThat(azure.count(Baseline.ASSESSMENTS)).isEqualTo(1);
    }
}
