package dev.evidentry.gcp;

import static java.util.Objects.requireNonNull;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.util.Sleeper;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ImpersonatedCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import dev.evidentry.provider.support.FactKinds;
import dev.evidentry.provider.support.ProviderVersion;
import dev.evidentry.spi.CollectContext;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.Provider;
import dev.evidentry.spi.ProviderDescriptor;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Google Cloud and Google Workspace, with Google's REST (apiary) client libraries on one shared, evidence-recording
 * HTTP transport: per project Cloud Storage buckets and their IAM policies, Compute Engine disks, Cloud SQL instances,
 * Cloud KMS keys, the project's audit log configuration and its VMs' endpoint agents (OS Config inventory); and
 * Workspace users' 2-Step Verification.
 *
 * <p>Order of work: read the options; load Application Default Credentials (impersonating a service account when
 * asked), stopping with one issue when there are none; find the projects; then every project's listings and the
 * Workspace users at once on the engine's pool, then the per-item calls the listings made necessary.
 */
public final class GcpProvider implements Provider {

    static final String ID = "gcp";
    static final String DISPLAY_NAME = "Google Cloud";

    static final String CLOUD_SCOPE = "https://www.googleapis.com/auth/cloud-platform";
    static final String DIRECTORY_SCOPE = "https://www.googleapis.com/auth/admin.directory.user.readonly";

    /** The kinds read project by project: what a project left out of the scan costs. */
    static final Set<String> PROJECT_KINDS = FactKinds.union(StorageCollector.KINDS, DiskCollector.KINDS,
            SqlCollector.KINDS, KmsCollector.KINDS, AuditLoggingCollector.KINDS, EndpointCollector.KINDS);
    static final Set<String> FACT_KINDS = FactKinds.union(PROJECT_KINDS, WorkspaceCollector.KINDS);

    private static final String VERSION = ProviderVersion.of(GcpProvider.class);

    private final CredentialSource credentialSource;
    private final Sleeper sleeper;
    private final Supplier<HttpTransport> transport;

    public GcpProvider() {
        this(CredentialSource.APPLICATION_DEFAULT, Sleeper.DEFAULT, NetHttpTransport::new);
    }

    /** For tests: their own credentials, a sleeper that does not sleep, their own transport. */
    GcpProvider(CredentialSource credentialSource, Sleeper sleeper, Supplier<HttpTransport> transport) {
        this.credentialSource = requireNonNull(credentialSource, "credentialSource is null");
        this.sleeper = requireNonNull(sleeper, "sleeper is null");
        this.transport = requireNonNull(transport, "transport is null");
    }

    @Override
    public ProviderDescriptor descriptor() {
        return new ProviderDescriptor(ID, DISPLAY_NAME, VERSION, FACT_KINDS, GcpOptions.DESCRIPTIONS, Set.of());
    }

