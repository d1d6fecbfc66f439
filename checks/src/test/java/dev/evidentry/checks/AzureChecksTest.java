package dev.evidentry.checks;

import static dev.evidentry.checks.Fixtures.evaluate;
import static dev.evidentry.checks.Fixtures.evidence;
import static dev.evidentry.spi.Outcome.ERROR;
import static dev.evidentry.spi.Outcome.FAIL;
import static dev.evidentry.spi.Outcome.PASS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evidentry.checks.encryption.SqlTdeCheck;
import dev.evidentry.checks.encryption.StorageSecureTransferCheck;
import dev.evidentry.checks.exposure.StorageNoPublicBlobAccessCheck;
import dev.evidentry.checks.identity.EntraMfaEnforcedCheck;
import dev.evidentry.checks.logging.ActivityLogExportCheck;
import dev.evidentry.checks.logging.DefenderPlansCheck;
import dev.evidentry.checks.logging.SqlAuditingCheck;
import dev.evidentry.checks.resilience.KeyVaultRecoverableCheck;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.azure.AzureActivityLogExport;
import dev.evidentry.spi.fact.azure.AzureConditionalAccess;
import dev.evidentry.spi.fact.azure.AzureConditionalAccess.MfaPolicy;
import dev.evidentry.spi.fact.azure.AzureDefenderPlans;
import dev.evidentry.spi.fact.azure.AzureKeyVault;
import dev.evidentry.spi.fact.azure.AzureSecurityDefaults;
import dev.evidentry.spi.fact.azure.AzureSqlDatabaseTde;
import dev.evidentry.spi.fact.azure.AzureSqlServerAuditing;
import dev.evidentry.spi.fact.azure.AzureStorageAccount;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Azure-specific checks: facts in, findings out. */
class AzureChecksTest {

    private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private static final String SUB = "11111111-2222-4333-8444-555555555555";
    private static final ResourceRef TENANT_REF = ResourceRef.global("azure", TENANT, "azure.entra.tenant", TENANT,
            TENANT);
    private static final ResourceRef SUB_REF = ResourceRef.global("azure", SUB, "azure.subscription",
            "/subscriptions/" + SUB, "Production");

    private static ResourceRef arm(String type, String name) {
        return new ResourceRef("azure", SUB, "eastus", type, "/subscriptions/" + SUB + "/x/" + name, name);
    }

    private static MfaPolicy policy(String name, String state, boolean allUsers, Set<String> roles,
            Set<String> excludedUsers) {
        return new MfaPolicy("id-" + name, name, state, allUsers, roles, true, excludedUsers, Set.of(), Set.of());
    }

    private static Finding only(List<Finding> findings) {
        assertThat(findings).hasSize(1);
        return findings.get(0);
    }

    @Test
    void entraMfa() {
        EntraMfaEnforcedCheck check = new EntraMfaEnforcedCheck();
        AzureSecurityDefaults on = new AzureSecurityDefaults(TENANT_REF, true, evidence('a'));
        AzureSecurityDefaults off = new AzureSecurityDefaults(TENANT_REF, false, evidence('a'));
        assertThat(only(evaluate(check, on)).outcome()).isEqualTo(PASS);
        Finding all = only(evaluate(check, off, new AzureConditionalAccess(TENANT_REF, List.of(policy("All users",
                "enabled", true, Set.of(), Set.of("breakglass"))), evidence('b'))));
        assertThat(all.outcome()).isEqualTo(PASS);
        assertThat(all.message()).contains("'All users'").contains("excludes 1 user(s)");
        Finding reportOnly = only(evaluate(check, off, new AzureConditionalAccess(TENANT_REF, List.of(policy("All",
                "enabledForReportingButNotEnforced", true, Set.of(), Set.of()), policy("Admins", "enabled", false,
                Set.of("62e90394-69f5-4237-9190-012177145e10"), Set.of())), evidence('b'))));
        assertThat(reportOnly.outcome()).isEqualTo(FAIL);
        assertThat(reportOnly.message()).contains("administrators are covered by 'Admins'");
        assertThat(only(evaluate(check, off, new AzureConditionalAccess(TENANT_REF, List.of(), evidence('b'))))
                .message()).contains("nor one for Global Administrators");
        Finding unreadable = only(evaluate(check, off));
        assertThat(unreadable.outcome()).isEqualTo(ERROR);
        assertThat(unreadable.message()).contains("could not be read");
    }

