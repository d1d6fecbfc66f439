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
        int jamfPageSize, int falconPageSize, Optional<MicrosoftOptions> microsoft) {

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
    static final String MICROSOFT_TENANT_ID = "microsoft-tenant-id";
    static final String MICROSOFT_CLIENT_ID = "microsoft-client-id";
    static final String MICROSOFT_CLIENT_SECRET = "microsoft-client-secret";
    static final String MICROSOFT_SECRET_VARIABLE = "MICROSOFT_CLIENT_SECRET";
    static final String MICROSOFT_AUTHORITY = "microsoft-authority";
    static final String MICROSOFT_SOURCES = "microsoft-sources";
    static final String MICROSOFT_CA_FILE = "microsoft-ca-file";
    static final String INTUNE_GRAPH_URL = "intune-graph-url";
    static final String INTUNE_PROTECTION_CONCURRENCY = "intune-protection-concurrency";
    static final String DEFENDER_API_URL = "defender-api-url";

    static final Set<ProviderOption> DESCRIPTIONS = Set.of(
            new ProviderOption(OSQUERY_RESULTS, "an osqueryd snapshot result log, or a directory of them, holding "
                    + "the evidentry_* queries of docs/providers/endpoint/osquery.md"),
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
                    + "(default 3)"),
            new ProviderOption(MICROSOFT_TENANT_ID, "the Microsoft Entra tenant (id or domain) of the app "
                    + "registration that reads Intune and Defender for Endpoint"),
            new ProviderOption(MICROSOFT_CLIENT_ID, "the application (client) id of that app registration"),
            new ProviderOption(MICROSOFT_CLIENT_SECRET, "its client secret (default: the environment variable "
                    + MICROSOFT_SECRET_VARIABLE + ")"),
            new ProviderOption(MICROSOFT_SOURCES, "which Microsoft sources to read, comma-separated: intune, "
                    + "defender (default both)"),
            new ProviderOption(MICROSOFT_AUTHORITY, "the Microsoft Entra sign-in host (default "
                    + "https://login.microsoftonline.com)"),
            new ProviderOption(INTUNE_GRAPH_URL, "the Microsoft Graph host (default https://graph.microsoft.com)"),
            new ProviderOption(DEFENDER_API_URL, "the Defender for Endpoint API host (default "
                    + "https://api.securitycenter.microsoft.com; or api-us, api-eu, api-uk.securitycenter.microsoft.com)"),
            new ProviderOption(MICROSOFT_CA_FILE, "PEM file of the certificates to trust for the Microsoft hosts "
                    + "instead of the JVM's trust store (a TLS-inspecting proxy's CA)"),
            new ProviderOption("microsoft-request-timeout", "time allowed per Microsoft call, ISO-8601 (default "
                    + "PT30S)"),
            new ProviderOption("microsoft-max-rate-limit-wait", "longest total wait for Graph's and Defender's "
                    + "Retry-After per call, ISO-8601 (default PT2M)"),
            new ProviderOption("microsoft-max-attempts", "attempts per Microsoft call on 429, 5xx and timeouts "
                    + "(default 3)"),
            new ProviderOption(INTUNE_PROTECTION_CONCURRENCY, "Windows devices whose protection state is read "
                    + "from Graph at once (default 4)"));

    static final Set<String> SECRET_OPTIONS = Set.of(FALCON_CLIENT_SECRET, JAMF_CLIENT_SECRET,
            MICROSOFT_CLIENT_SECRET);

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
        Optional<MicrosoftOptions> microsoft = microsoft(option, environment);
        if (osquery.isEmpty() && falcon.isEmpty() && jamf.isEmpty() && microsoft.isEmpty()) {
            throw new InvalidOptionException("no endpoint source is configured: give " + OSQUERY_RESULTS + ", "
                    + FALCON_CLIENT_ID + ", " + JAMF_CLIENT_ID + " or " + MICROSOFT_CLIENT_ID);
        }
        int falconPageSize = positive(option, FALCON_PAGE_SIZE, 5000);
        if (falconPageSize > FALCON_MAX_PAGE_SIZE) {
            throw new InvalidOptionException("the option " + FALCON_PAGE_SIZE + " is larger than Falcon's largest "
                    + "scroll page (" + FALCON_MAX_PAGE_SIZE + "): " + falconPageSize);
        }
        return new EndpointOptions(osquery, falcon, jamf, positive(option, JAMF_PAGE_SIZE, 100), falconPageSize,
                microsoft);
    }

    /**
     * One Microsoft app registration reads both Intune (through Graph) and Defender for Endpoint: one tenant, client id
     * and secret, a token per API.
     */
    private static Optional<MicrosoftOptions> microsoft(Function<String, Optional<String>> option,
            Function<String, String> environment) throws InvalidOptionException {
        Optional<ApiOptions> app = api(option, environment, "microsoft", "Microsoft", MICROSOFT_AUTHORITY,
                Optional.of(URI.create("https://login.microsoftonline.com")), MICROSOFT_SECRET_VARIABLE);
        if (app.isEmpty()) {
            for (String key : Set.of(MICROSOFT_TENANT_ID, MICROSOFT_SOURCES, INTUNE_GRAPH_URL, DEFENDER_API_URL)) {
                if (option.apply(key).isPresent()) {
                    throw new InvalidOptionException("the Microsoft options need " + MICROSOFT_CLIENT_ID);
                }
            }
            return Optional.empty();
        }
        URI authority = app.get().baseUrl();
        if (!"https".equals(authority.getScheme())) {
            throw new InvalidOptionException("the option " + MICROSOFT_AUTHORITY + " must be an https URL (MSAL "
                    + "signs in over https only): " + authority);
        }
        if (!(authority.getRawPath() == null || authority.getRawPath().isEmpty() || authority.getRawPath().equals("/"))
                || authority.getRawQuery() != null) {
            throw new InvalidOptionException("the option " + MICROSOFT_AUTHORITY + " is the sign-in host alone, such "
                    + "as https://login.microsoftonline.com; the tenant goes in " + MICROSOFT_TENANT_ID + ": " + authority);
        }
        String tenant = option.apply(MICROSOFT_TENANT_ID).orElseThrow(() -> new InvalidOptionException("the "
                + "Microsoft client " + app.get().clientId() + " needs the option " + MICROSOFT_TENANT_ID));
        if (!tenant.matches("[A-Za-z0-9.-]+")) {
            throw new InvalidOptionException("the option " + MICROSOFT_TENANT_ID + " is not a tenant id or domain: "
                    + tenant);
        }
        Set<String> sources = new java.util.TreeSet<>(option.apply(MICROSOFT_SOURCES)
                .map(value -> java.util.Arrays.stream(value.split(",")).map(String::strip)
                        .filter(name -> !name.isEmpty()).toList())
                .orElse(java.util.List.of(MicrosoftOptions.INTUNE, MicrosoftOptions.DEFENDER)));
        if (sources.isEmpty() || !Set.of(MicrosoftOptions.INTUNE, MicrosoftOptions.DEFENDER).containsAll(sources)) {
            throw new InvalidOptionException("the option " + MICROSOFT_SOURCES + " lists intune, defender or both: "
                    + option.apply(MICROSOFT_SOURCES).orElse(""));
        }
        Optional<Path> caFile;
        try {
            caFile = option.apply(MICROSOFT_CA_FILE).map(Path::of);
        } catch (java.nio.file.InvalidPathException e) {
            throw new InvalidOptionException("the option " + MICROSOFT_CA_FILE + " is not a path: " + e.getMessage());
        }
        Optional<ApiOptions> graph = sources.contains(MicrosoftOptions.INTUNE)
                ? Optional.of(app.get().at(url(option, INTUNE_GRAPH_URL, URI.create("https://graph.microsoft.com"))))
                : Optional.empty();
        Optional<ApiOptions> defender = sources.contains(MicrosoftOptions.DEFENDER)
                ? Optional.of(app.get().at(url(option, DEFENDER_API_URL,
                        URI.create("https://api.securitycenter.microsoft.com"))))
                : Optional.empty();
        return Optional.of(new MicrosoftOptions(tenant, app.get(), graph, defender, caFile,
                positive(option, INTUNE_PROTECTION_CONCURRENCY, 4)));
    }

    /** An https URL (http only for a loopback test server), or {@code fallback} when the option is not given. */
    private static URI url(Function<String, Optional<String>> option, String key, URI fallback)
            throws InvalidOptionException {
        URI url;
        try {
            url = option.apply(key).map(URI::create).orElse(fallback);
        } catch (IllegalArgumentException e) {
            throw new InvalidOptionException("the option " + key + " is not a URL: " + e.getMessage());
        }
        if (url.getHost() == null || !("https".equals(url.getScheme()) || ("http".equals(url.getScheme())
                && isLoopback(url.getHost())))) {
            throw new InvalidOptionException("the option " + key + " must be an https URL (http only for "
                    + "a loopback test server): " + url);
        }
        return url;
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
        if (option.apply(urlKey).isEmpty() && defaultUrl.isEmpty()) {
            throw new InvalidOptionException("the " + name + " client " + clientId.get() + " needs the option "
                    + urlKey);
        }
        URI baseUrl = url(option, urlKey, defaultUrl.orElse(null));
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
