package dev.evidentry.github;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * Makes every secondary rate limit reach github-api's {@code GitHubAbuseLimitHandler} hook. The library recognises a
 * 403 as a secondary limit only by a {@code Retry-After} or {@code gh-limited-by} header, but GitHub also answers 403
 * with neither, saying so only in the message ("You have exceeded a secondary rate limit"), and asks clients to wait
 * a minute then. Such an answer is handed on with {@code gh-limited-by: secondary-rate-limit-message} added; the
 * recorded evidence keeps GitHub's headers as they came.
 */
final class SecondaryLimitSignal implements GitHubConnector {

    static final String MARKER_HEADER = "gh-limited-by";
    static final String MARKER = "secondary-rate-limit-message";

    private final GitHubConnector next;

    SecondaryLimitSignal(GitHubConnector next) {
        this.next = requireNonNull(next, "next is null");
    }

    @Override
    public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
        GitHubConnectorResponse response = next.send(request);
        if (response.statusCode() != 403 || response.header("Retry-After") != null
                || response.header(MARKER_HEADER) != null || "0".equals(response.header("X-RateLimit-Remaining"))) {
            return response;
        }
        byte[] body;
        try (response; InputStream in = response.bodyStream()) {
            body = in.readAllBytes();
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(response.allHeaders());
        if (new String(body, StandardCharsets.UTF_8).contains("secondary rate limit")) {
            headers.put(MARKER_HEADER, List.of(MARKER));
        }
        return new JdkHttpConnector.BufferedResponse(request, response.statusCode(), headers, body);
    }
}
