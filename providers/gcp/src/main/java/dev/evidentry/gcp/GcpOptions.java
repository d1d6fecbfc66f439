package dev.evidentry.gcp;

import dev.evidentry.provider.support.EndpointAgents;
import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.ProviderDescriptor.ProviderOption;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The provider's options ({@code --option gcp.KEY=VALUE}), checked before anything is called.
 *
 * @param projects project ids to scan; empty when a folder, an organisation or every visible project is scanned
 * @param folder numeric folder id whose projects (at any depth) are scanned, or empty
 * @param organization numeric organisation id whose projects (at any depth) are scanned, or empty
 * @param impersonate service account e-mail to impersonate with the ADC credentials, or empty
 * @param workspaceCustomer Workspace customer id ({@code C0xxxxxxx} or {@code my_customer}), or empty
 * @param workspaceDomain Workspace domain, or empty
 * @param workspaceAdmin the administrator a service account acts as with domain-wide delegation, or empty
 * @param rootUrl one root URL for every Google API (tests, {@code private.googleapis.com}), or empty for Google's own
 * @param maxAttempts attempts per call, the first included
 * @param timeout connect and read timeout of one attempt
 * @param endpointAgents the antivirus and EDR packages recognised in OS Config inventory
 */
record GcpOptions(
        List<String> projects,
        String folder,
        String organization,
        String impersonate,
        String workspaceCustomer,
        String workspaceDomain,
        String workspaceAdmin,
        String rootUrl,
        int maxAttempts,
        Duration timeout,
        EndpointAgents endpointAgents) {

    static final String PROJECTS = "projects";
    static final String FOLDER = "folder";
    static final String ORGANIZATION = "organization";
    static final String IMPERSONATE = "impersonate-service-account";
    static final String WORKSPACE_CUSTOMER = "workspace-customer";
    static final String WORKSPACE_DOMAIN = "workspace-domain";
    static final String WORKSPACE_ADMIN = "workspace-admin";
    static final String ROOT_URL = "root-url";
    static final String MAX_ATTEMPTS = "max-attempts";
    static final String TIMEOUT = "timeout";
    static final String ENDPOINT_AGENTS = "endpoint-agents";

    static final Set<ProviderOption> DESCRIPTIONS = Set.of(
            new ProviderOption(PROJECTS, "comma-separated project ids to scan; default: every project under folder or "
                    + "organization, else every active project the credentials can see"),
            new ProviderOption(FOLDER, "numeric folder id: scan every active project under it, at any depth"),
            new ProviderOption(ORGANIZATION, "numeric organization id: scan every active project under it, at any "
                    + "depth"),
            new ProviderOption(IMPERSONATE, "service account e-mail to impersonate with the Application Default "
                    + "Credentials (needs roles/iam.serviceAccountTokenCreator on it)"),
            new ProviderOption(WORKSPACE_CUSTOMER, "Google Workspace customer id (C0xxxxxxx, or my_customer): read its "
                    + "users' 2-Step Verification with the Admin SDK Directory API"),
            new ProviderOption(WORKSPACE_DOMAIN, "Google Workspace domain whose users' 2-Step Verification to read, "
                    + "instead of workspace-customer"),
            new ProviderOption(WORKSPACE_ADMIN, "e-mail of a Workspace administrator the service account acts as "
                    + "through domain-wide delegation (needs a service account key as credentials)"),
            new ProviderOption(ROOT_URL, "root URL that replaces https://*.googleapis.com/ for every API, such as "
                    + "https://private.googleapis.com/ or a local mock"),
            new ProviderOption(MAX_ATTEMPTS, "attempts per API call including the first, retried on 429 and 5xx with "
                    + "exponential backoff; 1 to 20, default 5"),
            new ProviderOption(TIMEOUT, "connect and read timeout of one attempt, as an ISO-8601 duration; default "
                    + "PT60S"),
            new ProviderOption(ENDPOINT_AGENTS, "comma-separated, case-insensitive substrings of package names (at "
                    + "least 3 characters) that count as an antivirus/EDR agent in a VM's OS Config inventory; "
                    + "default: the same list as the aws provider's (CrowdStrike, SentinelOne, Defender, ClamAV, "
                    + "Trend Micro, Sophos, Carbon Black, Cortex XDR, Trellix/McAfee, Bitdefender, ESET)"));

    private static final Pattern PROJECT_ID = Pattern.compile("[a-z][a-z0-9-]{4,28}[a-z0-9]|[a-z0-9.:-]{3,63}");
    private static final Pattern NUMERIC_ID = Pattern.compile("[0-9]{1,20}");

    GcpOptions {
        projects = List.copyOf(requireNonNull(projects, "projects is null"));
        requireNonNull(folder, "folder is null");
        requireNonNull(organization, "organization is null");
        requireNonNull(impersonate, "impersonate is null");
        requireNonNull(workspaceCustomer, "workspaceCustomer is null");
        requireNonNull(workspaceDomain, "workspaceDomain is null");
        requireNonNull(workspaceAdmin, "workspaceAdmin is null");
        requireNonNull(rootUrl, "rootUrl is null");
        requireNonNull(timeout, "timeout is null");
        requireNonNull(endpointAgents, "endpointAgents is null");
    }

    boolean workspaceConfigured() {
        return !workspaceCustomer.isEmpty() || !workspaceDomain.isEmpty();
    }

    /**
     * Reads and checks every option.
     *
     * @throws InvalidOptionException naming the option, the bad value and what is expected
     */
    static GcpOptions parse(Function<String, Optional<String>> option, Function<String, List<String>> list) {
        List<String> projects = list.apply(PROJECTS);
        for (String project : projects) {
            if (!PROJECT_ID.matcher(project).matches()) {
                throw new InvalidOptionException("option " + PROJECTS + ": '" + project + "' is not a project id "
                        + "(6 to 30 lower-case letters, digits and hyphens)");
            }
        }
        String folder = numeric(option, FOLDER, "folders/");
        String organization = numeric(option, ORGANIZATION, "organizations/");
        int scopes = (projects.isEmpty() ? 0 : 1) + (folder.isEmpty() ? 0 : 1) + (organization.isEmpty() ? 0 : 1);
        if (scopes > 1) {
            throw new InvalidOptionException("options " + PROJECTS + ", " + FOLDER + " and " + ORGANIZATION
                    + " choose the scope: give one of them");
        }
        String impersonate = option.apply(IMPERSONATE).orElse("");
        if (!impersonate.isEmpty() && !impersonate.matches("[^@\\s]+@[^@\\s]+\\.iam\\.gserviceaccount\\.com")) {
            throw new InvalidOptionException("option " + IMPERSONATE + ": '" + impersonate + "' is not a service "
                    + "account e-mail (NAME@PROJECT.iam.gserviceaccount.com)");
        }
        String customer = option.apply(WORKSPACE_CUSTOMER).orElse("");
        String domain = option.apply(WORKSPACE_DOMAIN).orElse("");
        if (!customer.isEmpty() && !domain.isEmpty()) {
            throw new InvalidOptionException("options " + WORKSPACE_CUSTOMER + " and " + WORKSPACE_DOMAIN
                    + ": give one of them");
        }
        if (!customer.isEmpty() && !customer.matches("my_customer|C[0-9a-z]{5,20}")) {
            throw new InvalidOptionException("option " + WORKSPACE_CUSTOMER + ": '" + customer + "' is not a "
                    + "customer id (C0xxxxxxx, from the Admin console's Account settings) or my_customer");
        }
        String admin = option.apply(WORKSPACE_ADMIN).orElse("");
        if (!admin.isEmpty() && !admin.contains("@")) {
            throw new InvalidOptionException("option " + WORKSPACE_ADMIN + ": '" + admin + "' is not an e-mail");
        }
        if (!admin.isEmpty() && customer.isEmpty() && domain.isEmpty()) {
            throw new InvalidOptionException("option " + WORKSPACE_ADMIN + " needs " + WORKSPACE_CUSTOMER + " or "
                    + WORKSPACE_DOMAIN);
        }
        return new GcpOptions(projects, folder, organization, impersonate, customer, domain, admin,
                rootUrl(option), maxAttempts(option), timeout(option), endpointAgents(option));
    }

    private static String numeric(Function<String, Optional<String>> option, String key, String prefix) {
        String value = option.apply(key).orElse("");
        if (value.startsWith(prefix)) {
            value = value.substring(prefix.length());
        }
        if (!value.isEmpty() && !NUMERIC_ID.matcher(value).matches()) {
            throw new InvalidOptionException("option " + key + ": '" + value + "' is not a numeric id such as "
                    + "123456789012");
        }
        return value;
    }

    private static String rootUrl(Function<String, Optional<String>> option) {
        Optional<String> value = option.apply(ROOT_URL);
        if (value.isEmpty()) {
            return "";
        }
        try {
            URI uri = new URI(value.get());
            if (uri.getHost() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))
                    || uri.getQuery() != null || uri.getFragment() != null) {
                throw new URISyntaxException(value.get(), "not http(s)://host[:port][/path]");
            }
        } catch (URISyntaxException | NullPointerException e) {
            throw new InvalidOptionException("option " + ROOT_URL + ": '" + value.get() + "' is not an "
                    + "http(s)://host[:port]/ URL");
        }
        return value.get().endsWith("/") ? value.get() : value.get() + "/";
    }

    private static int maxAttempts(Function<String, Optional<String>> option) {
        Optional<String> value = option.apply(MAX_ATTEMPTS);
        if (value.isEmpty()) {
            return 5;
        }
        try {
            int attempts = Integer.parseInt(value.get());
            if (attempts >= 1 && attempts <= 20) {
                return attempts;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidOptionException("option " + MAX_ATTEMPTS + ": '" + value.get() + "' is not a whole number "
                + "from 1 to 20");
    }

    private static EndpointAgents endpointAgents(Function<String, Optional<String>> option) {
        Optional<String> value = option.apply(ENDPOINT_AGENTS);
        if (value.isEmpty()) {
            return EndpointAgents.DEFAULT;
        }
        try {
            return EndpointAgents.parse(value.get());
        } catch (IllegalArgumentException e) {
            throw new InvalidOptionException("option " + ENDPOINT_AGENTS + ": " + e.getMessage());
        }
    }

    private static Duration timeout(Function<String, Optional<String>> option) {
        Optional<String> value = option.apply(TIMEOUT);
        if (value.isEmpty()) {
            return Duration.ofSeconds(60);
        }
        try {
            Duration timeout = Duration.parse(value.get());
            if (!timeout.isNegative() && !timeout.isZero() && timeout.compareTo(Duration.ofMinutes(30)) <= 0) {
                return timeout;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new InvalidOptionException("option " + TIMEOUT + ": '" + value.get() + "' is not an ISO-8601 duration "
                + "from PT0.001S to PT30M, such as PT30S");
    }

    /** An option with a value that cannot be used. */
    static final class InvalidOptionException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidOptionException(String message) {
            super(message);
        }
    }
}
