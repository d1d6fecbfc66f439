package dev.evidentry.okta;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.ProviderDescriptor.ProviderOption;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The provider's options, read and checked before any call is made.
 *
 * @param orgUrl the org's base URL, {@code https://<org>.okta.com} (no path)
 * @param auth how the provider authenticates: an API token or an OAuth 2.0 service app
 * @param caFile PEM certificates to trust for the org URL instead of the JVM's trust store, when given
 * @param maxAttempts attempts per call on 5xx answers and network failures, the first one included
 * @param requestTimeout the most one HTTP exchange may take (connect, then each read)
 * @param maxRateLimitWait the most one call may wait, in total, for Okta's rate limit to reset
 * @param pageSize items per page of the users listing
 */
record OktaOptions(URI orgUrl, Auth auth, Optional<Path> caFile, int maxAttempts, Duration requestTimeout,
        Duration maxRateLimitWait, int pageSize) {

    static final String ORG_URL = "org-url";
    static final String API_TOKEN = "api-token";
    static final String CLIENT_ID = "client-id";
    static final String PRIVATE_KEY_FILE = "private-key-file";
    static final String KEY_ID = "key-id";
    static final String SCOPES = "scopes";
    static final String CA_FILE = "ca-file";
    static final String MAX_ATTEMPTS = "max-attempts";
    static final String REQUEST_TIMEOUT = "request-timeout";
    static final String MAX_RATE_LIMIT_WAIT = "max-rate-limit-wait";
    static final String PAGE_SIZE = "page-size";

    static final String TOKEN_VARIABLE = "OKTA_API_TOKEN";
    static final Set<String> DEFAULT_SCOPES = Set.of("okta.users.read", "okta.roles.read", "okta.policies.read");
    static final int DEFAULT_MAX_ATTEMPTS = 3;
    static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    static final Duration DEFAULT_MAX_RATE_LIMIT_WAIT = Duration.ofMinutes(2);
    static final int DEFAULT_PAGE_SIZE = 200;

    static final Set<ProviderOption> DESCRIPTIONS = Set.of(
            new ProviderOption(ORG_URL, "required: the org's URL, such as https://acme.okta.com (not the -admin URL)"),
            new ProviderOption(API_TOKEN, "an API token (SSWS) of a Read-Only Administrator; default: the "
                    + TOKEN_VARIABLE + " environment variable; secret"),
            new ProviderOption(CLIENT_ID, "instead of a token: the client id of an OAuth 2.0 service app that signs in "
                    + "with a private key (needs " + PRIVATE_KEY_FILE + ")"),
            new ProviderOption(PRIVATE_KEY_FILE, "the service app's private key, a PEM file (RSA or EC)"),
            new ProviderOption(KEY_ID, "the kid of the service app's public key, when the app has several"),
            new ProviderOption(SCOPES, "scopes the service app asks for, separated by commas or spaces; default "
                    + String.join(" ", new java.util.TreeSet<>(DEFAULT_SCOPES))),
            new ProviderOption(CA_FILE, "PEM file of the certificates to trust for the org URL instead of the JVM's "
                    + "trust store (a TLS-inspecting proxy's CA); default: the JVM's trust store"),
            new ProviderOption(MAX_ATTEMPTS, "attempts per call on 5xx answers and network failures, first included, "
                    + "1 to 10; default " + DEFAULT_MAX_ATTEMPTS),
            new ProviderOption(REQUEST_TIMEOUT, "most time one HTTP exchange may take, ISO-8601 such as PT30S; "
                    + "default " + DEFAULT_REQUEST_TIMEOUT),
            new ProviderOption(MAX_RATE_LIMIT_WAIT, "most time one call waits in total for Okta's rate limit to "
                    + "reset before it gives up as throttled, ISO-8601; PT0S never waits; default "
                    + DEFAULT_MAX_RATE_LIMIT_WAIT),
            new ProviderOption(PAGE_SIZE, "users per page, 1 to 200; default " + DEFAULT_PAGE_SIZE));

    /** The options whose values are secrets. */
    static final Set<String> SECRET_OPTIONS = Set.of(API_TOKEN);

    OktaOptions {
        requireNonNull(orgUrl, "orgUrl is null");
        requireNonNull(auth, "auth is null");
        requireNonNull(caFile, "caFile is null");
        requireNonNull(requestTimeout, "requestTimeout is null");
        requireNonNull(maxRateLimitWait, "maxRateLimitWait is null");
    }

    /** The org's host name: the account every resource and issue is filed under. */
    String host() {
        return orgUrl.getHost().toLowerCase(Locale.ROOT);
    }

    /** How the provider signs in. */
    sealed interface Auth permits ApiToken, ServiceApp {}

    /** An SSWS API token, and where it came from (for messages). */
    record ApiToken(String token, String source) implements Auth {
        ApiToken {
            requireNonNull(token, "token is null");
            requireNonNull(source, "source is null");
        }

        @Override
        public String toString() {
            return "ApiToken[from " + source + "]"; // never the token
        }
    }

    /** An OAuth 2.0 service app signing a client assertion with its private key. */
    record ServiceApp(String clientId, Path privateKeyFile, Optional<String> keyId, Set<String> scopes) implements Auth {
        ServiceApp {
            requireNonNull(clientId, "clientId is null");
            requireNonNull(privateKeyFile, "privateKeyFile is null");
            requireNonNull(keyId, "keyId is null");
            scopes = Set.copyOf(requireNonNull(scopes, "scopes is null"));
        }
    }

    /**
     * Reads the options.
     *
     * @param option the provider options as the engine gives them (trimmed, never blank)
     * @param environment environment variables
     * @throws InvalidOptionException naming the option, the bad value and what is expected
     */
    static OktaOptions parse(Function<String, Optional<String>> option, Function<String, String> environment) {
        URI orgUrl = parseOrgUrl(option.apply(ORG_URL));
        Auth auth = parseAuth(option, environment);
        Optional<Path> caFile = option.apply(CA_FILE).map(value -> readableFile(CA_FILE, value));
        int maxAttempts = option.apply(MAX_ATTEMPTS).map(value -> parseInt(MAX_ATTEMPTS, value, 1, 10))
                .orElse(DEFAULT_MAX_ATTEMPTS);
        Duration timeout = option.apply(REQUEST_TIMEOUT).map(value -> parseDuration(REQUEST_TIMEOUT, value, false))
                .orElse(DEFAULT_REQUEST_TIMEOUT);
        Duration maxWait = option.apply(MAX_RATE_LIMIT_WAIT)
                .map(value -> parseDuration(MAX_RATE_LIMIT_WAIT, value, true)).orElse(DEFAULT_MAX_RATE_LIMIT_WAIT);
        int pageSize = option.apply(PAGE_SIZE).map(value -> parseInt(PAGE_SIZE, value, 1, 200))
                .orElse(DEFAULT_PAGE_SIZE);
        return new OktaOptions(orgUrl, auth, caFile, maxAttempts, timeout, maxWait, pageSize);
    }

    private static URI parseOrgUrl(Optional<String> value) {
        if (value.isEmpty()) {
            throw new InvalidOptionException("option " + ORG_URL + " is required: give the org's URL, such as "
                    + "--option okta." + ORG_URL + "=https://acme.okta.com");
        }
        String text = value.get();
        URI uri;
        try {
            uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        } catch (URISyntaxException e) {
            throw new InvalidOptionException("option " + ORG_URL + ": '" + text + "' is not a URL; give the org's URL,"
                    + " such as https://acme.okta.com");
        }
        if (uri.getScheme() == null || !uri.getScheme().equalsIgnoreCase("https")) {
            throw new InvalidOptionException("option " + ORG_URL + ": '" + text + "' is not an https URL; Okta is "
                    + "reached over HTTPS only, such as https://acme.okta.com");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new InvalidOptionException("option " + ORG_URL + ": '" + text + "' has no host name");
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() || uri.getRawQuery() != null
                || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new InvalidOptionException("option " + ORG_URL + ": '" + text + "' must be the org's base URL alone,"
                    + " such as https://acme.okta.com, without a path, query or user");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.endsWith("-admin.okta.com") || host.endsWith("-admin.oktapreview.com")
                || host.endsWith("-admin.okta-emea.com")) {
            throw new InvalidOptionException("option " + ORG_URL + ": '" + text + "' is the Admin Console's URL; give "
                    + "the org's URL without -admin, such as https://acme.okta.com");
        }
        return uri;
    }

    private static Auth parseAuth(Function<String, Optional<String>> option, Function<String, String> environment) {
        Optional<String> token = option.apply(API_TOKEN);
        Optional<String> clientId = option.apply(CLIENT_ID);
        Optional<String> keyFile = option.apply(PRIVATE_KEY_FILE);
        if (token.isPresent() && (clientId.isPresent() || keyFile.isPresent())) {
            throw new InvalidOptionException("options " + API_TOKEN + " and " + CLIENT_ID + "/" + PRIVATE_KEY_FILE
                    + " exclude each other: give an API token, or a service app's client id and private key");
        }
        if (clientId.isPresent() || keyFile.isPresent()) {
            if (clientId.isEmpty() || keyFile.isEmpty()) {
                throw new InvalidOptionException("a service app needs both options " + CLIENT_ID + " and "
                        + PRIVATE_KEY_FILE + " (the PEM file of the key whose public half the app holds)");
            }
            Set<String> scopes = option.apply(SCOPES).map(OktaOptions::parseScopes).orElse(DEFAULT_SCOPES);
            return new ServiceApp(clientId.get(), readableFile(PRIVATE_KEY_FILE, keyFile.get()),
                    option.apply(KEY_ID), scopes);
        }
        if (token.isPresent()) {
            return new ApiToken(token.get(), "option " + API_TOKEN);
        }
        String fromEnvironment = environment.apply(TOKEN_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new ApiToken(fromEnvironment.strip(), "environment variable " + TOKEN_VARIABLE);
        }
        throw new MissingCredentialsException("no Okta credentials: set the environment variable " + TOKEN_VARIABLE
                + " (or the option " + API_TOKEN + ") to an API token of a Read-Only Administrator, or give the "
                + "options " + CLIENT_ID + " and " + PRIVATE_KEY_FILE + " of an OAuth 2.0 service app");
    }

    private static Set<String> parseScopes(String value) {
        Set<String> scopes = new LinkedHashSet<>(Arrays.stream(value.split("[\\s,]+")).filter(s -> !s.isEmpty())
                .toList());
        if (scopes.isEmpty()) {
            throw new InvalidOptionException("option " + SCOPES + " names no scope; give scopes such as "
                    + String.join(",", new java.util.TreeSet<>(DEFAULT_SCOPES)));
        }
        return scopes;
    }

    private static Path readableFile(String name, String value) {
        try {
            Path path = Path.of(value);
            if (Files.isRegularFile(path) && Files.isReadable(path)) {
                return path;
            }
        } catch (InvalidPathException e) {
            // reported below
        }
        throw new InvalidOptionException("option " + name + ": '" + value + "' is not a readable file");
    }

    private static int parseInt(String name, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidOptionException("option " + name + ": '" + value + "' is not a whole number from " + min
                + " to " + max);
    }

    private static Duration parseDuration(String name, String value, boolean zeroAllowed) {
        try {
            Duration duration = Duration.parse(value);
            if (!duration.isNegative() && (zeroAllowed || !duration.isZero())) {
                return duration;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new InvalidOptionException("option " + name + ": '" + value + "' is not a " + (zeroAllowed
                ? "non-negative" : "positive") + " ISO-8601 duration such as PT30S or PT0.5S");
    }

    /** An option whose value cannot be used; the message says which and what would do. */
    static class InvalidOptionException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidOptionException(String message) {
            super(message);
        }
    }

    /** No credentials were given at all: reported as invalid credentials, with what to set. */
    static final class MissingCredentialsException extends InvalidOptionException {
        private static final long serialVersionUID = 1L;

        MissingCredentialsException(String message) {
            super(message);
        }
    }
}
