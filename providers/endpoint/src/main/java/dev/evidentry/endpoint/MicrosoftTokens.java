package dev.evidentry.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.HttpMethod;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.IHttpResponse;
import com.microsoft.aad.msal4j.MsalServiceException;
import dev.evidentry.provider.support.CallException;
import dev.evidentry.spi.CollectContext;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.RawEvidence;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;

/**
 * Microsoft Entra ID access tokens for one app registration, through MSAL's confidential client (client secret,
 * client-credentials grant): one per audience, {@code https://graph.microsoft.com/.default} for Intune and
 * {@code https://api.securitycenter.microsoft.com/.default} for Defender for Endpoint. MSAL caches each until shortly
 * before it expires and knows Entra's errors; its HTTP goes through the provider's own client, so the token responses
 * are stored as evidence like every other response (the form's {@code client_secret} is never recorded, and each
 * access token is registered as a secret before its response is stored).
 */
final class MicrosoftTokens {

    static final String SERVICE = "entra";
    static final String OPERATION = "POST /{tenant}/oauth2/v2.0/token";
    static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";
    static final String DEFENDER_SCOPE = "https://api.securitycenter.microsoft.com/.default";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Only these form fields are recorded: never {@code client_secret}. */
    private static final Set<String> RECORDED_FORM_FIELDS = Set.of("client_id", "grant_type", "scope");
    /** Headers the JDK client sets itself and refuses from a caller. */
    private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host",
            "upgrade");

    private final ConfidentialClientApplication application;
    private final MicrosoftOptions options;

    MicrosoftTokens(MicrosoftOptions options, CollectContext context, HttpClient http) {
        this.options = options;
        try {
            this.application = ConfidentialClientApplication.builder(options.app().clientId(),
                            ClientCredentialFactory.createFromSecret(options.app().clientSecret()))
                    .authority(options.authority())
                    // The tenant's authority is given; no discovery call to login.microsoftonline.com is needed.
                    .instanceDiscovery(false)
                    .validateAuthority(false)
                    .httpClient(new RecordingHttp(context, http, options))
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not an authority URL: " + options.authority(), e);
        }
    }

    /** The token source of one audience's API. */
    BearerApi.TokenSource forScope(String scope) {
        return renew -> token(scope, renew);
    }

    private String token(String scope, boolean renew) {
        ClientCredentialParameters parameters = ClientCredentialParameters.builder(Set.of(scope)).skipCache(renew)
                .build();
        try {
            return application.acquireToken(parameters).get().accessToken();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallException(OPERATION, IssueCause.UNKNOWN, "interrupted while fetching a token", null, null);
        } catch (ExecutionException e) {
            throw failure(scope, e.getCause() == null ? e : e.getCause());
        }
    }

    private CallException failure(String scope, Throwable failure) {
        String app = "the app " + options.app().clientId() + " in tenant " + options.tenantId();
        if (failure instanceof MsalServiceException service) {
            int status = service.statusCode() == null ? 0 : service.statusCode();
            String words = firstLine(service.getMessage());
            if (status == 400 || status == 401) {
                return new CallException(OPERATION, IssueCause.INVALID_CREDENTIALS, "Microsoft Entra ID refused "
                        + app + " a token for " + scope + ": " + service.errorCode() + ": " + words + "; check "
                        + EndpointOptions.MICROSOFT_TENANT_ID + ", " + EndpointOptions.MICROSOFT_CLIENT_ID + " and "
                        + EndpointOptions.MICROSOFT_SECRET_VARIABLE + " (the secret's value, not its id, and not "
                        + "expired)", null, failure);
            }
            IssueCause cause = status == 429 ? IssueCause.THROTTLED
                    : status >= 500 ? IssueCause.SERVER_ERROR
                    : status == 0 ? IssueCause.MALFORMED_RESPONSE : IssueCause.UNKNOWN;
            // MSAL gives no status when it could not read the answer at all (invalid_json).
            return new CallException(OPERATION, cause, (status == 0 ? "an unreadable answer" : "HTTP " + status)
                    + " from Microsoft Entra ID for " + app + ": " + service.errorCode() + ": " + words, null,
                    failure);
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpTimeoutException) {
                return new CallException(OPERATION, IssueCause.TIMEOUT, "no token from " + options.app().baseUrl()
                        + " within " + options.app().requestTimeout(), null, failure);
            }
        }
        return new CallException(OPERATION, IssueCause.UNKNOWN, "no token from " + options.app().baseUrl() + " for "
                + app + ": " + firstLine(String.valueOf(failure.getMessage())), null, failure);
    }

    /** Entra's messages run on with trace and correlation ids: the first line says what is wrong. */
    private static String firstLine(String message) {
        String line = message == null ? "" : message.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 297) + "..." : line;
    }

    /** MSAL's HTTP over the provider's client: same TLS trust and timeouts, every response stored as evidence. */
    private static final class RecordingHttp implements IHttpClient {

        private final CollectContext context;
        private final HttpClient http;
        private final MicrosoftOptions options;

        RecordingHttp(CollectContext context, HttpClient http, MicrosoftOptions options) {
            this.context = context;
            this.http = http;
            this.options = options;
        }

        @Override
        public IHttpResponse send(com.microsoft.aad.msal4j.HttpRequest request) throws IOException,
                InterruptedException {
            HttpRequest.Builder builder;
            try {
                builder = HttpRequest.newBuilder(request.url().toURI()).timeout(options.app().requestTimeout());
            } catch (java.net.URISyntaxException e) {
                throw new IOException("MSAL asked for an unusable URL: " + request.url(), e);
            }
            request.headers().forEach((name, value) -> {
                if (!RESTRICTED_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    builder.header(name, value);
                }
            });
            String body = request.body() == null ? "" : request.body();
            builder.method(request.httpMethod().name(), request.httpMethod() == HttpMethod.GET
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> response = http.send(builder.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            registerToken(response.body());
            context.recordEvidence(new RawEvidence(EndpointProvider.ID, SERVICE, OPERATION, "",
                    recordedForm(body), response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body()));
            com.microsoft.aad.msal4j.HttpResponse answer = new com.microsoft.aad.msal4j.HttpResponse()
                    .statusCode(response.statusCode()).body(response.body());
            answer.addHeaders(response.headers().map());
            return answer;
        }

        private void registerToken(String body) {
            try {
                JsonNode token = JSON.readTree(body).path("access_token");
                if (token.isTextual() && !token.asText().isBlank()) {
                    context.registerSecret(token.asText());
                }
            } catch (IOException e) {
                // not JSON: no token in it, and MSAL reports the answer as it finds it
            }
        }

        private static Map<String, String> recordedForm(String body) {
            Map<String, String> recorded = new TreeMap<>();
            for (String pair : body.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    String name = URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8);
                    if (RECORDED_FORM_FIELDS.contains(name)) {
                        recorded.put(name, URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                    }
                }
            }
            return recorded;
        }
    }
}
