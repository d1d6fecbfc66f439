package dev.evidentry.okta;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import java.time.Instant;
import java.util.Optional;

/**
 * One HTTP response as the transport saw it: the evidence it was stored as, and what the provider needs from its
 * headers (the next page, Okta's rate-limit window, the server's clock).
 *
 * @param evidence where the response body was stored
 * @param status the HTTP status
 * @param nextLink the {@code Link} header's {@code rel="next"} URL, or {@code null} on the last page
 * @param rateLimit the {@code X-Rate-Limit-*} headers, or {@code null} when Okta sent none
 * @param serverTime the {@code Date} header, or {@code null}
 */
record Exchange(EvidenceId evidence, int status, String nextLink, RateLimitWindow rateLimit, Instant serverTime) {

    Exchange {
        requireNonNull(evidence, "evidence is null");
    }

    Optional<String> nextLinkIfAny() {
        return Optional.ofNullable(nextLink);
    }

    Optional<RateLimitWindow> rateLimitIfAny() {
        return Optional.ofNullable(rateLimit);
    }

    /**
     * Okta's rate-limit headers on one response.
     *
     * @param limit {@code X-Rate-Limit-Limit}: requests allowed in the window
     * @param remaining {@code X-Rate-Limit-Remaining}: requests left in it
     * @param reset {@code X-Rate-Limit-Reset}: when the window resets (UTC epoch seconds)
     */
    record RateLimitWindow(int limit, int remaining, Instant reset) {
        RateLimitWindow {
            requireNonNull(reset, "reset is null");
        }
    }
}
