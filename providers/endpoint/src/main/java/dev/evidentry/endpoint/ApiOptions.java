package dev.evidentry.endpoint;

import java.net.URI;
import java.time.Duration;

/** One HTTP source's options (Falcon, Jamf Pro), checked before any call. */
record ApiOptions(URI baseUrl, String clientId, String clientSecret, Duration requestTimeout,
        Duration maxRateLimitWait, int maxAttempts) {

    /** The source's host, as the issues' account. */
    String account() {
        return baseUrl.getHost() == null ? baseUrl.toString() : baseUrl.getHost();
    }
}
