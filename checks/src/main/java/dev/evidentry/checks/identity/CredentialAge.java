package dev.evidentry.checks.identity;

import java.time.Duration;
import java.time.Instant;

/** Ages of credentials in whole days, as people and policies count them. */
final class CredentialAge {

    private CredentialAge() {
    }

    /** Whole days from {@code since} to {@code now}; 0 when {@code since} lies in the future (clock skew). */
    static long days(Instant since, Instant now) {
        return Math.max(0, Duration.between(since, now).toDays());
    }
}
