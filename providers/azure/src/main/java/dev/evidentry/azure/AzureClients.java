package dev.evidentry.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.ExponentialBackoff;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.util.Configuration;
import com.azure.core.util.ConfigurationBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import dev.evidentry.spi.CollectContext;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Builds the HTTP client (the JDK's, no Netty), the production credential and the two pipelines, once per scan.
 *
 * <p>Each pipeline: user agent, {@link RetryPolicy} (exponential backoff with jitter from {@code retry-delay}, at most
 * {@code max-retries} retries on 408, 429, 5xx but 501 and 505, and transport failures; a {@code Retry-After},
 * {@code retry-after-ms} or {@code x-ms-retry-after-ms} header sets the delay instead), the bearer token for the API's
 * scope, then the {@link EvidencePolicy} once per attempt.
 */
final class AzureClients {

    static final String GRAPH_VERSION = "/v1.0";

    private AzureClients() {}

    static HttpClient httpClient(AzureOptions options) {
        return new JdkHttpClientBuilder()
                .connectionTimeout(options.timeout())
                .responseTimeout(options.timeout())
                .readTimeout(options.timeout())
                .build();
    }

    /**
     * {@code DefaultAzureCredential}: environment (service principal secret or certificate), workload identity
     * (federated token file), managed identity, then the Azure CLI and other developer tools.
     */
    static TokenCredential defaultCredential(AzureOptions options, HttpClient client, Map<String, String> environment) {
        // The configuration first: setting it re-reads AZURE_AUTHORITY_HOST, which the option below must override.
        DefaultAzureCredentialBuilder builder = new DefaultAzureCredentialBuilder()
                .configuration(configuration(environment))
                .httpClient(client);
        options.tenantId().ifPresent(builder::tenantId);
        options.authorityHost().ifPresent(host -> builder.authorityHost(host.toString()));
        return builder.build();
    }

    /**
     * The configuration the credential reads its variables from: {@code environment} alone (the process environment in
     * production), so what the credential sees is exactly what the provider registered as secrets.
     */
    static Configuration configuration(Map<String, String> environment) {
        Map<String, String> variables = Map.copyOf(environment);
        return new ConfigurationBuilder(path -> Map.of(), path -> Map.of(), path -> variables).build();
    }

    /** The scope whose token an API accepts: {@code <endpoint>/.default}. */
    static String scope(URI endpoint) {
        return endpoint + "/.default";
    }

    static HttpPipeline pipeline(HttpClient client, TokenCredential credential, URI endpoint, AzureOptions options,
            CollectContext context, String service) {
        Duration base = options.retryDelay();
        Duration max = base.multipliedBy(32).compareTo(Duration.ofSeconds(60)) > 0 ? Duration.ofSeconds(60)
                : base.multipliedBy(32);
        ExponentialBackoffOptions backoff = new ExponentialBackoffOptions()
                .setMaxRetries(options.maxRetries())
                .setBaseDelay(base)
                .setMaxDelay(max.compareTo(base) < 0 ? base : max);
        return new HttpPipelineBuilder()
                .httpClient(client)
                .policies(
                        new UserAgentPolicy("evidentry-provider-azure/" + AzureProvider.VERSION),
                        new RetryPolicy(new ExponentialBackoff(backoff)),
                        new BearerTokenAuthenticationPolicy(credential, scope(endpoint)),
                        new EvidencePolicy(context, service))
                .build();
    }
}
