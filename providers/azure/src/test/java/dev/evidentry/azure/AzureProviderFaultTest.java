package dev.evidentry.azure;

import static dev.evidentry.azure.AzureProviderTest.single;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.CredentialUnavailableException;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.fact.DataStoreEncryption;
import dev.evidentry.spi.fact.EndpointProtection;
import dev.evidentry.spi.fact.HumanIdentity;
import dev.evidentry.spi.fact.MfaState;
import dev.evidentry.spi.fact.azure.AzureConditionalAccess;
import dev.evidentry.spi.fact.azure.AzureDefenderPlans;
import dev.evidentry.spi.fact.azure.AzureSqlDatabaseTde;
import dev.evidentry.spi.fact.azure.AzureSqlServerAuditing;
import dev.evidentry.spi.fact.azure.AzureStorageAccount;
import dev.evidentry.testkit.CollectionResult;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Denied, unlicensed, throttled, failing, slow and garbled answers: each gives an issue with the right cause for exactly
 * the kinds it cost, and no fact of those kinds for what it covers.
 */
class AzureProviderFaultTest {

    private static final Pattern EVIDENCE = Pattern.compile("evidence ([0-9a-f]{64})");

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
    void deniedDisksCostTheirEncryptionOnly() {
        azure.fault(azure.first(Baseline.DISKS), azure.json(403, "arm/error-authorizationFailed.json"));

        CollectionResult result = collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.ACCESS_DENIED);
        assertThat(issue.operation()).isEqualTo("Microsoft.Compute/disks:list");
        assertThat(issue.factKinds()).containsExactly(DataStoreEncryption.KIND);
        assertThat(issue.account()).isEqualTo(FakeAzure.SUB);
        assertThat(issue.message()).contains("AuthorizationFailed").contains("HTTP 403");
        assertThat(result.evidenceJson(evidenceIn(issue))).contains("AuthorizationFailed");
        assertThat(result.facts(DataStoreEncryption.class)).noneMatch(f -> f.resource().type().equals(
                "azure.compute.disk"));
        assertThat(result.facts(AzureStorageAccount.class)).hasSize(3);
        assertThat(azure.count(Baseline.DISKS)).isEqualTo(1); // 403 is not retried
    }

    @Test
    void registrationDetailsWithoutPremiumLicenceNameTheLicence() {
        azure.fault(azure.first(Baseline.REGISTRATION), azure.json(403, "graph/error-nonPremiumTenant.json"));

        CollectionResult result = collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.UNSUPPORTED);
        assertThat(issue.account()).isEqualTo(FakeAzure.TENANT);
        assertThat(issue.factKinds()).containsExactly(HumanIdentity.KIND);
        assertThat(issue.message()).contains("Entra ID P1 or P2").contains(FailureClassifier.NO_PREMIUM_LICENCE);
        // The users are still seen, their MFA is not guessed.
        assertThat(result.facts(HumanIdentity.class)).hasSize(4)
                .filteredOn(HumanIdentity::active).allMatch(user -> user.mfa() == MfaState.UNKNOWN);
    }

    @Test
    void conditionalAccessDeniedCostsItsKindAndNeverOverstatesMfa() {
        azure.fault(azure.first(Baseline.POLICIES), azure.json(403, "graph/error-forbidden.json"));

        CollectionResult result = collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.ACCESS_DENIED);
        assertThat(issue.factKinds()).containsExactly(AzureConditionalAccess.KIND);
        assertThat(result.facts(AzureConditionalAccess.class)).isEmpty();
        assertThat(result.facts(HumanIdentity.class)).noneMatch(user -> user.mfa() == MfaState.ENFORCED);
    }

    @Test
    void throttlingIsRetriedHonouringRetryAfterThenThrottled() {
        azure.fault(azure.first(Baseline.PRICINGS), azure.json(429, "arm/error-throttled.json")
                .withHeader("Retry-After", "1"));

        long start = System.nanoTime();
        CollectionResult result = collect();
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.THROTTLED);
        assertThat(issue.factKinds()).containsExactly(AzureDefenderPlans.KIND);
        assertThat(azure.count(Baseline.PRICINGS)).isEqualTo(3); // max-retries 2
        assertThat(seconds).isGreaterThanOrEqualTo(2); // Retry-After: 1, twice, instead of 10 ms
        assertThat(result.facts(AzureDefenderPlans.class)).isEmpty();
    }

    @Test
    void aThrottledPageThatRecoversLosesNothing() {
        azure.server().stubFor(azure.first(Baseline.ASSESSMENTS).inScenario("busy").whenScenarioStateIs("Started")
                .willReturn(azure.json(429, "arm/error-throttled.json").withHeader("Retry-After", "0"))
                .willSetStateTo("calm").atPriority(1));
        azure.server().stubFor(azure.first(Baseline.ASSESSMENTS).inScenario("busy").whenScenarioStateIs("calm")
                .willReturn(azure.json("arm/assessments.json")).atPriority(1));

        CollectionResult result = collect();

        assertThat(result.issues()).isEmpty();
        assertThat(result.facts(EndpointProtection.class)).hasSize(4);
        assertThat(azure.count(Baseline.ASSESSMENTS)).isEqualTo(2);
    }

    @Test
    void serverErrorsAreRetriedThenReported() {
        azure.fault(azure.first(Baseline.SERVER_B + "/auditingSettings/default"),
                azure.json(500, "arm/error-internal.json"));

        CollectionResult result = collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.SERVER_ERROR);
        assertThat(issue.factKinds()).containsExactly(AzureSqlServerAuditing.KIND);
        assertThat(issue.resource().name()).isEqualTo("sqlcrudtest-6661");
        assertThat(AzureProviderTest.byName(result.facts(AzureSqlServerAuditing.class))).containsOnlyKeys(
                "sqlcrudtest-4645");
        assertThat(azure.count(Baseline.SERVER_B + "/auditingSettings/default")).isEqualTo(3);
    }

    @Test
    void aSlowAnswerTimesOut() {
        azure.fault(azure.first(Baseline.SERVER_A + "/databases/testdb/transparentDataEncryption/current"),
                azure.json("arm/tde-testdb.json").withFixedDelay(3000));
        Map<String, String> options = Baseline.options(azure);
        options.put("timeout", "PT0.5S");
        options.put("max-retries", "0");

        CollectionResult result = AzureTestKit.collect(AzureTestKit.provider(), options);

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.TIMEOUT);
        assertThat(issue.resource().name()).isEqualTo("testdb");
        assertThat(issue.factKinds()).containsExactlyInAnyOrder(AzureSqlDatabaseTde.KIND, DataStoreEncryption.KIND);
        assertThat(result.facts(AzureSqlDatabaseTde.class)).extracting(f -> f.resource().name())
                .containsExactly("payroll");
    }

    @Test
    void malformedJsonIsReportedWithItsEvidence() {
        azure.fault(azure.first(Baseline.VAULTS), com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"value\": [ {\"id\": "));

        CollectionResult result = collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.MALFORMED_RESPONSE);
        assertThat(issue.factKinds()).containsExactlyInAnyOrderElementsOf(KeyVaultCollector.KINDS);
        assertThat(result.evidenceJson(evidenceIn(issue))).contains("\\\"value\\\": [");
    }

    @Test
    void aRejectedTokenIsInvalidCredentials() {
        azure.fault(azure.first(Baseline.STORAGE), azure.json(401, "arm/error-invalidToken.json"));

        CollectionResult result = collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.INVALID_CREDENTIALS);
        assertThat(issue.factKinds()).containsExactlyInAnyOrderElementsOf(StorageCollector.KINDS);
    }

    @Test
    void noCredentialStopsWithOneIssueSayingWhatToDo() {
        TokenCredential none = request -> Mono.error(new CredentialUnavailableException(
                "DefaultAzureCredential failed to retrieve a token from the included credentials."));

        CollectionResult result = AzureTestKit.collect(new AzureProvider((options, client) -> none, Map.of()),
                Baseline.options(azure));

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.INVALID_CREDENTIALS);
        assertThat(issue.factKinds()).containsExactlyInAnyOrderElementsOf(AzureProvider.FACT_KINDS);
        assertThat(issue.message()).contains("AZURE_CLIENT_ID").contains("az login").contains("workload identity");
        assertThat(result.facts()).isEmpty();
        assertThat(azure.total()).isZero();
    }

    @Test
    void aBadOptionIsAConfigurationIssue() {
        Map<String, String> options = Baseline.options(azure);
        options.put("arm-endpoint", "http://localhost:1");

        CollectionResult result = AzureTestKit.collect(AzureTestKit.provider(), options);

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.CONFIGURATION);
        assertThat(issue.message()).contains("arm-endpoint").contains("https");
    }

    @Test
    void aNextLinkOffTheApiHostIsNeverFollowed() {
        azure.fault(azure.first(Baseline.DIAGNOSTICS), com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"value\": [], \"nextLink\": \"https://attacker.example/steal\"}"));

        CollectionResult result = collect();

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.MALFORMED_RESPONSE);
        assertThat(issue.message()).contains("leaves localhost");
    }

    private static EvidenceId evidenceIn(CollectionIssue issue) {
        Matcher matcher = EVIDENCE.matcher(issue.message());
        assertThat(matcher.find()).as("evidence id in: " + issue.message()).isTrue();
        return new EvidenceId(matcher.group(1));
    }
}
