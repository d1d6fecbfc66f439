package dev.evidentry.okta;

import static java.util.Objects.requireNonNull;

import com.okta.sdk.resource.api.PolicyApi;
import com.okta.sdk.resource.api.RoleAssignmentAUserApi;
import com.okta.sdk.resource.api.UserApi;
import com.okta.sdk.resource.api.UserFactorApi;
import com.okta.sdk.resource.client.ApiClient;
import dev.evidentry.provider.support.CallException;
import dev.evidentry.provider.support.FactKinds;
import dev.evidentry.provider.support.ProviderVersion;
import dev.evidentry.spi.CollectContext;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.Provider;
import dev.evidentry.spi.ProviderDescriptor;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Okta: users, their factors and admin roles, global session and authentication policies with their rules, and
 * password policies, with the Okta Java SDK (Management API).
 *
 * <p>Order of work: read the options; build the SDK client (for a service app this fetches an access token); list
 * the users, which also proves the credentials (rejected credentials stop the scan with one issue); then concurrently
 * each user's factors and roles and the three policy listings; then each policy's rules.
 */
public final class OktaProvider implements Provider {

    static final String ID = "okta";
    static final String DISPLAY_NAME = "Okta";

    static final Set<String> FACT_KINDS = FactKinds.union(UserCollector.KINDS, PolicyCollector.KINDS);

    private static final String VERSION = ProviderVersion.of(OktaProvider.class);

    private final Sleeper sleeper;
    private final Function<String, String> environment;

    public OktaProvider() {
        this(Sleeper.REAL, System::getenv);
    }

    /** For tests: a sleeper that records instead of sleeping, a fake environment. */
    OktaProvider(Sleeper sleeper, Function<String, String> environment) {
        this.sleeper = requireNonNull(sleeper, "sleeper is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public ProviderDescriptor descriptor() {
        return new ProviderDescriptor(ID, DISPLAY_NAME, VERSION, FACT_KINDS, OktaOptions.DESCRIPTIONS,
                OktaOptions.SECRET_OPTIONS);
    }

    @Override
    public void collect(CollectContext context, FactSink sink) {
        OktaOptions options;
        try {
            options = OktaOptions.parse(context::option, environment);
        } catch (OktaOptions.MissingCredentialsException e) {
            sink.issue(new CollectionIssue(ID, context.option(OktaOptions.ORG_URL).map(OktaProvider::hostOf)
                    .orElse(""), "", null, "okta:credentials", FACT_KINDS, IssueCause.INVALID_CREDENTIALS,
                    e.getMessage()));
            return;
        } catch (OktaOptions.InvalidOptionException e) {
            sink.issue(new CollectionIssue(ID, "", "", null, "okta:options", FACT_KINDS, IssueCause.CONFIGURATION,
                    e.getMessage()));
            return;
        }
        if (options.auth() instanceof OktaOptions.ApiToken token) {
            context.registerSecret(token.token());
        }
        Org org = new Org(options.host());
        OktaCalls calls = new OktaCalls(new RateLimiter(context.clock()), sleeper, options.maxAttempts(),
                options.maxRateLimitWait());

        ApiClient client;
        try {
            client = calls.call(OktaOperation.TOKEN, () -> build(options, context)).value();
        } catch (CallException e) {
            sink.issue(new CollectionIssue(ID, org.host(), "", null, e.operation(), FACT_KINDS, e.issueCause(),
                    credentialsMessage(e, options)));
            return;
        } catch (RuntimeException e) {
            sink.issue(new CollectionIssue(ID, org.host(), "", null, "okta:client", FACT_KINDS,
                    FailureClassifier.cause(e) == IssueCause.UNKNOWN ? IssueCause.CONFIGURATION
                            : FailureClassifier.cause(e), "cannot set up the Okta client: "
                            + FailureClassifier.detail(e)));
            return;
        }

        try {
            collect(context, sink, options, org, calls, client);
        } finally {
            try {
                client.getHttpClient().close();
            } catch (IOException e) {
                // Nothing left to read from it; the scan's facts are unaffected.
            }
        }
    }

    private static void collect(CollectContext context, FactSink sink, OktaOptions options, Org org, OktaCalls calls,
            ApiClient client) {
        UserCollector users = new UserCollector(new UserApi(client), new UserFactorApi(client),
                new RoleAssignmentAUserApi(client), calls, org, sink, options.pageSize());
        PolicyCollector policies = new PolicyCollector(new PolicyApi(client), calls, org, sink);

        List<UserCollector.ListedUser> listed = new CopyOnWriteArrayList<>();
        context.progress().planned(1);
        try {
            users.listUsers(listed);
        } catch (CallException e) {
            // Rejected credentials, or a server whose certificate is not trusted: every other call would fail alike.
            if ((e.issueCause() == IssueCause.INVALID_CREDENTIALS || e.issueCause() == IssueCause.CONFIGURATION)
                    && listed.isEmpty()) {
                sink.issue(new CollectionIssue(ID, org.host(), "", null, e.operation(), FACT_KINDS, e.issueCause(),
                        credentialsMessage(e, options)));
                return;
            }
            org.report(sink, null, UserCollector.KINDS, listed.isEmpty() ? e : e.explained(listed.size()
                    + " users were read before it, so the others are missing"));
        } finally {
            context.progress().done(OktaOperation.LIST_USERS.issueName());
        }

        List<Task> tasks = new ArrayList<>(policies.listingTasks());
        tasks.addAll(users.userTasks(listed));
        Task.runAll(context, org, sink, tasks);
        users.finish();
        Task.runAll(context, org, sink, policies.ruleTasks());
    }

    /** The SDK client; failures of the service app's token request come back as the SDK's exceptions. */
    private static ApiClient build(OktaOptions options, CollectContext context) {
        try {
            return OktaClientFactory.build(options, new EvidenceRecorder(context));
        } catch (GeneralSecurityException | IOException e) {
            throw new CallException("okta:client", IssueCause.CONFIGURATION, "cannot read the trust store of the "
                    + "option " + OktaOptions.CA_FILE + ": " + e.getMessage(), null, e);
        }
    }

    private static String credentialsMessage(CallException e, OktaOptions options) {
        if (e.issueCause() != IssueCause.INVALID_CREDENTIALS) {
            return e.message() + "; nothing could be collected";
        }
        if (options.auth() instanceof OktaOptions.ApiToken token) {
            return "Okta rejected the API token from the " + token.source() + ": " + e.message() + "; set "
                    + OktaOptions.TOKEN_VARIABLE + " (or the option " + OktaOptions.API_TOKEN + ") to a current token "
                    + "of this org (" + options.orgUrl() + "), created by a Read-Only Administrator (Security > API > "
                    + "Tokens); tokens expire after 30 days unused";
        }
        OktaOptions.ServiceApp app = (OktaOptions.ServiceApp) options.auth();
        return "Okta rejected the service app " + app.clientId() + ": " + e.message() + "; check the options "
                + OktaOptions.CLIENT_ID + " and " + OktaOptions.PRIVATE_KEY_FILE + " (the app must hold the key's "
                + "public half" + app.keyId().map(kid -> " with kid " + kid).orElse("") + ", use public key / "
                + "private key client authentication, and be granted the scopes "
                + String.join(" ", new TreeSet<>(app.scopes())) + ")";
    }

    private static String hostOf(String url) {
        try {
            String host = java.net.URI.create(url).getHost();
            return host == null ? "" : host.toLowerCase(java.util.Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
