package dev.evidentry.okta;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Okta's rate-limit windows as the responses report them ({@code X-Rate-Limit-Limit}, {@code -Remaining},
 * {@code -Reset}), one per operation (Okta limits each endpoint separately): when a window is spent, the next call of
 * that operation first waits for it to reset. Times are read against the response's own {@code Date} header when it
 * has one (Okta's clock, which the reset time is on), else against the scan's clock.
 */
final class RateLimiter {

    /** Never wait less than this for a reset: Okta's clock and ours may disagree by a little. */
    static final Duration MIN_WAIT = Duration.ofSeconds(1);

    private final Clock clock;
    private final Map<OktaOperation, Instant> spentUntil = new ConcurrentHashMap<>();

    RateLimiter(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Notes a response's window: spent (nothing remaining) until its reset, or open. */
    void observe(OktaOperation operation, Exchange exchange) {
        exchange.rateLimitIfAny().ifPresent(window -> {
            if (window.remaining() <= 0) {
                spentUntil.put(operation, clock.instant().plus(untilReset(window, exchange)));
            } else {
                spentUntil.remove(operation);
            }
        });
    }

    /**
     * How long to wait before calling {@code operation}: until its spent window resets, or zero. The window is taken,
     * so the one caller that waits for it does not make the others wait twice; a 429 still stops the rest.
     */
    Duration takeWait(OktaOperation operation) {
        Instant until = spentUntil.remove(operation);
        if (until == null) {
            return Duration.ZERO;
        }
        Duration wait = Duration.between(clock.instant(), until);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    /** How long a 429 answer asks us to wait: until its window resets, or {@code null} when it does not say. */
    Duration waitAfterThrottling(Exchange exchange) {
        if (exchange == null || exchange.rateLimitIfAny().isEmpty()) {
            return null;
        }
        return untilReset(exchange.rateLimit(), exchange);
    }

    private Duration untilReset(Exchange.RateLimitWindow window, Exchange exchange) {
        Instant now = exchange.serverTime() != null ? exchange.serverTime() : clock.instant();
        Duration wait = Duration.between(now, window.reset());
        return wait.compareTo(MIN_WAIT) < 0 ? MIN_WAIT : wait;
    }
}
