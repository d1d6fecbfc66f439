package dev.evidentry.gcp;

import static java.util.Objects.requireNonNull;

import com.google.api.client.googleapis.services.AbstractGoogleClient;
import com.google.api.client.googleapis.services.GoogleClientRequestInitializer;
import com.google.api.client.http.HttpBackOffIOExceptionHandler;
import com.google.api.client.http.HttpBackOffUnsuccessfulResponseHandler;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.HttpUnsuccessfulResponseHandler;
import com.google.api.client.json.JsonFactory;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.client.util.ExponentialBackOff;
import com.google.api.client.util.Sleeper;
import com.google.api.services.cloudkms.v1.CloudKMS;
import com.google.api.services.cloudresourcemanager.v3.CloudResourceManager;
import com.google.api.services.compute.Compute;
import com.google.api.services.directory.Directory;
import com.google.api.services.sqladmin.SQLAdmin;
import com.google.api.services.storage.Storage;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.GoogleCredentials;
import dev.evidentry.spi.CollectContext;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One client per Google API, built once for the scan and shared by every thread, all on one {@link EvidenceTransport}.
 * Every request gets the scan's credentials (their access tokens registered as secrets), a per-attempt connect and
 * read timeout, and retries: 429 and 5xx answers and I/O failures (timeouts included) are retried with exponential
 * backoff (500 ms doubling, randomised by half, at most 16 s apart) up to {@code max-attempts} attempts in all, and a
 * 401 once after refreshing the token. The sleeper between attempts is injected, so tests do not wait.
 */
final class GcpClients {

    static final String APPLICATION_NAME = "evidentry";

    private final Storage storage;
    private final Compute compute;
    private final SQLAdmin sql;
    private final CloudKMS kms;
    private final CloudResourceManager resourceManager;
    private final Directory directory;
    private final OsConfig osConfig;

    GcpClients(GcpOptions options, CollectContext context, HttpTransport transport, GoogleCredentials cloud,
            GoogleCredentials workspace, Sleeper sleeper) {
        requireNonNull(options, "options is null");
        requireNonNull(context, "context is null");
        requireNonNull(cloud, "cloud is null");
        requireNonNull(sleeper, "sleeper is null");
        HttpTransport evidence = new EvidenceTransport(transport, context);
        JsonFactory json = GsonFactory.getDefaultInstance();
        Set<String> registered = ConcurrentHashMap.newKeySet();
        HttpRequestInitializer cloudInit = new RequestSetup(cloud, context, registered, options, sleeper);
        GoogleClientRequestInitializer operation = request -> request.getRequestHeaders()
                .set(EvidenceTransport.OPERATION_HEADER, GcpCalls.operation(request));
        String root = options.rootUrl();
        storage = configure(new Storage.Builder(evidence, json, cloudInit), root, operation).build();
        compute = configure(new Compute.Builder(evidence, json, cloudInit), root, operation).build();
        sql = configure(new SQLAdmin.Builder(evidence, json, cloudInit), root, operation).build();
        kms = configure(new CloudKMS.Builder(evidence, json, cloudInit), root, operation).build();
        resourceManager = configure(new CloudResourceManager.Builder(evidence, json, cloudInit), root, operation)
                .build();
        osConfig = configure(new OsConfig.Builder(evidence, json, cloudInit), root, operation).build();
        directory = workspace == null ? null : configure(new Directory.Builder(evidence, json,
                new RequestSetup(workspace, context, registered, options, sleeper)), root, operation).build();
    }

    private static <B extends AbstractGoogleClient.Builder> B configure(B builder, String root,
            GoogleClientRequestInitializer operation) {
        builder.setApplicationName(APPLICATION_NAME);
        builder.setGoogleClientRequestInitializer(operation);
        if (!root.isEmpty()) {
            builder.setRootUrl(root);
        }
        return builder;
    }

    Storage storage() {
        return storage;
    }

    Compute compute() {
        return compute;
    }

    SQLAdmin sql() {
        return sql;
    }

    CloudKMS kms() {
        return kms;
    }

    CloudResourceManager resourceManager() {
        return resourceManager;
    }

    OsConfig osConfig() {
        return osConfig;
    }

    /** The Directory API client, or {@code null} when no Workspace is configured. */
    Directory directory() {
        return directory;
    }

    /** Credentials, timeouts and retries on every request. */
    private static final class RequestSetup implements HttpRequestInitializer {
        private final GoogleCredentials credentials;
        private final CollectContext context;
        private final Set<String> registered;
        private final int maxAttempts;
        private final int timeoutMillis;
        private final Sleeper sleeper;

        RequestSetup(GoogleCredentials credentials, CollectContext context, Set<String> registered,
                GcpOptions options, Sleeper sleeper) {
            this.credentials = credentials;
            this.context = context;
            this.registered = registered;
            this.maxAttempts = options.maxAttempts();
            this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, options.timeout().toMillis());
            this.sleeper = sleeper;
        }

        @Override
        public void initialize(HttpRequest request) throws IOException {
            HttpCredentialsAdapter adapter = new HttpCredentialsAdapter(credentials);
            try {
                adapter.initialize(request); // the Authorization header, from a token it may fetch first
            } catch (IOException e) {
                throw new CredentialsException(e);
            } catch (RuntimeException e) {
                throw new CredentialsException(new IOException(e.getMessage(), e));
            }
            register(request.getHeaders().getAuthorization());
            HttpBackOffUnsuccessfulResponseHandler backOff = new HttpBackOffUnsuccessfulResponseHandler(backOff())
                    .setSleeper(sleeper)
                    .setBackOffRequired(response -> response.getStatusCode() == 429
                            || response.getStatusCode() >= 500 && response.getStatusCode() != 501);
            request.setNumberOfRetries(maxAttempts - 1);
            request.setConnectTimeout(timeoutMillis);
            request.setReadTimeout(timeoutMillis);
            request.setIOExceptionHandler(new HttpBackOffIOExceptionHandler(backOff()).setSleeper(sleeper));
            install(request, adapter, backOff);
        }

        /**
         * A 401 is retried once the adapter has refreshed the token (it then puts itself back as the handler, so ours
         * goes back on); 429 and 5xx are retried with backoff.
         */
        private void install(HttpRequest request, HttpCredentialsAdapter adapter,
                HttpBackOffUnsuccessfulResponseHandler backOff) {
            HttpUnsuccessfulResponseHandler handler = (r, response, supportsRetry) -> {
                boolean refreshed;
                try {
                    refreshed = adapter.handleResponse(r, response, supportsRetry);
                } catch (RuntimeException e) {
                    refreshed = false; // credentials that cannot refresh: the 401 stands
                }
                if (refreshed) {
                    register(r.getHeaders().getAuthorization());
                    install(r, adapter, backOff);
                    return true;
                }
                return backOff.handleResponse(r, response, supportsRetry);
            };
            request.setUnsuccessfulResponseHandler(handler);
        }

        private void register(String authorization) {
            if (authorization == null) {
                return;
            }
            int space = authorization.indexOf(' ');
            String token = space < 0 ? authorization : authorization.substring(space + 1);
            if (registered.add(token)) {
                context.registerSecret(token);
            }
        }

        private static ExponentialBackOff backOff() {
            return new ExponentialBackOff.Builder()
                    .setInitialIntervalMillis(500)
                    .setMultiplier(2)
                    .setRandomizationFactor(0.5)
                    .setMaxIntervalMillis(16_000)
                    .setMaxElapsedTimeMillis(300_000)
                    .build();
        }
    }
}
