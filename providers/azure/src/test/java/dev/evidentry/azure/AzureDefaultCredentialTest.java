package dev.evidentry.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.evidentry.azure.AzureProviderTest.single;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.fact.HumanIdentity;
import dev.evidentry.spi.fact.azure.AzureStorageAccount;
import dev.evidentry.testkit.CollectionResult;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The production credential path, with no test credential: {@code DefaultAzureCredential} finds a service principal in
 * the environment (EnvironmentCredential, then ClientSecretCredential through MSAL) and gets its token from Entra ID's
 * token endpoint, here WireMock at the {@code authority-host} option. Before the first token MSAL (1.23) asks instance
 * discovery, {@code GET /common/discovery/instance}, which it always sends to {@code login.microsoftonline.com} on the
 * authority's port for a host it does not know: the test JVM resolves that name to loopback (the POM's
 * {@code jdk.net.hosts.file}) and WireMock's certificate names it. For an Entra ID (AAD) authority MSAL asks no OpenID
 * configuration document; WireMock's unmatched-request log stays empty.
 */
class AzureDefaultCredentialTest {

    static final String CLIENT_ID = "00001111-aaaa-2222-bbbb-3333cccc4444";
    static final String CLIENT_SECRET = "kZ58Q~evidentry.test-secret~Never.Use.It";

    /** What the token endpoint hands out: a JWT naming the fake tenant, unlike the test credential's token. */
    static final String TOKEN = jwt("{\"typ\":\"JWT\",\"alg\":\"RS256\",\"kid\":\"test\"}") + "." + jwt(
            "{\"aud\":\"https://management.azure.com\",\"iss\":\"https://sts.windows.net/" + FakeAzure.TENANT + "/\","
                    + "\"tid\":\"" + FakeAzure.TENANT + "\",\"appid\":\"" + CLIENT_ID + "\",\"idtyp\":\"app\"}")
            + ".ZW50cmEtaWQtc2lnbmF0dXJlLW9mLXRoZS10ZXN0LXRva2Vu";

    private static final String TOKEN_PATH = "/" + FakeAzure.TENANT + "/oauth2/v2.0/token";

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
        azure.stub(get(urlPathEqualTo("/common/discovery/instance")), azure.json("login/instance-discovery.json"));
        // The documented client-credentials request: the secret and the client id in the form body.
        azure.fault(post(urlPathEqualTo(TOKEN_PATH))
                .withRequestBody(containing("grant_type=client_credentials"))
                .withRequestBody(containing("client_id=" + CLIENT_ID))
                .withRequestBody(containing("client_secret=" + URLEncoder.encode(CLIENT_SECRET,
                        StandardCharsets.UTF_8))),
                aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody(azure.fixture("login/token.json").replace("{{token}}", TOKEN)));
        azure.stub(post(urlPathEqualTo(TOKEN_PATH)), azure.json(401, "login/error-invalidClientSecret.json"));
    }

    private static Map<String, String> environment(String secret) {
        return Map.of("AZURE_TENANT_ID", FakeAzure.TENANT, "AZURE_CLIENT_ID", CLIENT_ID, "AZURE_CLIENT_SECRET", secret);
    }

    private static Map<String, String> options() {
        Map<String, String> options = Baseline.options(azure);
        options.put("authority-host", azure.base());
        return options;
    }

    @Test
    void aServicePrincipalFromTheEnvironmentScansEndToEndWithItsToken() {
        CollectionResult result = AzureTestKit.collect(new AzureProvider(environment(CLIENT_SECRET)), options());

        assertThat(result.issues()).isEmpty();
        assertThat(azure.server().findAllUnmatchedRequests()).isEmpty();
        assertThat(result.facts(AzureStorageAccount.class)).hasSize(3);
        assertThat(result.facts(HumanIdentity.class)).hasSize(4); // the tenant came from the token's tid claim
        assertThat(azure.server().countRequestsMatching(postRequestedFor(urlPathEqualTo(TOKEN_PATH)).build()).getCount())
                .isGreaterThanOrEqualTo(1);
        List<ServeEvent> apiCalls = apiCalls();
        assertThat(apiCalls).extracting(event -> event.getRequest().getUrl())
                .anyMatch(url -> url.startsWith(Baseline.SUBSCRIPTIONS + "?"))
                .anyMatch(url -> url.startsWith(Baseline.USERS));
        assertThat(apiCalls).allSatisfy(event -> assertThat(event.getRequest().getHeader("Authorization"))
                .as(event.getRequest().getUrl()).isEqualTo("Bearer " + TOKEN));
        String stored = result.allStoredText();
        assertThat(stored).contains("Microsoft.Storage/storageAccounts:list").doesNotContain(CLIENT_SECRET)
                .doesNotContain(TOKEN).doesNotContain("ZW50cmEtaWQtc2lnbmF0dXJlLW9mLXRoZS10ZXN0LXRva2Vu");
    }

    @Test
    void aRejectedClientSecretIsOneInvalidCredentialsIssueSayingWhatToSet() {
        String wrong = "wR0ng~secret.value-that.Entra.refuses";

        CollectionResult result = AzureTestKit.collect(new AzureProvider(environment(wrong)), options());

        CollectionIssue issue = single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.INVALID_CREDENTIALS); // a setup problem: exit code 2
        assertThat(issue.operation()).isEqualTo("azure:token");
        assertThat(issue.factKinds()).containsExactlyInAnyOrderElementsOf(AzureProvider.FACT_KINDS);
        assertThat(issue.message()).contains("AZURE_CLIENT_SECRET").contains("AADSTS7000215")
                .doesNotContain(wrong).doesNotContain("Trace ID");
        assertThat(result.facts()).isEmpty(); // so every check over these kinds is ERROR, never PASS
        assertThat(apiCalls()).isEmpty();
        assertThat(azure.server().findAllUnmatchedRequests()).isEmpty();
        assertThat(result.allStoredText()).doesNotContain(wrong);
    }

    /** The Resource Manager and Graph calls WireMock saw: everything but Entra ID's own endpoints. */
    private static List<ServeEvent> apiCalls() {
        return azure.server().getAllServeEvents().stream()
                .filter(event -> !event.getRequest().getUrl().startsWith("/" + FakeAzure.TENANT + "/")
                        && !event.getRequest().getUrl().startsWith("/common/"))
                .toList();
    }

    private static String jwt(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
