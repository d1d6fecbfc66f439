package dev.evidentry.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import dev.evidentry.github.RateLimitPolicy.ThrottledException;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.IssueCause;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FailureClassifierTest {

    private static final EvidenceId ID = new EvidenceId("a".repeat(64));

    private static Exchange answer(int status, String body) {
        return new Exchange(ID, "GET /orgs/{org}", "GET", URI.create("https://api.github.com/orgs/acme"), status,
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static IssueCause cause(Throwable failure, Exchange last) {
        return FailureClassifier.classify("GET /orgs/{org}", failure, last).issueCause();
    }

    @Test
    void theStatusDecidesWhenAnAnswerCame() {
        IOException thrown = new IOException("library's words");
        assertThat(cause(thrown, answer(401, "{\"message\":\"Bad credentials\"}"))).isEqualTo(IssueCause.INVALID_CREDENTIALS);
        assertThat(cause(thrown, answer(403, "{\"message\":\"Must have admin rights to Repository.\"}")))
                .isEqualTo(IssueCause.ACCESS_DENIED);
        assertThat(cause(thrown, answer(404, "{\"message\":\"Not Found\"}"))).isEqualTo(IssueCause.ACCESS_DENIED);
        assertThat(cause(thrown, answer(403, "{\"message\":\"You have exceeded a secondary rate limit.\"}")))
                .isEqualTo(IssueCause.THROTTLED);
        assertThat(cause(thrown, answer(429, "{}"))).isEqualTo(IssueCause.THROTTLED);
        assertThat(cause(thrown, answer(501, "{}"))).isEqualTo(IssueCause.UNSUPPORTED);
        assertThat(cause(thrown, answer(503, "<html><title>Unicorn!</title></html>"))).isEqualTo(IssueCause.SERVER_ERROR);
        assertThat(cause(thrown, answer(422, "{\"message\":\"Validation Failed\"}"))).isEqualTo(IssueCause.UNKNOWN);
    }

    @Test
    void theExceptionDecidesOtherwise() {
        assertThat(cause(new IOException(new JsonParseException(null, "Unexpected end-of-input")), answer(200, "[{")))
                .isEqualTo(IssueCause.MALFORMED_RESPONSE);
        assertThat(cause(new IOException(new HttpTimeoutException("request timed out")), null))
                .isEqualTo(IssueCause.TIMEOUT);
        assertThat(cause(new IOException(new ConnectException("Connection refused")), null))
                .isEqualTo(IssueCause.TIMEOUT);
        assertThat(cause(new RuntimeException(new ThrottledException("limit")), answer(200, "{}")))
                .isEqualTo(IssueCause.THROTTLED);
        assertThat(cause(new IllegalStateException("surprise"), null)).isEqualTo(IssueCause.UNKNOWN);
    }

    @Test
    void theMessageIsGithubsOwnWordsWithTheStatusAndEvidence() {
        GithubCallException failure = FailureClassifier.classify("GET /orgs/{org}", new IOException("x"),
                answer(403, "{\"message\":\"Resource protected by organization SAML enforcement.\","
                        + "\"documentation_url\":\"https://docs.github.com\"}"));

        assertThat(failure.message()).isEqualTo("Resource protected by organization SAML enforcement. (HTTP 403)"
                + " (evidence " + ID + ")");
    }

    @Test
    void operationsAreNamedByTheirTemplate() {
        assertThat(EvidenceConnector.template("/orgs/acme/members")).isEqualTo("/orgs/{org}/members");
        assertThat(EvidenceConnector.template("/repos/acme/api/branches/release/v1/protection"))
                .isEqualTo("/repos/{owner}/{repo}/branches/{branch}/protection");
        assertThat(EvidenceConnector.template("/repos/acme/api/rules/branches/main"))
                .isEqualTo("/repos/{owner}/{repo}/rules/branches/{branch}");
        assertThat(EvidenceConnector.template("/rate_limit")).isEqualTo("/rate_limit");
    }
}