    @Test
    void storageTransferAndPublicAccess() {
        AzureStorageAccount good = new AzureStorageAccount(arm("azure.storage.account", "good"), "Microsoft.Storage",
                false, true, "TLS1_2", false, evidence('a'));
        AzureStorageAccount http = new AzureStorageAccount(arm("azure.storage.account", "http"), "Microsoft.Storage",
                false, false, "TLS1_2", true, evidence('a'));
        AzureStorageAccount oldTls = new AzureStorageAccount(arm("azure.storage.account", "old"), "Microsoft.Storage",
                false, true, "", false, evidence('a'));
        assertThat(evaluate(new StorageSecureTransferCheck(), good, http, oldTls)).extracting(Finding::outcome)
                .containsExactly(PASS, FAIL, FAIL);
        assertThat(evaluate(new StorageSecureTransferCheck(), oldTls).get(0).message()).contains("TLS 1.0");
        assertThat(evaluate(new StorageNoPublicBlobAccessCheck(), good, http)).extracting(Finding::outcome)
                .containsExactly(PASS, FAIL);
    }

    @Test
    void sqlTdeAndAuditing() {
        assertThat(evaluate(new SqlTdeCheck(), new AzureSqlDatabaseTde(arm("azure.sql.database", "a"), "Enabled",
                evidence('a')), new AzureSqlDatabaseTde(arm("azure.sql.database", "b"), "Disabled", evidence('a'))))
                .extracting(Finding::outcome).containsExactly(PASS, FAIL);
        assertThat(evaluate(new SqlAuditingCheck(), new AzureSqlServerAuditing(arm("azure.sql.server", "a"),
                "Enabled", 90, true, evidence('a')), new AzureSqlServerAuditing(arm("azure.sql.server", "b"),
                "Disabled", 0, false, evidence('a')))).extracting(Finding::outcome).containsExactly(PASS, FAIL);
    }

    @Test
    void keyVaultRecoverable() {
        assertThat(evaluate(new KeyVaultRecoverableCheck(),
                new AzureKeyVault(arm("azure.keyvault.vault", "a"), true, true, 90, evidence('a')),
                new AzureKeyVault(arm("azure.keyvault.vault", "b"), true, false, 90, evidence('a')),
                new AzureKeyVault(arm("azure.keyvault.vault", "c"), false, false, 0, evidence('a'))))
                .extracting(Finding::outcome).containsExactly(PASS, FAIL, FAIL);
    }

    @Test
    void defenderPlans() {
        Finding pass = only(evaluate(new DefenderPlansCheck(), new AzureDefenderPlans(SUB_REF, Map.of(
                "VirtualMachines", "Standard", "StorageAccounts", "Standard", "SqlServers", "Standard"), evidence('a'))));
        assertThat(pass.outcome()).isEqualTo(PASS);
        Finding fail = only(evaluate(new DefenderPlansCheck(), new AzureDefenderPlans(SUB_REF, Map.of(
                "VirtualMachines", "Standard", "StorageAccounts", "Free"), evidence('a'))));
        assertThat(fail.outcome()).isEqualTo(FAIL);
        assertThat(fail.message()).contains("StorageAccounts (Free)").contains("SqlServers (not listed)");
    }

    @Test
    void activityLogExport() {
        AzureActivityLogExport.Setting admin = new AzureActivityLogExport.Setting("to-law", List.of("/ws/central"),
                Set.of("Administrative"));
        AzureActivityLogExport.Setting alertsOnly = new AzureActivityLogExport.Setting("alerts", List.of("/ws/x"),
                Set.of("Alert"));
        assertThat(only(evaluate(new ActivityLogExportCheck(), new AzureActivityLogExport(SUB_REF, List.of(admin),
                evidence('a')))).outcome()).isEqualTo(PASS);
        assertThat(only(evaluate(new ActivityLogExportCheck(), new AzureActivityLogExport(SUB_REF,
                List.of(alertsOnly), evidence('a')))).outcome()).isEqualTo(FAIL);
        assertThat(only(evaluate(new ActivityLogExportCheck(), new AzureActivityLogExport(SUB_REF, List.of(),
                evidence('a')))).outcome()).isEqualTo(FAIL);
    }
}
