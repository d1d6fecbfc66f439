package dev.evidentry.azure;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.ProviderDescriptor.ProviderOption;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The provider's options, read and checked before any call is made.
 *
 * @param tenantId the Entra ID tenant to authenticate in and read, or empty for the credential's own tenant
 * @param subscriptions the subscriptions to scan, or empty for every one the identity can read
 * @param armEndpoint Azure Resource Manager's base URL (no trailing slash)
 * @param graphEndpoint Microsoft Graph's base URL (no trailing slash, no version)
 * @param authorityHost the Entra ID authority host, or empty for the credential's default (public cloud, or
 *     {@code AZURE_AUTHORITY_HOST})
 * @param maxRetries retries after the first attempt, on 408, 429 and 5xx answers and transport failures
 * @param retryDelay the first retry's delay, doubled for each further one (a {@code Retry-After} answer wins)
 * @param timeout the most one attempt may wait for an answer
 */
record AzureOptions(
        Optional<String> tenantId,
        List<String> subscriptions,
        URI armEndpoint,
        URI graphEndpoint,
        Optional<URI> authorityHost,
        int maxRetries,
        Duration retryDelay,
        Duration timeout) {

    static final String TENANT_ID = "tenant-id";
    static final String SUBSCRIPTIONS = "subscriptions";
    static final String ARM_ENDPOINT = "arm-endpoint";
    static final String GRAPH_ENDPOINT = "graph-endpoint";
    static final String AUTHORITY_HOST = "authority-host";
    static final String MAX_RETRIES = "max-retries";
    static final String RETRY_DELAY = "retry-delay";
    static final String TIMEOUT = "timeout";

    static final URI PUBLIC_ARM = URI.create("https://management.azure.com");
    static final URI PUBLIC_GRAPH = URI.create("https://graph.microsoft.com");
    static final int DEFAULT_MAX_RETRIES = 4;
    static final Duration DEFAULT_RETRY_DELAY = Duration.ofMillis(800);
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");

    static final Set<ProviderOption> DESCRIPTIONS = Set.of(
            new ProviderOption(TENANT_ID, "Entra ID tenant id (a GUID) to authenticate in and read; default: the "
                    + "credential's own tenant (AZURE_TENANT_ID, the managed identity's or the Azure CLI's)"),
            new ProviderOption(SUBSCRIPTIONS, "comma-separated subscription ids to scan; default: every subscription "
                    + "the identity can read"),
            new ProviderOption(ARM_ENDPOINT, "Azure Resource Manager endpoint, for sovereign clouds "
                    + "(https://management.usgovcloudapi.net) or tests; default " + PUBLIC_ARM),
            new ProviderOption(GRAPH_ENDPOINT, "Microsoft Graph endpoint, for sovereign clouds "
                    + "(https://graph.microsoft.us) or tests; default " + PUBLIC_GRAPH),
            new ProviderOption(AUTHORITY_HOST, "Entra ID authority host, for sovereign clouds "
                    + "(https://login.microsoftonline.us); default: AZURE_AUTHORITY_HOST, else the public cloud"),
            new ProviderOption(MAX_RETRIES, "retries after the first attempt on 408, 429 and 5xx answers and "
                    + "transport failures, 0 to 10; default " + DEFAULT_MAX_RETRIES),
            new ProviderOption(RETRY_DELAY, "first retry's delay as an ISO-8601 duration, doubled for each further "
                    + "retry with jitter (a Retry-After answer wins); default " + DEFAULT_RETRY_DELAY),
            new ProviderOption(TIMEOUT, "most time one attempt may wait for an answer, as an ISO-8601 duration; "
                    + "default " + DEFAULT_TIMEOUT));

    AzureOptions {
        requireNonNull(tenantId, "tenantId is null");
        subscriptions = List.copyOf(requireNonNull(subscriptions, "subscriptions is null"));
        requireNonNull(armEndpoint, "armEndpoint is null");
        requireNonNull(graphEndpoint, "graphEndpoint is null");
        requireNonNull(authorityHost, "authorityHost is null");
        requireNonNull(retryDelay, "retryDelay is null");
        requireNonNull(timeout, "timeout is null");
    }

    /** Reads the options; throws {@link InvalidOptionException} naming the option, the value and what is expected. */
    static AzureOptions parse(Function<String, Optional<String>> option) {
        Optional<String> tenant = option.apply(TENANT_ID).map(value -> guid(TENANT_ID, value));
        List<String> subscriptions = new ArrayList<>();
        option.apply(SUBSCRIPTIONS).ifPresent(value -> {
            for (String item : value.split(",")) {
                String id = item.trim();
                if (!id.isEmpty() && !subscriptions.contains(guid(SUBSCRIPTIONS, id))) {
                    subscriptions.add(id.toLowerCase(Locale.ROOT));
                }
            }
        });
        URI arm = option.apply(ARM_ENDPOINT).map(value -> https(ARM_ENDPOINT, value)).orElse(PUBLIC_ARM);
        URI graph = option.apply(GRAPH_ENDPOINT).map(value -> https(GRAPH_ENDPOINT, value)).orElse(PUBLIC_GRAPH);
        Optional<URI> authority = option.apply(AUTHORITY_HOST).map(value -> https(AUTHORITY_HOST, value));
        int retries = option.apply(MAX_RETRIES).map(AzureOptions::retries).orElse(DEFAULT_MAX_RETRIES);
        Duration delay = option.apply(RETRY_DELAY).map(value -> duration(RETRY_DELAY, value))
                .orElse(DEFAULT_RETRY_DELAY);
        Duration timeout = option.apply(TIMEOUT).map(value -> duration(TIMEOUT, value)).orElse(DEFAULT_TIMEOUT);
        return new AzureOptions(tenant, subscriptions, arm, graph, authority, retries, delay, timeout);
    }

    private static String guid(String key, String value) {
        if (!GUID.matcher(value).matches()) {
            throw new InvalidOptionException("option " + key + ": '" + value + "' is not a GUID such as "
                    + "00000000-0000-0000-0000-000000000000");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    /** Only HTTPS: azure-core refuses to send a bearer token over plain HTTP, and so does this provider. */
    private static URI https(String key, String value) {
        try {
            URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getRawQuery() != null) {
                throw new InvalidOptionException("option " + key + ": '" + value + "' is not an https://host[:port] "
                        + "URL (bearer tokens are never sent over plain HTTP)");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidOptionException("option " + key + ": '" + value + "' is not a URL: " + e.getReason());
        }
    }

    private static int retries(String value) {
        try {
            int retries = Integer.parseInt(value);
            if (retries >= 0 && retries <= 10) {
                return retries;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidOptionException("option " + MAX_RETRIES + ": '" + value + "' is not a number from 0 to 10");
    }

    private static Duration duration(String key, String value) {
        try {
            Duration duration = Duration.parse(value);
            if (!duration.isNegative() && !duration.isZero() && duration.compareTo(Duration.ofMinutes(10)) <= 0) {
                return duration;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new InvalidOptionException("option " + key + ": '" + value + "' is not an ISO-8601 duration above "
                + "zero and at most 10 minutes, such as PT30S or PT0.5S");
    }

    /** An option with a value the provider cannot use. */
    static final class InvalidOptionException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidOptionException(String message) {
            super(message);
        }
    }
}
