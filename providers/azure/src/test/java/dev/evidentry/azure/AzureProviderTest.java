package dev.evidentry.azure;

import static dev.evidentry.azure.FakeAzure.SUB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.fact.DataStoreEncryption;
import dev.evidentry.spi.fact.EncryptionAtRest;
import dev.evidentry.spi.fact.azure.AzureStorageAccount;
import dev.evidentry.testkit.CollectionResult;
import dev.evidentry.testkit.ProviderTestKit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The healthy estate: every fact, read once, from every page, resting on evidence that holds no token. */
class AzureProviderTest {

    private static FakeAzure azure;

    @BeforeAll
    static void start() {
        azure = FakeAzure.start();
    }

    @AfterAll
    static void stop() {
        azure.close();
    }

    @BeforeEach
    void baseline() {
        azure.reset();
        Baseline.stub(azure);
    }

    private CollectionResult collect() {
        return AzureTestKit.collect(AzureTestKit.provider(), Baseline.options(azure));
    }

    @Test
    void isRegisteredForServiceLoader() {
        assertThat(ProviderTestKit.load("azure").provider().descriptor().factKinds())
                .contains(DataStoreEncryption.KIND, AzureStorageAccount.KIND);
    }

    @Test
    void storageAccountsFromEveryPage() {
        CollectionResult result = collect();

        assertThat(result.issues()).isEmpty();
        Map<String, AzureStorageAccount> accounts = byName(result.facts(AzureStorageAccount.class));
        assertThat(accounts).containsOnlyKeys("sto1125", "sto834", "sto8596");
        AzureStorageAccount good = accounts.get("sto1125");
        assertThat(good.resource().account()).isEqualTo(SUB);
        assertThat(good.resource().region()).isEqualTo("eastus");
        assertThat(good.resource().type()).isEqualTo("azure.storage.account");
        assertThat(good.resource().nativeId()).endsWith("/storageAccounts/sto1125");
        assertThat(good.httpsTrafficOnly()).isTrue();
        assertThat(good.tls12OrLater()).isTrue();
        assertThat(good.allowBlobPublicAccess()).isFalse();
        assertThat(good.infrastructureEncryption()).isTrue();
        AzureStorageAccount bad = accounts.get("sto834");
        assertThat(bad.httpsTrafficOnly()).isFalse();
        assertThat(bad.minimumTlsVersion()).isEqualTo("TLS1_0");
        assertThat(bad.allowBlobPublicAccess()).isTrue();
        AzureStorageAccount cmk = accounts.get("sto8596");
        assertThat(cmk.allowBlobPublicAccess()).isFalse(); // absent: the documented default
        assertThat(cmk.evidence()).isNotEqualTo(good.evidence()); // second page
        assertThat(azure.count(Baseline.STORAGE)).isEqualTo(2);
    }

    @Test
    void encryptionOfStorageAndDisks() {
        CollectionResult result = collect();

        Map<String, DataStoreEncryption> encryption = byName(result.facts(DataStoreEncryption.class));
        assertThat(encryption).containsOnlyKeys("sto1125", "sto834", "sto8596", "myDisk1", "myDisk2", "testdb", "payroll");
        assertThat(encryption.get("sto1125").encryption()).isEqualTo(EncryptionAtRest.PROVIDER_KEY);
        assertThat(encryption.get("sto834").encryption()).isEqualTo(EncryptionAtRest.UNKNOWN);
        assertThat(encryption.get("sto8596").encryption()).isEqualTo(EncryptionAtRest.CUSTOMER_KEY);
        assertThat(encryption.get("sto8596").keyId()).isEqualTo("https://myvault8569.vault.azure.net/keys/wrappingKey");
        assertThat(encryption.get("myDisk1").encryption()).isEqualTo(EncryptionAtRest.PROVIDER_KEY);
        assertThat(encryption.get("myDisk1").resource().type()).isEqualTo("azure.compute.disk");
        assertThat(encryption.get("myDisk2").encryption()).isEqualTo(EncryptionAtRest.CUSTOMER_KEY);
        assertThat(encryption.get("myDisk2").keyId()).endsWith("/diskEncryptionSets/myDiskEncryptionSet");
    }

    @Test
    void everyFactRestsOnStoredEvidenceWithoutTheToken() {
        CollectionResult result = collect();

        for (Fact fact : result.facts()) {
            assertThat(fact.evidence()).isNotEmpty();
            fact.evidence().forEach(id -> assertThat(result.evidenceJson(id)).contains("\"statusCode\" : 200"));
        }
        String stored = result.allStoredText();
        assertThat(stored).doesNotContain(AzureTestKit.TOKEN).doesNotContain("c2VjcmV0LXNpZ25hdHVyZS1ub3QtZm9yLWV2aWRlbmNl")
                .doesNotContain("Bearer ").contains("Microsoft.Storage/storageAccounts:list");
    }

    @Test
    void eachDatumIsRequestedOnce() {
        collect();

        assertThat(azure.count(Baseline.SUBSCRIPTIONS)).isEqualTo(1);
        assertThat(azure.count(Baseline.DISKS)).isEqualTo(1);
    }

    @Test
    void aSubscriptionTheIdentityCannotSeeIsAnIssue() {
        Map<String, String> options = Baseline.options(azure);
        options.put("subscriptions", "99999999-9999-4999-9999-999999999999," + SUB);

        CollectionResult result = AzureTestKit.collect(AzureTestKit.provider(), options);

        CollectionIssue issue = single(result.issues());
        assertThat(issue.account()).isEqualTo("99999999-9999-4999-9999-999999999999");
        assertThat(issue.cause()).isEqualTo(IssueCause.ACCESS_DENIED);
        assertThat(issue.factKinds()).containsAll(StorageCollector.KINDS);
        assertThat(result.facts(AzureStorageAccount.class)).hasSize(3);
    }

    static CollectionIssue single(List<CollectionIssue> issues) {
        assertThat(issues).hasSize(1);
        return issues.get(0);
    }

    static <T extends Fact> Map<String, T> byName(List<T> facts) {
        return facts.stream().collect(Collectors.toMap(fact -> fact.resource().name(), Function.identity()));
    }
}
