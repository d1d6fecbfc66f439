package dev.evidentry.github;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * Retries what github-api does not: server errors (500, 502, 503, 504) and requests that timed out or could not
 * connect, with exponential backoff and full jitter through the injected {@link Sleeper}. It sits above the
 * {@link EvidenceConnector}, so every attempt is recorded. Rate limits are not retried here: github-api hands those to
 * the provider's {@link RateLimitPolicy}.
 */
final class RetryingConnector implements GitHubConnector {

    private static final Set<Integer> RETRIED_STATUS = Set.of(500, 502, 503, 504);
    static final Duration BASE_DELAY = Duration.ofMillis(500);
    static final Duration MAX_DELAY = Duration.ofSeconds(8);

    private final GitHubConnector next;
    private final Sleeper sleeper;
    private final int maxAttempts;

    RetryingConnector(GitHubConnector next, Sleeper sleeper, int maxAttempts) {
        this.next = requireNonNull(next, "next is null");
        this.sleeper = requireNonNull(sleeper, "sleeper is null");
        this.maxAttempts = maxAttempts;
    }

    @Override
    public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
        for (int attempt = 1; ; attempt++) {
            GitHubConnectorResponse response;
            try {
                response = next.send(request);
            } catch (HttpTimeoutException | SocketTimeoutException | ConnectException e) {
                if (attempt >= maxAttempts) {
                    throw e;
                }
                pause(attempt);
                continue;
            }
            if (!RETRIED_STATUS.contains(response.statusCode()) || attempt >= maxAttempts) {
                return response;
            }
            response.close();
            pause(attempt);
        }
    }

    private void pause(int attempt) throws IOException {
        long ceiling = Math.min(MAX_DELAY.toMillis(), BASE_DELAY.toMillis() << Math.min(attempt - 1, 10));
        Duration delay = Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw (IOException) new InterruptedIOException("interrupted while waiting to retry").initCause(e);
        }
    }
}
