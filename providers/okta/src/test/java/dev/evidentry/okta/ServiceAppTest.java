package dev.evidentry.okta;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.fact.okta.OktaUser;
import dev.evidentry.testkit.CollectionResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An OAuth 2.0 service app signing in with its private key: the SDK fetches a scoped access token from the org
 * authorization server, and every call carries it as a bearer token that never reaches the evidence.
 */
class ServiceAppTest {

    static final String ACCESS_TOKEN = "eyJraWQiOiJ0ZXN0IiwiYWxnIjoiUlMyNTYifQ.eyJzY3AiOlsib2t0YS51c2Vycy5yZWFkIl19."
            + "c2lnbmF0dXJlLW9mLXRoZS10ZXN0LXRva2Vu";

    private static FakeOkta okta;
    private static Path privateKey;

    @BeforeAll
    static void start() throws Exception {
        okta = FakeOkta.start();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        privateKey = Files.createTempFile("service-app", ".pem");
        Files.writeString(privateKey, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(generator.generateKeyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        privateKey.toFile().deleteOnExit();
    }

    @AfterAll
    static void stop() {
        okta.close();
    }

    @BeforeEach
    void setUp() {
        okta.reset();
        okta.baseline();
    }

    private static MappingBuilder token() {
        return post(urlPathEqualTo("/oauth2/v1/token"));
    }

    private static Map<String, String> options() {
        Map<String, String> options = okta.options();
        options.remove("api-token");
        options.put("client-id", "0oa1serviceApp00g4");
        options.put("private-key-file", privateKey.toString());
        options.put("key-id", "evidentry-test");
        return options;
    }

    @Test
    void signsInWithAScopedTokenThatNeverReachesTheEvidence() {
        // Okta's documented token response for the client credentials grant.
        okta.fault(token(), FakeOkta.json("{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\""
                + ACCESS_TOKEN + "\",\"scope\":\"okta.users.read okta.roles.read okta.policies.read\"}"));

        CollectionResult result = new OktaHarness().collect(options());

        assertThat(result.issues()).isEmpty();
        assertThat(result.facts(OktaUser.class)).hasSize(5);
        assertThat(okta.count(postRequestedFor(urlPathEqualTo("/oauth2/v1/token"))
                .withRequestBody(containing("grant_type=client_credentials"))
                .withRequestBody(containing("client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type"
                        + "%3Ajwt-bearer")))).isEqualTo(1);
        assertThat(okta.count(FakeOkta.usersRequested().withHeader("Authorization", equalTo("Bearer "
                + ACCESS_TOKEN)))).isEqualTo(3);
        String stored = result.allStoredText();
        assertThat(stored).doesNotContain(ACCESS_TOKEN).contains("\"operation\" : \"token\"");
    }

    @Test
    void aRejectedClientIsInvalidCredentialsWithWhatToCheck() {
        okta.fault(token(), FakeOkta.json("{\"error\":\"invalid_client\",\"error_description\":\"The client_assertion "
                + "signature is invalid.\"}").withStatus(401));

        CollectionResult result = new OktaHarness().collect(options());

        assertThat(result.facts()).isEmpty();
        assertThat(result.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.cause()).isEqualTo(IssueCause.INVALID_CREDENTIALS);
            assertThat(issue.operation()).isEqualTo("okta:token");
            assertThat(issue.factKinds()).isEqualTo(OktaProvider.FACT_KINDS);
            assertThat(issue.message()).contains("invalid_client").contains("0oa1serviceApp00g4")
                    .contains("private-key-file").contains("okta.users.read");
        });
        assertThat(okta.count(FakeOkta.usersRequested())).isZero();
    }

    @Test
    void aScopeNotGrantedIsAccessDenied() {
        okta.fault(token(), FakeOkta.json("{\"error\":\"invalid_scope\",\"error_description\":\"The following scopes "
                + "are not allowed: [okta.roles.read]\"}").withStatus(400));

        CollectionResult result = new OktaHarness().collect(options());

        CollectionIssue issue = result.issues().get(0);
        assertThat(issue.cause()).isEqualTo(IssueCause.ACCESS_DENIED);
        assertThat(issue.message()).contains("okta.roles.read");
    }
}
