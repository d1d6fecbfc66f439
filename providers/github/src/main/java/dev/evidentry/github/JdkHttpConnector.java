package dev.evidentry.github;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Semaphore;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * The one HTTP transport under the provider's github-api client: the JDK's HTTP client, as github-api's own
 * {@code HttpClientGitHubConnector} uses it, plus what that connector lacks: a timeout on every request, a bound on the
 * requests in flight, and no redirects of its own (github-api follows them itself, and the provider must see a
 * redirect: GitHub answers a member list asked by a non-member with a redirect to the public members).
 */
final class JdkHttpConnector implements GitHubConnector {

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    static {
        RESTRICTED.addAll(List.of("Connection", "Content-Length", "Expect", "Host", "Upgrade"));
    }

    private final HttpClient client;
    private final Duration requestTimeout;
    private final Semaphore inFlight;

    JdkHttpConnector(Duration requestTimeout, int maxConcurrentRequests) {
        this.requestTimeout = requireNonNull(requestTimeout, "requestTimeout is null");
        Duration connectTimeout = requestTimeout.compareTo(Duration.ofSeconds(10)) < 0 ? requestTimeout
                : Duration.ofSeconds(10);
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .build();
        this.inFlight = new Semaphore(maxConcurrentRequests, true);
    }

    @Override
    public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(request.url().toURI()).timeout(requestTimeout);
            if ("http".equalsIgnoreCase(request.url().getProtocol())) {
                builder.version(HttpClient.Version.HTTP_1_1); // no h2c upgrade dance with local emulators
            }
        } catch (URISyntaxException e) {
            throw new IOException("invalid URL " + request.url(), e);
        }
        for (Map.Entry<String, List<String>> header : request.allHeaders().entrySet()) {
            if (header.getKey() != null && !RESTRICTED.contains(header.getKey()) && header.getValue() != null) {
                builder.header(header.getKey(), String.join(",", header.getValue()));
            }
        }
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        if (request.hasBody() && request.body() != null) {
            try (InputStream in = request.body()) {
                body = HttpRequest.BodyPublishers.ofByteArray(in.readAllBytes());
            }
        }
        builder.method(request.method(), body);
        HttpResponse<byte[]> response;
        try {
            inFlight.acquire();
            try {
                response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            } finally {
                inFlight.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw (IOException) new InterruptedIOException("interrupted while calling " + request.url()).initCause(e);
        }
        return new BufferedResponse(request, response.statusCode(), response.headers().map(), response.body());
    }

    /** A response whose body is already in memory. */
    static final class BufferedResponse extends GitHubConnectorResponse.ByteArrayResponse {

        private final byte[] body;

        BufferedResponse(GitHubConnectorRequest request, int status, Map<String, List<String>> headers, byte[] body) {
            super(request, status, headers);
            this.body = body == null ? new byte[0] : body;
        }

        @Override
        protected InputStream rawBodyStream() {
            return new ByteArrayInputStream(body);
        }
    }
}
