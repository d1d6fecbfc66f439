package dev.evidentry.azure;

import static dev.evidentry.azure.FakeAzure.SUB_PATH;

import java.util.HashMap;
import java.util.Map;

/** The healthy estate every test starts from: each call answered with its documented-example fixture. */
final class Baseline {

    static final String SUBSCRIPTIONS = "/subscriptions";
    static final String STORAGE = SUB_PATH + "/providers/Microsoft.Storage/storageAccounts";
    static final String DISKS = SUB_PATH + "/providers/Microsoft.Compute/disks";
    static final String SQL_SERVERS = SUB_PATH + "/providers/Microsoft.Sql/servers";
    static final String SQL_RG = SUB_PATH + "/resourceGroups/Default-SQL-SouthEastAsia/providers/Microsoft.Sql/servers";
    static final String SERVER_A = SQL_RG + "/sqlcrudtest-4645";
    static final String SERVER_B = SQL_RG + "/sqlcrudtest-6661";
    static final String VAULTS = SUB_PATH + "/providers/Microsoft.KeyVault/vaults";
    static final String VAULT_RG = SUB_PATH + "/resourceGroups/sample-group/providers/Microsoft.KeyVault/vaults";
    static final String PRICINGS = SUB_PATH + "/providers/Microsoft.Security/pricings";
    static final String VMS = SUB_PATH + "/providers/Microsoft.Compute/virtualMachines";
    static final String ASSESSMENTS = SUB_PATH + "/providers/Microsoft.Security/assessments";
    static final String DIAGNOSTICS = SUB_PATH + "/providers/Microsoft.Insights/diagnosticSettings";
    static final String SECURITY_DEFAULTS = "/v1.0/policies/identitySecurityDefaultsEnforcementPolicy";
    static final String POLICIES = "/v1.0/identity/conditionalAccess/policies";
    static final String USERS = "/v1.0/users";
    static final String REGISTRATION = "/v1.0/reports/authenticationMethods/userRegistrationDetails";

    private Baseline() {}

    static void stub(FakeAzure azure) {
        azure.stub(azure.first(SUBSCRIPTIONS), azure.json("arm/subscriptions.json"));
        azure.stub(azure.first(STORAGE), azure.json("arm/storageAccounts-page1.json"));
        azure.stub(azure.page(STORAGE, "$skipToken", "page2"), azure.json("arm/storageAccounts-page2.json"));
        azure.stub(azure.first(DISKS), azure.json("arm/disks.json"));
        azure.stub(azure.first(SQL_SERVERS), azure.json("arm/sqlServers.json"));
        azure.stub(azure.first(SERVER_A + "/auditingSettings/default"), azure.json("arm/auditing-enabled.json"));
        azure.stub(azure.first(SERVER_B + "/auditingSettings/default"), azure.json("arm/auditing-disabled.json"));
        azure.stub(azure.first(SERVER_A + "/encryptionProtector/current"),
                azure.json("arm/protector-servicemanaged.json"));
        azure.stub(azure.first(SERVER_B + "/encryptionProtector/current"), azure.json("arm/protector-keyvault.json"));
        azure.stub(azure.first(SERVER_A + "/databases"), azure.json("arm/databases-4645.json"));
        azure.stub(azure.first(SERVER_B + "/databases"), azure.json("arm/databases-6661.json"));
        azure.stub(azure.first(SERVER_A + "/databases/testdb/transparentDataEncryption/current"),
                azure.json("arm/tde-testdb.json"));
        azure.stub(azure.first(SERVER_B + "/databases/payroll/transparentDataEncryption/current"),
                azure.json("arm/tde-payroll.json"));
        azure.stub(azure.first(VAULTS), azure.json("arm/vaults.json"));
        azure.stub(azure.first(VAULT_RG + "/sample-vault/keys"), azure.json("arm/keys-sample-vault.json"));
        azure.stub(azure.first(VAULT_RG + "/legacy-vault/keys"), azure.json("arm/keys-empty.json"));
        azure.stub(azure.first(PRICINGS), azure.json("arm/pricings.json"));
        azure.stub(azure.first(VMS), azure.json("arm/virtualMachines-page1.json"));
        azure.stub(azure.page(VMS, "$skiptoken", "vm2"), azure.json("arm/virtualMachines-page2.json"));
        azure.stub(azure.first(ASSESSMENTS), azure.json("arm/assessments.json"));
        azure.stub(azure.first(DIAGNOSTICS), azure.json("arm/diagnosticSettings.json"));
        azure.stub(azure.first(SECURITY_DEFAULTS), azure.json("graph/securityDefaults-disabled.json"));
        azure.stub(azure.first(POLICIES), azure.json("graph/policies-page1.json"));
        azure.stub(azure.page(POLICIES, "$skiptoken", "ca2"), azure.json("graph/policies-page2.json"));
        azure.stub(azure.first(USERS), azure.json("graph/users-page1.json"));
        azure.stub(azure.page(USERS, "$skiptoken", "users2"), azure.json("graph/users-page2.json"));
        azure.stub(azure.first(REGISTRATION), azure.json("graph/userRegistrationDetails.json"));
    }

    /** Options pointing both APIs at WireMock, with retries that do not wait long. */
    static Map<String, String> options(FakeAzure azure) {
        Map<String, String> options = new HashMap<>();
        options.put("arm-endpoint", azure.base());
        options.put("graph-endpoint", azure.base());
        options.put("max-retries", "2");
        options.put("retry-delay", "PT0.01S");
        options.put("timeout", "PT5S");
        return options;
    }
}
