package dev.evidentry.endpoint;

import java.net.URI;
import java.time.Duration;

/** One HTTP source's options (Falcon, Jamf Pro, Microsoft Graph, Defender for Endpoint), checked before any call. */
record ApiOptions(URI baseUrl, String clientId, String clientSecret, Duration requestTimeout,
        Duration maxRateLimitWait, int maxAttempts) {

    /** The same client on another API (Microsoft's app reads Graph and Defender for Endpoint). */
    ApiOptions at(URI otherBaseUrl) {
        return new ApiOptions(otherBaseUrl, clientId, clientSecret, requestTimeout, maxRateLimitWait, maxAttempts);
    }

    /** The source's host, as the issues' account. */
    String account() {
        return baseUrl.getHost() == null ? baseUrl.toString() : baseUrl.getHost();
    }
}
