package dev.evidentry.aws;

import dev.evidentry.provider.support.EndpointAgents;
import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.ProviderDescriptor.ProviderOption;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.regions.Region;

/**
 * The provider's options, read and checked before any call is made.
 *
 * @param profile the named profile to take credentials (and the default region) from, instead of the default chain
 * @param regions the regions to scan, or empty to ask EC2 which regions the account has enabled
 * @param endpoint an endpoint that replaces every AWS endpoint (a local emulator such as moto), when given
 * @param maxAttempts attempts per API call, the first one included
 * @param apiCallTimeout the most one API call may take, retries included
 * @param endpointAgents the antivirus and EDR agents recognised in SSM software inventory
 */
record AwsOptions(
        Optional<String> profile,
        List<Region> regions,
        Optional<URI> endpoint,
        int maxAttempts,
        Duration apiCallTimeout,
        EndpointAgents endpointAgents) {

    static final String PROFILE = "profile";
    static final String REGIONS = "regions";
    static final String ENDPOINT_URL = "endpoint-url";
    static final String MAX_ATTEMPTS = "max-attempts";
    static final String API_CALL_TIMEOUT = "api-call-timeout";
    static final String ENDPOINT_AGENTS = "endpoint-agents";

    static final int DEFAULT_MAX_ATTEMPTS = 5;
    static final Duration DEFAULT_API_CALL_TIMEOUT = Duration.ofSeconds(60);

    static final Set<ProviderOption> DESCRIPTIONS = Set.of(
            new ProviderOption(PROFILE, "AWS profile to take credentials from (SSO profiles included); "
                    + "default: the SDK's default chain (environment, system properties, AWS_PROFILE, SSO, "
                    + "container and instance roles)"),
            new ProviderOption(REGIONS, "comma-separated regions to scan, such as us-east-1,eu-west-1; "
                    + "default: every region enabled for the account (EC2 DescribeRegions)"),
            new ProviderOption(ENDPOINT_URL, "endpoint that replaces every AWS endpoint, for local emulators such as "
                    + "moto (http://127.0.0.1:5000); default: the AWS_ENDPOINT_URL environment variable, else AWS"),
            new ProviderOption(MAX_ATTEMPTS, "attempts per API call including the first, retried with exponential "
                    + "backoff and jitter on throttling and 5xx; default " + DEFAULT_MAX_ATTEMPTS),
            new ProviderOption(API_CALL_TIMEOUT, "most time one API call may take, retries included, as an ISO-8601 "
                    + "duration such as PT30S or PT0.5S; default " + DEFAULT_API_CALL_TIMEOUT),
            new ProviderOption(ENDPOINT_AGENTS, "comma-separated, case-insensitive parts of application names that "
                    + "SSM inventory (AWS:Application) reports for an antivirus or EDR agent; replaces the default "
                    + "list, which covers CrowdStrike Falcon, SentinelOne, Microsoft Defender for Endpoint, ClamAV, "
                    + "Trend Micro, Sophos, VMware Carbon Black, Cortex XDR, Trellix/McAfee, Bitdefender and ESET: "
                    + String.join(",", EndpointAgents.DEFAULT.patterns())));

    AwsOptions {
        requireNonNull(profile, "profile is null");
        regions = List.copyOf(requireNonNull(regions, "regions is null"));
        requireNonNull(endpoint, "endpoint is null");
        requireNonNull(apiCallTimeout, "apiCallTimeout is null");
        requireNonNull(endpointAgents, "endpointAgents is null");
    }

    /**
     * Reads the options.
     *
     * @param option the provider options as the engine gives them (trimmed, never blank)
     * @param environment environment variables
     * @throws InvalidOptionException naming the option, the bad value and what is expected
     */
    static AwsOptions parse(Function<String, Optional<String>> option, Function<String, String> environment) {
        Optional<String> profile = option.apply(PROFILE);
        List<Region> regions = parseRegions(option.apply(REGIONS));
        Optional<URI> endpoint = parseEndpoint(option.apply(ENDPOINT_URL)
                .or(() -> Optional.ofNullable(environment.apply("AWS_ENDPOINT_URL")).map(String::trim)
                        .filter(value -> !value.isEmpty())));
        int maxAttempts = option.apply(MAX_ATTEMPTS).map(AwsOptions::parseMaxAttempts).orElse(DEFAULT_MAX_ATTEMPTS);
        Duration timeout = option.apply(API_CALL_TIMEOUT).map(AwsOptions::parseTimeout)
                .orElse(DEFAULT_API_CALL_TIMEOUT);
        EndpointAgents agents = option.apply(ENDPOINT_AGENTS).map(AwsOptions::parseAgents)
                .orElse(EndpointAgents.DEFAULT);
        return new AwsOptions(profile, regions, endpoint, maxAttempts, timeout, agents);
    }

    /** The per-attempt timeout: a share of the call's budget, so a hung attempt leaves room for a retry. */
    Duration apiCallAttemptTimeout() {
        Duration share = apiCallTimeout.dividedBy(Math.min(maxAttempts, 3));
        return share.compareTo(Duration.ofMillis(100)) < 0 ? apiCallTimeout : share;
    }

    private static List<Region> parseRegions(Optional<String> value) {
        if (value.isEmpty()) {
            return List.of();
        }
        List<Region> known = Region.regions();
        List<Region> regions = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String name : Arrays.stream(value.get().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()) {
            Region region = Region.of(name);
            if (!known.contains(region) || region.isGlobalRegion()) {
                unknown.add(name);
            } else if (!regions.contains(region)) {
                regions.add(region);
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidOptionException("option " + REGIONS + ": no such AWS region " + String.join(", ", unknown)
                    + "; give region codes such as us-east-1,eu-west-1");
        }
        if (regions.isEmpty()) {
            throw new InvalidOptionException("option " + REGIONS + " names no region; give region codes such as "
                    + "us-east-1,eu-west-1, or leave it out to scan every enabled region");
        }
        return regions;
    }

    private static Optional<URI> parseEndpoint(Optional<String> value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value.get());
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                throw new URISyntaxException(value.get(), "not an http(s) URL with a host");
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            throw new InvalidOptionException("option " + ENDPOINT_URL + " (or AWS_ENDPOINT_URL): '" + value.get()
                    + "' is not an http(s) URL such as http://127.0.0.1:5000");
        }
    }

    private static int parseMaxAttempts(String value) {
        try {
            int attempts = Integer.parseInt(value);
            if (attempts >= 1 && attempts <= 20) {
                return attempts;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidOptionException("option " + MAX_ATTEMPTS + ": '" + value
                + "' is not a whole number from 1 to 20");
    }

    private static Duration parseTimeout(String value) {
        try {
            Duration timeout = Duration.parse(value);
            if (!timeout.isNegative() && !timeout.isZero()) {
                return timeout;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new InvalidOptionException("option " + API_CALL_TIMEOUT + ": '" + value
                + "' is not a positive ISO-8601 duration such as PT30S or PT0.5S");
    }

    private static EndpointAgents parseAgents(String value) {
        try {
            return EndpointAgents.parse(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidOptionException("option " + ENDPOINT_AGENTS + ": " + e.getMessage() + "; give parts of "
                    + "application names separated by commas, such as crowdstrike,sentinelone,clamav");
        }
    }

    /** An option whose value cannot be used; the message says which and what would do. */
    static final class InvalidOptionException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidOptionException(String message) {
            super(message);
        }
    }
}
