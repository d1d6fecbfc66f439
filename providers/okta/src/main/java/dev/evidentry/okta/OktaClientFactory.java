package dev.evidentry.okta;

import static java.util.Objects.requireNonNull;

import com.okta.sdk.authc.credentials.TokenClientCredentials;
import com.okta.sdk.cache.Caches;
import com.okta.sdk.client.AuthorizationMode;
import com.okta.sdk.impl.client.DefaultClientBuilder;
import com.okta.sdk.impl.config.ClientConfiguration;
import com.okta.sdk.resource.client.ApiClient;
import dev.evidentry.provider.support.TrustedCertificates;
import java.io.IOException;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.SSLConnectionSocketFactoryBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds the one Okta SDK client a scan uses: the org URL, the API token or service app, no cache (each datum is read
 * once anyway, and a cache would hide calls from the evidence), the SDK's retries off (the provider waits and retries
 * itself, through its sleeper), the evidence recorder first in the HTTP client's chain, the request timeout on
 * connect and on every read, and the trust store of the option {@code ca-file} when one is given. Certificates are
 * always verified.
 */
final class OktaClientFactory {

    /** Connections kept per route: more than the engine's pool runs at once, so calls never queue for one. */
    static final int MAX_CONNECTIONS = 32;

    private OktaClientFactory() {}

    /**
     * Builds the client. For a service app the SDK asks for an access token at once, through the recorder.
     *
     * @throws RuntimeException whatever the SDK throws: a rejected or unreadable key, an unreachable org
     */
    static ApiClient build(OktaOptions options, ExecChainHandler recorder) throws GeneralSecurityException,
            IOException {
        SSLContext ssl = options.caFile().isPresent() ? TrustedCertificates.sslContext(options.caFile().get()) : null;
        EvidentryClientBuilder builder = new EvidentryClientBuilder(options, ssl, recorder);
        builder.setOrgUrl(options.orgUrl().toString());
        builder.setCacheManager(Caches.newDisabledCacheManager());
        builder.setRetryMaxAttempts(0);
        builder.setRetryMaxElapsed(0);
        if (options.auth() instanceof OktaOptions.ApiToken token) {
            builder.setAuthorizationMode(AuthorizationMode.SSWS);
            builder.setClientCredentials(new TokenClientCredentials(token.token()));
        } else if (options.auth() instanceof OktaOptions.ServiceApp app) {
            builder.setAuthorizationMode(AuthorizationMode.PRIVATE_KEY);
            builder.setClientId(app.clientId());
            builder.setScopes(app.scopes());
            builder.setPrivateKey(app.privateKeyFile());
            app.keyId().ifPresent(builder::setKid);
        }
        return builder.build();
    }

    /** The SDK's builder, with the HTTP client the provider needs. */
    private static final class EvidentryClientBuilder extends DefaultClientBuilder {

        private final OktaOptions options;
        private final SSLContext ssl;
        private final ExecChainHandler recorder;

        EvidentryClientBuilder(OktaOptions options, SSLContext ssl, ExecChainHandler recorder) {
            this.options = requireNonNull(options, "options is null");
            this.ssl = ssl;
            this.recorder = requireNonNull(recorder, "recorder is null");
        }

        @Override
        protected HttpClientBuilder createHttpClientBuilder(ClientConfiguration clientConfig) {
            HttpClientBuilder builder = super.createHttpClientBuilder(clientConfig);
            // Retries, and the waits before them, are the provider's: through its sleeper, bounded, and recorded.
            builder.disableAutomaticRetries();
            // First in the chain: it sees every response as the SDK will, decoded, before the SDK reads it.
            builder.addExecInterceptorFirst("evidentry-evidence", recorder);
            return builder;
        }

        @Override
        protected RequestConfig.Builder createHttpRequestConfigBuilder(ClientConfiguration clientConfig) {
            Timeout timeout = timeout();
            return RequestConfig.custom().setResponseTimeout(timeout).setConnectionRequestTimeout(timeout);
        }

        @Override
        protected PoolingHttpClientConnectionManagerBuilder createHttpClientConnectionManagerBuilder(
                ClientConfiguration clientConfig) {
            Timeout timeout = timeout();
            PoolingHttpClientConnectionManagerBuilder builder = PoolingHttpClientConnectionManagerBuilder.create()
                    .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(timeout)
                            .setSocketTimeout(timeout).build())
                    .setMaxConnPerRoute(MAX_CONNECTIONS)
                    .setMaxConnTotal(MAX_CONNECTIONS);
            if (ssl != null) {
                builder.setSSLSocketFactory(SSLConnectionSocketFactoryBuilder.create().setSslContext(ssl).build());
            }
            return builder;
        }

        private Timeout timeout() {
            return Timeout.ofMilliseconds(Math.max(1, options.requestTimeout().toMillis()));
        }
    }
}
