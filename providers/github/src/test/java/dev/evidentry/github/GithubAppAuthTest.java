package dev.evidentry.github;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.evidentry.github.FakeGithub.ORG;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.fact.github.GithubOrganization;
import dev.evidentry.testkit.CollectionResult;
import dev.evidentry.testkit.ProviderTestKit;
import dev.evidentry.testkit.RecordingContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Authenticating as a GitHub App installation: a JWT signed with the App's key (as GitHub hands it out, PKCS#1, or
 * PKCS#8) buys an installation token through github-api's own flow on the same client; the token then signs every
 * call and is never stored.
 */
class GithubAppAuthTest {

    private static final String INSTALLATION_TOKEN = "ghs_16C7e42F292c6912E7710c838347Ae178B4a";

    private static FakeGithub github;
    private static KeyPair keys;

    @TempDir
    Path directory;

    @BeforeAll
    static void start() throws NoSuchAlgorithmException {
        github = FakeGithub.start();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
    }

    @AfterAll
    static void stop() {
        github.close();
    }

    @BeforeEach
    void baseline() {
        github.reset();
        github.baseline();
        github.answer(get(urlPathEqualTo("/app")), github.json("app/app.json"));
        github.answer(get(urlPathEqualTo("/app/installations/1")), github.json("app/installation.json"));
        github.answer(post(urlPathEqualTo("/app/installations/1/access_tokens")),
                github.json("app/installation-token.json").withStatus(201));
    }

    private RecordingContext collect(Path keyFile) {
        RecordingContext context = new RecordingContext(Map.of("api-url", github.apiUrl(), "organizations", ORG,
                "app-id", "1", "installation-id", "1", "private-key-file", keyFile.toString()));
        new GithubProvider(context::sleep, name -> null).collect(context, context);
        return context;
    }

    @Test
    void anInstallationTokenFromAPkcs1KeySignsEveryCallAndIsNeverStored() throws Exception {
        RecordingContext result = collect(pem("RSA PRIVATE KEY", pkcs1(keys.getPrivate().getEncoded())));

        assertThat(result.issues()).isEmpty();
        assertThat(result.facts(GithubOrganization.class)).hasSize(1);
        assertThat(github.count(postRequestedFor(urlPathEqualTo("/app/installations/1/access_tokens")))).isEqualTo(1);
        assertThat(github.count(getRequestedFor(urlPathEqualTo("/orgs/" + ORG))
                .withHeader("Authorization", equalTo("token " + INSTALLATION_TOKEN)))).isEqualTo(1);
        // The installation token came in a response body: registered as a secret before that body was recorded.
        assertThat(result.secrets()).contains(INSTALLATION_TOKEN);

        LoggedRequest app = github.server.findAll(getRequestedFor(urlPathEqualTo("/app"))).get(0);
        String jwt = app.getHeader("Authorization").substring("Bearer ".length());
        assertThat(verifies(jwt)).isTrue();
        String claims = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        long now = FakeGithub.NOW.getEpochSecond();
        assertThat(claims).contains("\"iss\":\"1\"").contains("\"iat\":" + (now - 60))
                .contains("\"exp\":" + (now + 540));
        assertThat(result.secrets()).contains(jwt);
    }

    @Test
    void theEngineStoresNoTokenAndNoJwt() throws Exception {
        Path key = pem("RSA PRIVATE KEY", pkcs1(keys.getPrivate().getEncoded()));

        CollectionResult result = ProviderTestKit.load("github").collect(Map.of("api-url", github.apiUrl(),
                "organizations", ORG, "app-id", "1", "installation-id", "1", "private-key-file", key.toString()));

        assertThat(result.issues()).isEmpty();
        String jwt = github.server.findAll(getRequestedFor(urlPathEqualTo("/app"))).get(0).getHeader("Authorization")
                .substring("Bearer ".length());
        assertThat(result.allStoredText()).contains("access_tokens").contains("[REDACTED]")
                .doesNotContain(INSTALLATION_TOKEN).doesNotContain(jwt);
    }

    @Test
    void aPkcs8KeyWorksToo() throws Exception {
        RecordingContext result = collect(pem("PRIVATE KEY", keys.getPrivate().getEncoded()));

        assertThat(result.issues()).isEmpty();
        assertThat(result.facts()).isNotEmpty();
    }

    @Test
    void anUnreadableKeyIsAnInvalidCredentialsIssueBeforeAnyCall() throws IOException {
        Path garbage = directory.resolve("app.pem");
        Files.writeString(garbage, "not a key");

        RecordingContext result = collect(garbage);

        CollectionIssue issue = FakeGithubAssertions.single(result.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.INVALID_CREDENTIALS);
        assertThat(issue.message()).contains("private key").contains("private-key-file");
        assertThat(github.server.getAllServeEvents()).isEmpty();
    }

    @Test
    void anIncompleteAppIsMissingCredentialsSayingWhatToSet() {
        RecordingContext context = new RecordingContext(Map.of("api-url", github.apiUrl(), "organizations", ORG,
                "app-id", "1"));
        new GithubProvider(context::sleep, name -> null).collect(context, context);

        CollectionIssue issue = FakeGithubAssertions.single(context.issues());
        assertThat(issue.cause()).isEqualTo(IssueCause.INVALID_CREDENTIALS);
        assertThat(issue.message()).contains("private-key-file").contains("installation-id");
    }

    private Path pem(String type, byte[] der) throws IOException {
        Path file = directory.resolve(type.replace(' ', '-') + ".pem");
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n");
        return file;
    }

    /** The RSAPrivateKey inside a PKCS#8 PrivateKeyInfo: the content of its last OCTET STRING. */
    private static byte[] pkcs1(byte[] pkcs8) {
        int index = 0;
        index = skipHeader(pkcs8, index);          // SEQUENCE PrivateKeyInfo
        index = skipElement(pkcs8, index);         // INTEGER version
        index = skipElement(pkcs8, index);         // SEQUENCE AlgorithmIdentifier
        int content = skipHeader(pkcs8, index);    // OCTET STRING privateKey
        return java.util.Arrays.copyOfRange(pkcs8, content, pkcs8.length);
    }

    private static int skipHeader(byte[] der, int index) {
        int length = der[index + 1] & 0xff;
        return index + 2 + ((length & 0x80) != 0 ? length & 0x7f : 0);
    }

    private static int skipElement(byte[] der, int index) {
        int first = der[index + 1] & 0xff;
        int length = first;
        int header = 2;
        if ((first & 0x80) != 0) {
            length = 0;
            for (int i = 0; i < (first & 0x7f); i++) {
                length = (length << 8) | (der[index + 2 + i] & 0xff);
            }
            header += first & 0x7f;
        }
        return index + header + length;
    }

    private static boolean verifies(String jwt) throws Exception {
        String[] parts = jwt.split("\\.");
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initVerify(keys.getPublic());
        signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return signature.verify(Base64.getUrlDecoder().decode(parts[2]));
    }
}
