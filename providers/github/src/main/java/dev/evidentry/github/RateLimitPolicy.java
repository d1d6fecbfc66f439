package dev.evidentry.github;

import static java.util.Objects.requireNonNull;

import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.kohsuke.github.GHRateLimit;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.RateLimitChecker;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * The provider's one rate-limit policy, plugged into github-api's three hooks:
 * <ul>
 * <li>{@link #checker()} ({@code RateLimitChecker}) waits before a request when the last answer said no requests are
 *     left ({@code X-RateLimit-Remaining: 0}) until {@code X-RateLimit-Reset};</li>
 * <li>{@link #primaryHandler()} ({@code GitHubRateLimitHandler}) handles a 403 with {@code X-RateLimit-Remaining: 0}
 *     the same way, then github-api sends the request again;</li>
 * <li>{@link #secondaryHandler()} ({@code GitHubAbuseLimitHandler}) handles 429 and 403 secondary limits: it waits
 *     {@code Retry-After} seconds, else until {@code X-RateLimit-Reset} when no requests are left, else the minute
 *     GitHub's documentation asks for.</li>
 * </ul>
 * Every wait goes through the injected {@link Sleeper} and is measured against the scan's clock. A wait longer than
 * {@code max-rate-limit-wait}, or a request still limited after {@link #MAX_WAITS_PER_REQUEST} waits, stops with a
 * {@link ThrottledException} (a THROTTLED issue), and every later request until the limit resets stops the same way
 * without being sent: the scan ends cleanly instead of hammering GitHub.
 */
final class RateLimitPolicy {

    /** github-api sends a request at most three times; the provider waits before the second and third only. */
    static final int MAX_WAITS_PER_REQUEST = 2;

    /** GitHub: "If you receive a secondary rate limit and no retry-after header, wait for at least one minute." */
    static final Duration DEFAULT_SECONDARY_WAIT = Duration.ofSeconds(60);

    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration maxWait;

    private volatile Instant blockedUntil = Instant.MIN;
    private volatile String blockedBecause = "";
    /** The latest reset the provider has already waited for: a record for that window is not waited on again. */
    private volatile long waitedForResetEpochSecond = Long.MIN_VALUE;

    RateLimitPolicy(Clock clock, Sleeper sleeper, Duration maxWait) {
        this.clock = requireNonNull(clock, "clock is null");
        this.sleeper = requireNonNull(sleeper, "sleeper is null");
        this.maxWait = requireNonNull(maxWait, "maxWait is null");
    }

    RateLimitChecker checker() {
        return new RateLimitChecker() {
            @Override
            protected boolean checkRateLimit(GHRateLimit.Record record, long count) throws InterruptedException {
                refuseWhileBlocked();
                if (record.getRemaining() > 0 || record instanceof GHRateLimit.UnknownLimitRecord
                        || record.getResetEpochSeconds() <= waitedForResetEpochSecond) {
                    return false;
                }
                Duration wait = Duration.between(clock.instant(), Instant.ofEpochSecond(record.getResetEpochSeconds()));
                awaitReset(wait, record.getResetEpochSeconds(), "the primary rate limit (" + record.getLimit()
                        + " requests an hour) is used up");
                return false; // never true: github-api would then sleep a second itself and poll /rate_limit
            }
        };
    }

    GitHubRateLimitHandler primaryHandler() {
        return new GitHubRateLimitHandler() {
            @Override
            public void onError(GitHubConnectorResponse response) {
                onLimited(response, "GitHub answered HTTP " + response.statusCode() + " with the primary rate limit"
                        + " used up");
            }
        };
    }

    GitHubAbuseLimitHandler secondaryHandler() {
        return new GitHubAbuseLimitHandler() {
            @Override
            public void onError(GitHubConnectorResponse response) {
                onLimited(response, "GitHub answered HTTP " + response.statusCode() + " (secondary rate limit"
                        + (response.statusCode() == 429 ? ", too many requests" : "") + ")");
            }
        };
    }

    /** Fails fast, without sending, while an earlier answer's limit that was too long to wait for still holds. */
    void refuseWhileBlocked() {
        if (clock.instant().isBefore(blockedUntil)) {
            throw new ThrottledException(blockedBecause + "; not sent");
        }
    }

    private void onLimited(GitHubConnectorResponse response, String what) {
        int limited = CallTrail.noteRateLimited();
        if (limited > MAX_WAITS_PER_REQUEST) {
            throw new ThrottledException(what + ", still after " + MAX_WAITS_PER_REQUEST + " waits");
        }
        Instant now = clock.instant();
        Instant serverNow = serverDate(response).orElse(now);
        String retryAfter = response.header("Retry-After");
        Long reset = parseLong(response.header("X-RateLimit-Reset"));
        if (retryAfter != null) {
            await(parseRetryAfter(retryAfter, serverNow), what + ", Retry-After: " + retryAfter);
        } else if ("0".equals(response.header("X-RateLimit-Remaining")) && reset != null) {
            // Reset is an absolute time on GitHub's clock: measure it against the answer's own Date when it has one.
            awaitReset(Duration.between(serverNow, Instant.ofEpochSecond(reset)), reset,
                    what + ", X-RateLimit-Reset: " + reset);
        } else {
            await(DEFAULT_SECONDARY_WAIT, what + " without Retry-After");
        }
    }

    private void awaitReset(Duration wait, long resetEpochSecond, String why) {
        await(wait, why);
        waitedForResetEpochSecond = Math.max(waitedForResetEpochSecond, resetEpochSecond);
    }

    private void await(Duration wait, String why) {
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        if (wait.compareTo(maxWait) > 0) {
            Instant until = clock.instant().plus(wait);
            String because = why + ": waiting " + wait + " would pass max-rate-limit-wait " + maxWait
                    + "; scanning stopped until " + until;
            blockedBecause = because;
            blockedUntil = until;
            throw new ThrottledException(because);
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException((InterruptedIOException) new InterruptedIOException(
                    "interrupted while waiting for a rate limit").initCause(e));
        }
    }

    private static Duration parseRetryAfter(String value, Instant serverNow) {
        try {
            return Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException notSeconds) {
            try {
                return Duration.between(serverNow,
                        ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException notDate) {
                return DEFAULT_SECONDARY_WAIT;
            }
        }
    }

    private static java.util.Optional<Instant> serverDate(GitHubConnectorResponse response) {
        String date = response.header("Date");
        if (date == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    private static Long parseLong(String value) {
        try {
            return value == null ? null : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A rate limit the provider will not (or may no longer) wait for: a THROTTLED issue. */
    static final class ThrottledException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ThrottledException(String message) {
            super(message);
        }
    }
}
