package dev.evidentry.endpoint;

import dev.evidentry.spi.ProviderDescriptor.ProviderOption;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The provider's options, read before anything is collected: one bad value stops the scan with one issue. */
record EndpointOptions(Optional<Path> osqueryResults, Optional<ApiOptions> falcon) {

    static final String OSQUERY_RESULTS = "osquery-results";
    static final String FALCON_BASE_URL = "falcon-base-url";
    static final String FALCON_CLIENT_ID = "falcon-client-id";
    static final String FALCON_CLIENT_SECRET = "falcon-client-secret";
    static final String FALCON_REQUEST_TIMEOUT = "falcon-request-timeout";
    static final String FALCON_MAX_RATE_LIMIT_WAIT = "falcon-max-rate-limit-wait";
    static final String FALCON_MAX_ATTEMPTS = "falcon-max-attempts";
    static final String FALCON_SECRET_VARIABLE = "FALCON_CLIENT_SECRET";

    static final Set<ProviderOption> DESCRIPTIONS = Set.of(
            new ProviderOption(OSQUERY_RESULTS, "an osqueryd snapshot result log, or a directory of them, holding "
                    + "the evidentry_* queries of docs/providers/endpoint.md"),
            new ProviderOption(FALCON_BASE_URL, "the Falcon API of your cloud (default https://api.crowdstrike.com; "
                    + "api.us-2.crowdstrike.com, api.eu-1.crowdstrike.com, api.laggar.gcw.crowdstrike.com)"),
            new ProviderOption(FALCON_CLIENT_ID, "the client id of a Falcon API client with Hosts: Read"),
            new ProviderOption(FALCON_CLIENT_SECRET, "its secret (default: the environment variable "
                    + FALCON_SECRET_VARIABLE + ")"),
            new ProviderOption(FALCON_REQUEST_TIMEOUT, "time allowed per Falcon call, ISO-8601 (default PT30S)"),
            new ProviderOption(FALCON_MAX_RATE_LIMIT_WAIT, "longest total wait for Falcon's rate limit per call, "
                    + "ISO-8601 (default PT2M)"),
            new ProviderOption(FALCON_MAX_ATTEMPTS, "attempts per Falcon call on 429, 5xx and timeouts (default 3)"));

    static final Set<String> SECRET_OPTIONS = Set.of(FALCON_CLIENT_SECRET);

    /** A value that cannot be used. */
    static final class InvalidOptionException extends Exception {
        InvalidOptionException(String message) {
            super(message);
        }
    }

    static EndpointOptions parse(Function<String, Optional<String>> option, Function<String, String> environment)
            throws InvalidOptionException {
        Optional<Path> osquery;
        try {
            osquery = option.apply(OSQUERY_RESULTS).map(Path::of);
        } catch (java.nio.file.InvalidPathException e) {
            throw new InvalidOptionException("the option " + OSQUERY_RESULTS + " is not a path: " + e.getMessage());
        }
        Optional<ApiOptions> falcon = falcon(option, environment);
        if (osquery.isEmpty() && falcon.isEmpty()) {
            throw new InvalidOptionException("no endpoint source is configured: give " + OSQUERY_RESULTS + " or "
                    + FALCON_CLIENT_ID);
        }
        return new EndpointOptions(osquery, falcon);
    }

    private static Optional<ApiOptions> falcon(Function<String, Optional<String>> option,
            Function<String, String> environment) throws InvalidOptionException {
        Optional<String> clientId = option.apply(FALCON_CLIENT_ID);
        if (clientId.isEmpty()) {
            if (option.apply(FALCON_BASE_URL).isPresent() || option.apply(FALCON_CLIENT_SECRET).isPresent()) {
                throw new InvalidOptionException("the Falcon options need " + FALCON_CLIENT_ID);
            }
            return Optional.empty();
        }
        String secret = option.apply(FALCON_CLIENT_SECRET)
                .or(() -> Optional.ofNullable(environment.apply(FALCON_SECRET_VARIABLE)).map(String::strip)
                        .filter(value -> !value.isEmpty()))
                .orElseThrow(() -> new InvalidOptionException("the Falcon client " + clientId.get() + " has no "
                        + "secret: set " + FALCON_SECRET_VARIABLE + " (or the option " + FALCON_CLIENT_SECRET + ")"));
        URI baseUrl;
        try {
            baseUrl = option.apply(FALCON_BASE_URL).map(URI::create).orElse(URI.create("https://api.crowdstrike.com"));
        } catch (IllegalArgumentException e) {
            throw new InvalidOptionException("the option " + FALCON_BASE_URL + " is not a URL: " + e.getMessage());
        }
        if (baseUrl.getHost() == null || !("https".equals(baseUrl.getScheme()) || ("http".equals(baseUrl.getScheme())
                && isLoopback(baseUrl.getHost())))) {
            throw new InvalidOptionException("the option " + FALCON_BASE_URL + " must be an https URL (http only for "
                    + "a loopback test server): " + baseUrl);
        }
        return Optional.of(new ApiOptions(baseUrl, clientId.get(), secret,
                duration(option, FALCON_REQUEST_TIMEOUT, Duration.ofSeconds(30)),
                duration(option, FALCON_MAX_RATE_LIMIT_WAIT, Duration.ofMinutes(2)),
                attempts(option)));
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
    }

    private static Duration duration(Function<String, Optional<String>> option, String key, Duration fallback)
            throws InvalidOptionException {
        Optional<String> value = option.apply(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            Duration duration = Duration.parse(value.get());
            if (duration.isNegative()) {
                throw new InvalidOptionException("the option " + key + " is negative: " + value.get());
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw new InvalidOptionException("the option " + key + " is not an ISO-8601 duration such as PT30S: "
                    + value.get());
        }
    }

    private static int attempts(Function<String, Optional<String>> option) throws InvalidOptionException {
        Optional<String> value = option.apply(FALCON_MAX_ATTEMPTS);
        try {
            int attempts = value.map(Integer::parseInt).orElse(3);
            if (attempts < 1) {
                throw new NumberFormatException();
            }
            return attempts;
        } catch (NumberFormatException e) {
            throw new InvalidOptionException("the option " + FALCON_MAX_ATTEMPTS + " is not a positive number: "
                    + value.orElse(""));
        }
    }
}