    @Override
    public void collect(CollectContext context, FactSink sink) {
        GcpOptions options;
        try {
            options = GcpOptions.parse(context::option, context::optionList);
        } catch (GcpOptions.InvalidOptionException e) {
            sink.issue(new CollectionIssue(ID, "", "", null, "gcp:options", FACT_KINDS, IssueCause.CONFIGURATION,
                    e.getMessage()));
            return;
        }
        GoogleCredentials base;
        try {
            base = credentialSource.load();
        } catch (IOException | RuntimeException e) {
            sink.issue(new CollectionIssue(ID, "", "", null, "gcp:credentials", FACT_KINDS,
                    IssueCause.INVALID_CREDENTIALS, "no Google Application Default Credentials: run gcloud auth "
                            + "application-default login, or set GOOGLE_APPLICATION_CREDENTIALS to a service account "
                            + "key or a workload identity federation configuration file (on Google Cloud, the "
                            + "attached service account is used); the library said: " + FailureClassifier.detail(e)));
            return;
        }
        HttpTransport http = transport.get();
        GoogleCredentials cloud = cloudCredentials(base, options, http);
        GoogleCredentials workspace = null;
        if (options.workspaceConfigured()) {
            try {
                workspace = workspaceCredentials(base, options, http);
            } catch (IllegalStateException e) {
                sink.issue(new CollectionIssue(ID, options.workspaceCustomer().isEmpty() ? options.workspaceDomain()
                        : options.workspaceCustomer(), "", null, "gcp:credentials", WorkspaceCollector.KINDS,
                        IssueCause.CONFIGURATION, e.getMessage()));
            }
        }
        GcpClients clients = new GcpClients(options, context, http, cloud, workspace, sleeper);
        Work work = new Work(context, sink);

        ProjectDiscovery discovery = new ProjectDiscovery(clients, work, PROJECT_KINDS);
        discovery.start(options);
        if (workspace != null) {
            new WorkspaceCollector(clients, sink, work).start(options.workspaceCustomer(), options.workspaceDomain());
        }
        work.runAll();

        StorageCollector storage = new StorageCollector(clients, sink, work);
        DiskCollector disks = new DiskCollector(clients, sink, work);
        SqlCollector sql = new SqlCollector(clients, sink, work);
        KmsCollector kms = new KmsCollector(clients, sink, work);
        AuditLoggingCollector audit = new AuditLoggingCollector(clients, sink, work, discovery.parents());
        EndpointCollector endpoints = new EndpointCollector(clients, sink, work, options.endpointAgents());
        for (String project : discovery.projects()) {
            storage.start(project);
            disks.start(project);
            sql.start(project);
            kms.start(project);
            audit.start(project);
            endpoints.start(project);
        }
        work.runAll();
    }

    private static GoogleCredentials cloudCredentials(GoogleCredentials base, GcpOptions options,
            HttpTransport http) {
        GoogleCredentials scoped = base.createScoped(List.of(CLOUD_SCOPE));
        if (options.impersonate().isEmpty()) {
            return scoped;
        }
        return impersonated(scoped, options, List.of(CLOUD_SCOPE), http);
    }

    /**
     * Credentials for the Directory API: with {@code workspace-admin}, a service account key's credentials acting as
     * that administrator (domain-wide delegation); otherwise the credentials themselves, for a service account that
     * holds a Workspace admin role or a user who is an administrator.
     */
    private static GoogleCredentials workspaceCredentials(GoogleCredentials base, GcpOptions options,
            HttpTransport http) {
        List<String> scopes = List.of(DIRECTORY_SCOPE);
        if (!options.workspaceAdmin().isEmpty()) {
            if (!options.impersonate().isEmpty() || !(base instanceof ServiceAccountCredentials)) {
                throw new IllegalStateException("option " + GcpOptions.WORKSPACE_ADMIN + " needs domain-wide "
                        + "delegation, which needs a service account key as the Application Default Credentials "
                        + "(GOOGLE_APPLICATION_CREDENTIALS) and no impersonation; the credentials found are "
                        + base.getClass().getSimpleName() + (options.impersonate().isEmpty() ? ""
                                : " with impersonation")
                        + ": leave workspace-admin out when the identity itself holds a Workspace admin role");
            }
            return base.createScoped(scopes).createDelegated(options.workspaceAdmin());
        }
        if (!options.impersonate().isEmpty()) {
            return impersonated(base.createScoped(List.of(CLOUD_SCOPE)), options, scopes, http);
        }
        return base.createScoped(scopes);
    }

    /**
     * Impersonation through the IAM Credentials API. Its answers carry access tokens, so they go over a transport of
     * their own and are never recorded as evidence.
     */
    private static GoogleCredentials impersonated(GoogleCredentials source, GcpOptions options, List<String> scopes,
            HttpTransport http) {
        HttpTransport plain = http instanceof EvidenceTransport ? new NetHttpTransport() : http;
        ImpersonatedCredentials.Builder builder = ImpersonatedCredentials.newBuilder()
                .setSourceCredentials(source)
                .setTargetPrincipal(options.impersonate())
                .setScopes(scopes)
                .setLifetime(3600)
                .setHttpTransportFactory(() -> plain);
        if (!options.rootUrl().isEmpty()) {
            builder.setIamEndpointOverride(options.rootUrl() + "v1/projects/-/serviceAccounts/"
                    + options.impersonate() + ":generateAccessToken");
        }
        return builder.build();
    }
}
