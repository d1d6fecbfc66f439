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
record EndpointOptions(Optional<Path> osqueryResults, Optional<ApiOptions> falcon, Optional<ApiOptions> jamf,
        int jamfPageSize, int falconPageSize) {

    static final String OSQUERY_RESULTS = "osquery-results";
    static final String FALCON_BASE_URL = "falcon-base-url";
    static final String FALCON_CLIENT_ID = "falcon-client-id";
    static final String FALCON_CLIENT_SECRET = "falcon-client-secret";
    static final String FALCON_REQUEST_TIMEOUT = "falcon-request-timeout";
    static final String FALCON_MAX_RATE_LIMIT_WAIT = "falcon-max-rate-limit-wait";
    static final String FALCON_MAX_ATTEMPTS = "falcon-max-attempts";
    static final String FALCON_SECRET_VARIABLE = "FALCON_CLIENT_SECRET";
    static final String FALCON_PAGE_SIZE = "falcon-page-size";
    /** The scroll API's documented largest page. */
    static final int FALCON_MAX_PAGE_SIZE = 10_000;
    static final String JAMF_URL = "jamf-url";
    static final String JAMF_CLIENT_ID = "jamf-client-id";
    static final String JAMF_CLIENT_SECRET = "jamf-client-secret";
    static final String JAMF_SECRET_VARIABLE = "JAMF_CLIENT_SECRET";
    static final String JAMF_PAGE_SIZE = "jamf-page-size";

    static final Set<ProviderOption> DESCRIPTIONS = Set.of(
            new ProviderOption(OSQUERY_RESULTS, "an osqueryd snapshot result log, or a directory of them, holding "
                    + "the evidentry_* queries of docs/providers/endpoint.md"),
            new ProviderOption(FALCON_BASE_URL, "the Falcon API of your cloud (default https://api.crowdstrike.com; "
                    + "api.us-2.crowdstrike.com, api.eu-1.crowdstrike.com, api.laggar.gcw.crowdstrike.com)"),
            new ProviderOption(FALCON_CLIENT_ID, "the client id of a Falcon API client with Hosts: Read and "
                    + "Prevention policies: Read"),
            new ProviderOption(FALCON_PAGE_SIZE, "host ids per Falcon scroll page, 1 to 10000 (default 5000)"),
            new ProviderOption(FALCON_CLIENT_SECRET, "its secret (default: the environment variable "
                    + FALCON_SECRET_VARIABLE + ")"),
            new ProviderOption(FALCON_REQUEST_TIMEOUT, "time allowed per Falcon call, ISO-8601 (default PT30S)"),
            new ProviderOption(FALCON_MAX_RATE_LIMIT_WAIT, "longest total wait for Falcon's rate limit per call, "
                    + "ISO-8601 (default PT2M)"),
            new ProviderOption(FALCON_MAX_ATTEMPTS, "attempts per Falcon call on 429, 5xx and timeouts (default 3)"),
            new ProviderOption(JAMF_URL, "your Jamf Pro server, such as https://acme.jamfcloud.com"),
            new ProviderOption(JAMF_CLIENT_ID, "the client id of a Jamf Pro API client whose role has Read Computers "
                    + "and Read macOS Configuration Profiles"),
            new ProviderOption(JAMF_CLIENT_SECRET, "its secret (default: the environment variable "
                    + JAMF_SECRET_VARIABLE + ")"),
            new ProviderOption("jamf-request-timeout", "time allowed per Jamf Pro call, ISO-8601 (default PT30S)"),
            new ProviderOption("jamf-max-rate-limit-wait", "longest total wait after Jamf Pro's 429s per call, "
                    + "ISO-8601 (default PT2M)"),
            new ProviderOption(JAMF_PAGE_SIZE, "computers per Jamf Pro inventory page (default 100)"),
            new ProviderOption("jamf-max-attempts", "attempts per Jamf Pro call on 429, 5xx and timeouts "
                    + "(default 3)"));

    static final Set<String> SECRET_OPTIONS = Set.of(FALCON_CLIENT_SECRET, JAMF_CLIENT_SECRET);

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
        Optional<ApiOptions> falcon = api(option, environment, "falcon", "Falcon", FALCON_BASE_URL,
                Optional.of(URI.create("https://api.crowdstrike.com")), FALCON_SECRET_VARIABLE);
        Optional<ApiOptions> jamf = api(option, environment, "jamf", "Jamf Pro", JAMF_URL, Optional.empty(),
                JAMF_SECRET_VARIABLE);
        if (osquery.isEmpty() && falcon.isEmpty() && jamf.isEmpty()) {
            throw new InvalidOptionException("no endpoint source is configured: give " + OSQUERY_RESULTS + ", "
                    + FALCON_CLIENT_ID + " or " + JAMF_CLIENT_ID);
        }
        int falconPageSize = positive(option, FALCON_PAGE_SIZE, 5000);
        if (falconPageSize > FALCON_MAX_PAGE_SIZE) {
            throw new InvalidOptionException("the option " + FALCON_PAGE_SIZE + " is larger than Falcon's largest "
                    + "scroll page (" + FALCON_MAX_PAGE_SIZE + "): " + falconPageSize);
        }
        return new EndpointOptions(osquery, falcon, jamf, positive(option, JAMF_PAGE_SIZE, 100), falconPageSize);
    }

    /** One HTTP source's options, all named {@code <prefix>-...}; empty when its client id is not given. */
    private static Optional<ApiOptions> api(Function<String, Optional<String>> option,
            Function<String, String> environment, String prefix, String name, String urlKey,
            Optional<URI> defaultUrl, String secretVariable) throws InvalidOptionException {
        String idKey = prefix + "-client-id";
        String secretKey = prefix + "-client-secret";
        Optional<String> clientId = option.apply(idKey);
        if (clientId.isEmpty()) {
            if (option.apply(urlKey).isPresent() || option.apply(secretKey).isPresent()) {
                throw new InvalidOptionException("the " + name + " options need " + idKey);
            }
            return Optional.empty();
        }
        String secret = option.apply(secretKey)
                .or(() -> Optional.ofNullable(environment.apply(secretVariable)).map(String::strip)
                        .filter(value -> !value.isEmpty()))
                .orElseThrow(() -> new InvalidOptionException("the " + name + " client " + clientId.get() + " has "
                        + "no secret: set " + secretVariable + " (or the option " + secretKey + ")"));
        URI baseUrl;
        try {
            Optional<URI> given = option.apply(urlKey).map(URI::create);
            if (given.isEmpty() && defaultUrl.isEmpty()) {
                throw new InvalidOptionException("the " + name + " client " + clientId.get() + " needs the option "
                        + urlKey);
            }
            baseUrl = given.or(() -> defaultUrl).orElseThrow();
        } catch (IllegalArgumentException e) {
            throw new InvalidOptionException("the option " + urlKey + " is not a URL: " + e.getMessage());
        }
        if (baseUrl.getHost() == null || !("https".equals(baseUrl.getScheme()) || ("http".equals(baseUrl.getScheme())
                && isLoopback(baseUrl.getHost())))) {
            throw new InvalidOptionException("the option " + urlKey + " must be an https URL (http only for "
                    + "a loopback test server): " + baseUrl);
        }
        return Optional.of(new ApiOptions(baseUrl, clientId.get(), secret,
                duration(option, prefix + "-request-timeout", Duration.ofSeconds(30)),
                duration(option, prefix + "-max-rate-limit-wait", Duration.ofMinutes(2)),
                positive(option, prefix + "-max-attempts", 3)));
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

    private static int positive(Function<String, Optional<String>> option, String key, int fallback)
            throws InvalidOptionException {
        Optional<String> value = option.apply(key);
        try {
            int attempts = value.map(Integer::parseInt).orElse(fallback);
            if (attempts < 1) {
                throw new NumberFormatException();
            }
            return attempts;
        } catch (NumberFormatException e) {
            throw new InvalidOptionException("the option " + key + " is not a positive number: "
                    + value.orElse(""));
        }
    }
}
