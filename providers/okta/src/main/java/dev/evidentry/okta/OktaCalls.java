package dev.evidentry.okta;

import static java.util.Objects.requireNonNull;

import dev.evidentry.provider.support.CallException;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.IssueCause;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Makes Okta API calls through the SDK with a {@link CallTrail} around each, so the code that made a call learns the
 * evidence it rests on; waits through Okta's rate limits and retries 5xx answers and transport failures, all through
 * the injected {@link Sleeper} (the SDK's own retries are off: its waits could not be measured or bounded), and turns
 * what still fails into a classified {@link CallException}.
 *
 * <p>Rate limits: before a call, wait for its operation's window when the last response said it was spent; after a
 * 429, wait until {@code X-Rate-Limit-Reset} (at least {@link RateLimiter#MIN_WAIT}; with no such header, back off as
 * for a 5xx) and try again. A call waits at most {@code maxRateLimitWait} in total: a reset further away stops it at
 * once with a {@link IssueCause#THROTTLED} issue instead of a wait nobody asked for.
 */
final class OktaCalls {

    /** 429 answers one call accepts before it gives up, whatever the wait budget. */
    static final int MAX_THROTTLED_ANSWERS = 5;
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(20);

    private final RateLimiter limiter;
    private final Sleeper sleeper;
    private final int maxAttempts;
    private final Duration maxRateLimitWait;

    OktaCalls(RateLimiter limiter, Sleeper sleeper, int maxAttempts, Duration maxRateLimitWait) {
        this.limiter = requireNonNull(limiter, "limiter is null");
        this.sleeper = requireNonNull(sleeper, "sleeper is null");
        this.maxAttempts = maxAttempts;
        this.maxRateLimitWait = requireNonNull(maxRateLimitWait, "maxRateLimitWait is null");
    }

    /** Calls Okta; {@code call} makes exactly one SDK call. */
    <T> Evidenced<T> call(OktaOperation operation, Supplier<T> call) {
        Duration waited = Duration.ZERO;
        int failures = 0;
        int throttled = 0;
        while (true) {
            Duration before = limiter.takeWait(operation);
            if (!before.isZero()) {
                if (waited.plus(before).compareTo(maxRateLimitWait) > 0) {
                    throw new CallException(operation.issueName(), IssueCause.THROTTLED, "Okta's rate limit for "
                            + operation.operationId() + " is spent for another " + seconds(before) + ", longer than "
                            + "the option " + OktaOptions.MAX_RATE_LIMIT_WAIT + " allows (" + maxRateLimitWait
                            + ", " + seconds(waited) + " already waited)", null, null);
                }
                sleep(operation, before, null);
                waited = waited.plus(before);
            }
            Exchange last;
            try (CallTrail trail = CallTrail.open(operation)) {
                try {
                    T value = call.get();
                    if (operation == OktaOperation.TOKEN && trail.last().isEmpty()) {
                        return new Evidenced<>(value, null); // an API token: building the client called nobody
                    }
                    last = trail.last().orElseThrow(() -> new CallException(operation.issueName(),
                            IssueCause.PLUGIN_FAILURE, "the answer carries no evidence: the client was built without "
                            + "the evidence recorder", null, null));
                    limiter.observe(operation, last);
                    return new Evidenced<>(value, last);
                } catch (CallException e) {
                    throw e;
                } catch (RuntimeException e) {
                    last = trail.last().orElse(null);
                    if (last != null) {
                        limiter.observe(operation, last);
                    }
                    EvidenceId evidence = last == null ? null : last.evidence();
                    IssueCause cause = FailureClassifier.cause(e);
                    if (cause == IssueCause.THROTTLED) {
                        throttled++;
                        Duration wait = limiter.waitAfterThrottling(last);
                        if (wait == null) {
                            wait = backoff(throttled);
                        }
                        limiter.takeWait(operation); // this wait covers the spent window
                        if (throttled >= MAX_THROTTLED_ANSWERS || waited.plus(wait).compareTo(maxRateLimitWait) > 0) {
                            throw new CallException(operation.issueName(), IssueCause.THROTTLED,
                                    FailureClassifier.detail(e) + "; the rate limit resets in " + seconds(wait)
                                    + ", and this call has waited " + seconds(waited) + " of the " + maxRateLimitWait
                                    + " the option " + OktaOptions.MAX_RATE_LIMIT_WAIT + " allows, after "
                                    + throttled + " throttled answer(s)", evidence, e);
                        }
                        sleep(operation, wait, evidence);
                        waited = waited.plus(wait);
                        continue;
                    }
                    failures++;
                    if (FailureClassifier.retryable(e) && failures < maxAttempts) {
                        sleep(operation, backoff(failures), evidence);
                        continue;
                    }
                    CallException failure = FailureClassifier.classify(operation.issueName(), e, evidence);
                    if (failures > 1) {
                        failure = failure.explained("after " + failures + " attempts");
                    }
                    throw failure;
                }
            }
        }
    }

    /**
     * Reads every page of a listing paginated by {@code Link} headers, one call after the other, handing each page on
     * as it arrives. The next page is asked for with the {@code after} cursor of the {@code rel="next"} link.
     *
     * @param call makes the call for a page, given the cursor ({@code null} for the first)
     * @throws CallException for a failed page (earlier pages have been handed on), or a cursor seen before
     */
    <T> void pages(OktaOperation operation, Function<String, List<T>> call, Consumer<Evidenced<List<T>>> page) {
        Set<String> seen = new HashSet<>();
        String after = null;
        do {
            String cursor = after;
            Evidenced<List<T>> called = call(operation, () -> call.apply(cursor));
            Evidenced<List<T>> answer = called.value() == null ? new Evidenced<>(List.of(), called.exchange())
                    : called;
            page.accept(answer);
            after = answer.exchange().nextLinkIfAny().map(link -> cursor(operation, link, answer.evidence()))
                    .orElse(null);
            if (after != null && !seen.add(after)) {
                throw operation.malformed("the next-page link repeats an earlier cursor, so the "
                        + "listing would never end", answer.evidence());
            }
        } while (after != null);
    }

    /** The {@code after} parameter of a next-page link. */
    static String cursor(OktaOperation operation, String link, EvidenceId evidence) {
        try {
            String query = new URI(link).getRawQuery();
            if (query != null) {
                for (String pair : query.split("&")) {
                    if (pair.startsWith("after=")) {
                        String value = URLDecoder.decode(pair.substring("after=".length()), StandardCharsets.UTF_8);
                        if (!value.isEmpty()) {
                            return value;
                        }
                    }
                }
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            // reported below
        }
        throw operation.malformed("the next-page link has no after cursor: " + link, evidence);
    }

    private void sleep(OktaOperation operation, Duration duration, EvidenceId evidence) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallException(operation.issueName(), IssueCause.TIMEOUT, "interrupted while waiting "
                    + seconds(duration) + " to call again", evidence, e);
        }
    }

    private static Duration backoff(int failures) {
        Duration backoff = FIRST_BACKOFF.multipliedBy(1L << Math.min(failures - 1, 10));
        return backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    /** A successful answer and the response it was read from ({@code null} only for a client built offline). */
    record Evidenced<T>(T value, Exchange exchange) {
        EvidenceId evidence() {
            return exchange == null ? null : exchange.evidence();
        }
    }
}
