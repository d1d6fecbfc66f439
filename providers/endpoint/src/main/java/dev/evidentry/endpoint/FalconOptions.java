package dev.evidentry.endpoint;

import java.net.URI;
import java.time.Duration;

/** The Falcon source's options, checked before any call. */
record FalconOptions(URI baseUrl, String clientId, String clientSecret, Duration requestTimeout,
        Duration maxRateLimitWait, int maxAttempts) {

    static final URI DEFAULT_BASE_URL = URI.create("https://api.crowdstrike.com");

    /** The Falcon cloud's host, as the issues' account. */
    String account() {
        return baseUrl.getHost() == null ? "falcon" : baseUrl.getHost();
    }
}
