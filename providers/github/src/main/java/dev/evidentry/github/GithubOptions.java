package dev.evidentry.github;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.ProviderDescriptor.ProviderOption;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The provider's options, read and checked before any call is made. Credentials are either a token (the option
 * {@code token}, else {@code GITHUB_TOKEN}) or a GitHub App installation ({@code app-id}, {@code private-key-file},
 * {@code installation-id}), never both.
 *
 * @param apiUrl the REST API root: {@code https://api.github.com}, or {@code https://HOST/api/v3} for GitHub
 *     Enterprise Server
 * @param organizations the organisation logins to scan, in the order given, without repeats
 * @param credentials how to authenticate
 * @param maxRateLimitWait the longest the provider waits for a rate limit to reset before it stops with THROTTLED
 * @param requestTimeout the most one HTTP exchange may take
 * @param maxAttempts attempts per request for server errors (5xx) and timeouts, the first included
 * @param maxConcurrentRequests requests in flight at once (GitHub asks integrators not to flood it)
 */
record GithubOptions(
        URI apiUrl,
        List<String> organizations,
        Credentials credentials,
        Duration maxRateLimitWait,
        Duration requestTimeout,
        int maxAttempts,
        int maxConcurrentRequests) {

    static final String TOKEN = "token";
    static final String APP_ID = "app-id";
    static final String PRIVATE_KEY_FILE = "private-key-file";
    static final String INSTALLATION_ID = "installation-id";
    static final String API_URL = "api-url";
    static final String ORGANIZATIONS = "organizations";
    static final String MAX_RATE_LIMIT_WAIT = "max-rate-limit-wait";
    static final String REQUEST_TIMEOUT = "request-timeout";
    static final String MAX_ATTEMPTS = "max-attempts";
    static final String MAX_CONCURRENT_REQUESTS = "max-concurrent-requests";

    static final String TOKEN_VARIABLE = "GITHUB_TOKEN";
    static final URI DEFAULT_API_URL = URI.create("https://api.github.com");
    static final Duration DEFAULT_MAX_RATE_LIMIT_WAIT = Duration.ofMinutes(15);
    static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    static final int DEFAULT_MAX_ATTEMPTS = 3;
    static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 4;

    /** What to set, for messages about missing or rejected credentials. */
    static final String WHAT_TO_SET = "set the environment variable " + TOKEN_VARIABLE + " or the option " + TOKEN
            + " to a token (see docs/providers/github.md for its scopes), or the options " + APP_ID + ", "
            + PRIVATE_KEY_FILE + " and " + INSTALLATION_ID + " for a GitHub App";

    /** GitHub logins: letters, digits and single hyphens, at most 39 characters. */
    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}");

    static final Set<ProviderOption> DESCRIPTIONS = Set.of(
            new ProviderOption(ORGANIZATIONS, "comma-separated organisation logins to scan, such as acme,acme-labs "
                    + "(required)"),
            new ProviderOption(TOKEN, "token to call GitHub with (a fine-grained or classic personal access token); "
                    + "default: the environment variable " + TOKEN_VARIABLE + ". Secret: never logged or stored"),
            new ProviderOption(APP_ID, "GitHub App id, to authenticate as an App installation instead of a token"),
            new ProviderOption(PRIVATE_KEY_FILE, "the GitHub App's private key (.pem, PKCS#1 or PKCS#8)"),
            new ProviderOption(INSTALLATION_ID, "the GitHub App's installation id in the organisation"),
            new ProviderOption(API_URL, "REST API root; default " + DEFAULT_API_URL + "; GitHub Enterprise Server: "
                    + "https://HOST/api/v3"),
            new ProviderOption(MAX_RATE_LIMIT_WAIT, "longest wait for a rate limit to reset (ISO-8601 duration) "
                    + "before the scan stops with THROTTLED issues; default " + DEFAULT_MAX_RATE_LIMIT_WAIT),
            new ProviderOption(REQUEST_TIMEOUT, "most one request may take (ISO-8601 duration); default "
                    + DEFAULT_REQUEST_TIMEOUT),
            new ProviderOption(MAX_ATTEMPTS, "attempts per request on 5xx and timeouts, the first included, 1 to 10; "
                    + "default " + DEFAULT_MAX_ATTEMPTS),
            new ProviderOption(MAX_CONCURRENT_REQUESTS, "requests in flight at once, 1 to 16; default "
                    + DEFAULT_MAX_CONCURRENT_REQUESTS));

    GithubOptions {
        requireNonNull(apiUrl, "apiUrl is null");
        organizations = List.copyOf(requireNonNull(organizations, "organizations is null"));
        requireNonNull(credentials, "credentials is null");
        requireNonNull(maxRateLimitWait, "maxRateLimitWait is null");
        requireNonNull(requestTimeout, "requestTimeout is null");
    }

    /**
     * Reads the options.
     *
     * @throws InvalidOptionException for a value that cannot be used (a CONFIGURATION issue)
     * @throws MissingCredentialsException when no credentials are given, or only part of an App's (INVALID_CREDENTIALS)
     */
    static GithubOptions parse(Function<String, Optional<String>> option, Function<String, String> environment) {
        List<String> organizations = parseOrganizations(option.apply(ORGANIZATIONS));
        URI apiUrl = option.apply(API_URL).map(GithubOptions::parseApiUrl).orElse(DEFAULT_API_URL);
        Duration wait = option.apply(MAX_RATE_LIMIT_WAIT).map(value -> parseDuration(MAX_RATE_LIMIT_WAIT, value, true))
                .orElse(DEFAULT_MAX_RATE_LIMIT_WAIT);
        Duration timeout = option.apply(REQUEST_TIMEOUT).map(value -> parseDuration(REQUEST_TIMEOUT, value, false))
                .orElse(DEFAULT_REQUEST_TIMEOUT);
        int attempts = option.apply(MAX_ATTEMPTS).map(value -> parseInt(MAX_ATTEMPTS, value, 1, 10))
                .orElse(DEFAULT_MAX_ATTEMPTS);
        int concurrency = option.apply(MAX_CONCURRENT_REQUESTS)
                .map(value -> parseInt(MAX_CONCURRENT_REQUESTS, value, 1, 16)).orElse(DEFAULT_MAX_CONCURRENT_REQUESTS);
        Credentials credentials = parseCredentials(option, environment);
        return new GithubOptions(apiUrl, organizations, credentials, wait, timeout, attempts, concurrency);
    }

    private static Credentials parseCredentials(Function<String, Optional<String>> option,
            Function<String, String> environment) {
        Optional<String> appId = option.apply(APP_ID);
        Optional<String> keyFile = option.apply(PRIVATE_KEY_FILE);
        Optional<String> installation = option.apply(INSTALLATION_ID);
        Optional<String> token = option.apply(TOKEN);
        boolean anyApp = appId.isPresent() || keyFile.isPresent() || installation.isPresent();
        if (anyApp && token.isPresent()) {
            throw new InvalidOptionException("options " + TOKEN + " and " + APP_ID + "/" + PRIVATE_KEY_FILE + "/"
                    + INSTALLATION_ID + " are both given; give a token or a GitHub App, not both");
        }
        if (anyApp) {
            List<String> missing = new ArrayList<>();
            appId.ifPresentOrElse(value -> { }, () -> missing.add(APP_ID));
            keyFile.ifPresentOrElse(value -> { }, () -> missing.add(PRIVATE_KEY_FILE));
            installation.ifPresentOrElse(value -> { }, () -> missing.add(INSTALLATION_ID));
            if (!missing.isEmpty()) {
                throw new MissingCredentialsException("GitHub App credentials are incomplete: set the option"
                        + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + " as well");
            }
            return new Credentials.App(parseId(APP_ID, appId.get()), Path.of(keyFile.get()),
                    parseId(INSTALLATION_ID, installation.get()));
        }
        Optional<String> fromEnvironment = Optional.ofNullable(environment.apply(TOKEN_VARIABLE)).map(String::strip)
                .filter(value -> !value.isEmpty());
        return token.or(() -> fromEnvironment).<Credentials>map(Credentials.Token::new)
                .orElseThrow(() -> new MissingCredentialsException("no GitHub credentials: " + WHAT_TO_SET));
    }

    private static List<String> parseOrganizations(Optional<String> value) {
        if (value.isEmpty()) {
            throw new InvalidOptionException("option " + ORGANIZATIONS + " is required: give the logins of the "
                    + "organisations to scan, such as --option github." + ORGANIZATIONS + "=acme,acme-labs");
        }
        List<String> logins = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        for (String login : Arrays.stream(value.get().split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList()) {
            if (!LOGIN.matcher(login).matches()) {
                bad.add("'" + login + "'");
            } else if (logins.stream().noneMatch(known -> known.equalsIgnoreCase(login))) {
                logins.add(login);
            }
        }
        if (!bad.isEmpty()) {
            throw new InvalidOptionException("option " + ORGANIZATIONS + ": " + String.join(", ", bad) + " is not an "
                    + "organisation login (letters, digits and single hyphens, at most 39 characters)");
        }
        if (logins.isEmpty()) {
            throw new InvalidOptionException("option " + ORGANIZATIONS + " names no organisation; give logins such as "
                    + "acme,acme-labs");
        }
        return logins;
    }

    private static URI parseApiUrl(String value) {
        try {
            URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getQuery() != null
                    || uri.getFragment() != null || uri.getUserInfo() != null) {
                throw new URISyntaxException(value, "not an http(s) URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidOptionException("option " + API_URL + ": '" + value + "' is not an http(s) URL such as "
                    + DEFAULT_API_URL + " or https://github.example.com/api/v3");
        }
    }

    private static Duration parseDuration(String key, String value, boolean zeroAllowed) {
        try {
            Duration duration = Duration.parse(value);
            if (!duration.isNegative() && (zeroAllowed || !duration.isZero())) {
                return duration;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new InvalidOptionException("option " + key + ": '" + value + "' is not a" + (zeroAllowed ? "" : " positive")
                + " ISO-8601 duration such as PT30S or PT10M");
    }

    private static int parseInt(String key, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidOptionException("option " + key + ": '" + value + "' is not a whole number from " + min
                + " to " + max);
    }

    private static long parseId(String key, String value) {
        try {
            long id = Long.parseLong(value);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidOptionException("option " + key + ": '" + value + "' is not a positive number (GitHub shows "
                + "it in the App's settings)");
    }

    /** How the provider authenticates. */
    sealed interface Credentials {

        /** A personal access token or any other bearer token; its value is a secret. */
        record Token(String value) implements Credentials {
            public Token {
                requireNonNull(value, "value is null");
            }

            @Override
            public String toString() {
                return "Token[****]";
            }
        }

        /** A GitHub App installation: a JWT signed with the App's key buys an installation token. */
        record App(long appId, Path privateKeyFile, long installationId) implements Credentials {
            public App {
                requireNonNull(privateKeyFile, "privateKeyFile is null");
            }
        }
    }

    /** An option whose value cannot be used; the message says which and what would do. */
    static final class InvalidOptionException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidOptionException(String message) {
            super(message);
        }
    }

    /** No credentials, or an incomplete set; the message says what to set. */
    static final class MissingCredentialsException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingCredentialsException(String message) {
            super(message);
        }
    }
}
