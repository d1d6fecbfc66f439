package dev.evidentry.azure;

import static java.util.Objects.requireNonNull;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evidentry.provider.support.FactKinds;
import dev.evidentry.provider.support.ProviderVersion;
import dev.evidentry.spi.CollectContext;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.Provider;
import dev.evidentry.spi.ProviderDescriptor;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Microsoft Azure: Entra ID through Microsoft Graph, and each subscription's resources through Azure Resource Manager,
 * both over azure-core's HTTP pipeline with {@code DefaultAzureCredential}.
 *
 * <p>Order of work: read the options; get a Resource Manager token, stopping with one issue when the credential is
 * missing or rejected; learn the tenant (option, else the token's {@code tid} claim); list the subscriptions; then the
 * Entra ID task and every (subscription, service) task concurrently on the engine's bounded pool.
 */
public final class AzureProvider implements Provider {

    static final String ID = "azure";
    static final String DISPLAY_NAME = "Microsoft Azure";
    static final String VERSION = ProviderVersion.of(AzureProvider.class);

    static final String SUBSCRIPTIONS_API_VERSION = "2022-12-01";
    static final String SUBSCRIPTIONS_OPERATION = "Microsoft.Resources/subscriptions:list";

    /** Kinds read per subscription through Resource Manager. */
    static final Set<String> ARM_KINDS = FactKinds.union(StorageCollector.KINDS, DiskCollector.KINDS,
            SqlCollector.KINDS, KeyVaultCollector.KINDS, DefenderCollector.KINDS, EndpointCollector.KINDS,
            ActivityLogCollector.KINDS);

    /** Kinds read per tenant through Microsoft Graph. */
    static final Set<String> ENTRA_KINDS = EntraCollector.KINDS;

    static final Set<String> FACT_KINDS = FactKinds.union(ARM_KINDS, ENTRA_KINDS);

    /** Environment variables DefaultAzureCredential reads that hold secrets. */
    private static final List<String> SECRET_VARIABLES = List.of("AZURE_CLIENT_SECRET",
            "AZURE_CLIENT_CERTIFICATE_PASSWORD", "AZURE_PASSWORD");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BiFunction<AzureOptions, HttpClient, TokenCredential> credentials;
    private final Map<String, String> environment;

    public AzureProvider() {
        this(System.getenv());
    }

    /**
     * DefaultAzureCredential, as in production, reading its variables ({@code AZURE_TENANT_ID}, {@code AZURE_CLIENT_ID},
     * {@code AZURE_CLIENT_SECRET}, ...) from {@code environment}: the process environment, or a test's own.
     */
    AzureProvider(Map<String, String> environment) {
        this((options, client) -> AzureClients.defaultCredential(options, client, environment), environment);
    }

    /** For tests: a credential in place of DefaultAzureCredential, and the environment whose secrets it registers. */
    AzureProvider(BiFunction<AzureOptions, HttpClient, TokenCredential> credentials, Map<String, String> environment) {
        this.credentials = requireNonNull(credentials, "credentials is null");
        this.environment = Map.copyOf(requireNonNull(environment, "environment is null"));
    }

    @Override
    public ProviderDescriptor descriptor() {
        return new ProviderDescriptor(ID, DISPLAY_NAME, VERSION, FACT_KINDS, AzureOptions.DESCRIPTIONS, Set.of());
    }

    @Override
    public void collect(CollectContext context, FactSink sink) {
        AzureOptions options;
        try {
            options = AzureOptions.parse(context::option);
        } catch (AzureOptions.InvalidOptionException e) {
            sink.issue(new CollectionIssue(ID, "", "", null, "azure:options", FACT_KINDS, IssueCause.CONFIGURATION,
                    e.getMessage()));
            return;
        }
        for (String variable : SECRET_VARIABLES) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                context.registerSecret(value);
            }
        }
        String account = options.tenantId().orElse("");
        HttpClient client = AzureClients.httpClient(options);
        TokenCredential credential;
        try {
            credential = new SecretRegisteringCredential(credentials.apply(options, client), context);
        } catch (RuntimeException e) {
            sink.issue(new CollectionIssue(ID, account, "", null, "azure:credentials", FACT_KINDS,
                    IssueCause.CONFIGURATION, "cannot set up DefaultAzureCredential: " + e.getMessage()));
            return;
        }
        AccessToken token;
        try {
            token = credential.getTokenSync(new TokenRequestContext()
                    .addScopes(AzureClients.scope(options.armEndpoint())));
            if (token == null || token.getToken() == null || token.getToken().isEmpty()) {
                throw new IllegalStateException("the credential returned no token");
            }
        } catch (RuntimeException e) {
            sink.issue(new CollectionIssue(ID, account, "", null, "azure:token", FACT_KINDS,
                    IssueCause.INVALID_CREDENTIALS, credentialMessage(e)));
            return;
        }
        String tenant = options.tenantId().or(() -> tenantOf(token.getToken())).orElse("");

        AzureRest arm = new AzureRest(AzureClients.pipeline(client, credential, options.armEndpoint(), options,
                context, "arm"), options.armEndpoint(), "nextLink");
        List<Runnable> tasks = new ArrayList<>();
        if (tenant.isEmpty()) {
            sink.issue(new CollectionIssue(ID, "", "", null, "azure:tenant", ENTRA_KINDS, IssueCause.CONFIGURATION,
                    "the tenant is unknown (the token names none): set the option tenant-id to read Entra ID"));
        } else {
            AzureRest graph = new AzureRest(AzureClients.pipeline(client, credential, options.graphEndpoint(),
                    options, context, "graph"), URI.create(options.graphEndpoint() + AzureClients.GRAPH_VERSION),
                    "@odata.nextLink");
            EntraCollector entra = new EntraCollector(graph, tenant, sink);
            tasks.add(() -> {
                entra.runGuarded();
                context.progress().done("Entra ID of tenant " + tenant);
            });
        }
        for (Subscription subscription : subscriptions(arm, options, tenant, sink)) {
            for (ArmCollector collector : collectors(arm, subscription, sink)) {
                tasks.add(() -> {
                    collector.run();
                    context.progress().done(collector.name() + " of " + subscription.describe());
                });
            }
        }
        context.progress().planned(tasks.size());
        context.forEachConcurrently(tasks, Runnable::run);
    }

    private static List<ArmCollector> collectors(AzureRest arm, Subscription subscription, FactSink sink) {
        return List.of(new StorageCollector(arm, subscription, sink), new DiskCollector(arm, subscription, sink),
                new SqlCollector(arm, subscription, sink), new KeyVaultCollector(arm, subscription, sink),
                new DefenderCollector(arm, subscription, sink), new EndpointCollector(arm, subscription, sink),
                new ActivityLogCollector(arm, subscription, sink));
    }

    /**
     * The subscriptions in scope: every one the identity can read that is not disabled, or those the option names
     * (each one not visible becomes an issue for its Resource Manager kinds).
     */
    private static List<Subscription> subscriptions(AzureRest arm, AzureOptions options, String tenant,
            FactSink sink) {
        Map<String, Subscription> visible = new LinkedHashMap<>();
        try {
            arm.list(SUBSCRIPTIONS_OPERATION, "/subscriptions?api-version=" + SUBSCRIPTIONS_API_VERSION, page -> {
                for (JsonNode item : page.items()) {
                    String id = item.path("subscriptionId").asText("").toLowerCase(Locale.ROOT);
                    String state = item.path("state").asText("");
                    if (id.isEmpty()) {
                        throw AzureCallException.malformed(SUBSCRIPTIONS_OPERATION, "a subscription without "
                                + "subscriptionId", page.evidence());
                    }
                    if (!state.equalsIgnoreCase("Disabled") && !state.equalsIgnoreCase("Deleted")) {
                        visible.put(id, new Subscription(id, item.path("displayName").asText(""),
                                item.path("tenantId").asText(tenant)));
                    }
                }
            });
        } catch (AzureCallException e) {
            sink.issue(new CollectionIssue(ID, "", "", null, e.operation(), ARM_KINDS, e.issueCause(),
                    e.describe("the subscriptions the identity can read") + "; no subscription was scanned"));
            return List.of();
        }
        if (options.subscriptions().isEmpty()) {
            return List.copyOf(visible.values());
        }
        List<Subscription> chosen = new ArrayList<>();
        for (String id : options.subscriptions()) {
            Subscription subscription = visible.get(id);
            if (subscription == null) {
                sink.issue(new CollectionIssue(ID, id, "", null, SUBSCRIPTIONS_OPERATION, ARM_KINDS,
                        IssueCause.ACCESS_DENIED, "subscription " + id + " (option subscriptions) is not among the "
                                + "enabled subscriptions the identity can read: grant it Reader there, or check the id"));
            } else {
                chosen.add(subscription);
            }
        }
        return chosen;
    }

    /** The {@code tid} claim of a JWT access token, when it is one. */
    static Optional<String> tenantOf(String token) {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            return Optional.empty();
        }
        try {
            JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]),
                    StandardCharsets.UTF_8));
            String tid = claims.path("tid").asText("");
            return tid.isEmpty() ? Optional.empty() : Optional.of(tid.toLowerCase(Locale.ROOT));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String credentialMessage(RuntimeException e) {
        String said = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        int newline = said.indexOf('\n');
        if (newline > 0) {
            said = said.substring(0, newline);
        }
        if (said.length() > 400) {
            said = said.substring(0, 397) + "...";
        }
        return "no Azure access token from DefaultAzureCredential: set AZURE_TENANT_ID, AZURE_CLIENT_ID and "
                + "AZURE_CLIENT_SECRET (or AZURE_CLIENT_CERTIFICATE_PATH), use workload identity federation "
                + "(AZURE_FEDERATED_TOKEN_FILE) or a managed identity, or run az login; the credential said: " + said;
    }
}
