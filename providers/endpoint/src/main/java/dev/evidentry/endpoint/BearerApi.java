package dev.evidentry.endpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evidentry.provider.support.CallException;
import dev.evidentry.spi.CollectContext;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.RawEvidence;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A vendor's REST API over {@link HttpClient} with an OAuth2 client-credentials token, then GETs with the bearer
 * token; what differs between vendors (token path, rate-limit header, error body) is its {@link Dialect}. Every
 * response is recorded as evidence (the operation id, query parameters, status, body; never a header, and the access
 * token is registered as a secret before its response is stored).
 *
 * <p>Failures, first match wins: 400, 401 or 403 from the token endpoint are {@code INVALID_CREDENTIALS}; a 401 from a
 * call fetches a new token once (tokens may expire mid-scan: Jamf Pro's last a minute) and is
 * {@code INVALID_CREDENTIALS} when it comes again; 403 is {@code ACCESS_DENIED}; 429 waits as the dialect's header
 * says through the {@link Sleeper} and tries again, {@code THROTTLED} past the allowed wait or attempts; 5xx and
 * timeouts are retried with backoff, then {@code SERVER_ERROR} and {@code TIMEOUT}; a body that is not the documented
 * JSON is {@code MALFORMED_RESPONSE}; a host that cannot be reached and any other status are {@code UNKNOWN}.
 */
final class BearerApi {

    /**
     * What one vendor's API does its own way.
     *
     * @param service the evidence's service name, such as {@code falcon}
     * @param tokenOperation the token call's operation id
     * @param tokenPath the token endpoint's path
     * @param grantTypeInForm whether the token request names {@code grant_type=client_credentials} (Falcon's does not)
     * @param retryAfter how long a 429 asks to wait, given the response and now; empty when it does not say
     * @param errorWords the vendor's words in an error body, or empty
     */
    record Dialect(String service, String tokenOperation, String tokenPath, boolean grantTypeInForm,
            java.util.function.BiFunction<HttpResponse<String>, Instant, java.util.Optional<Duration>> retryAfter,
            java.util.function.Function<JsonNode, String> errorWords) {
    }

    /**
     * Where the bearer token comes from when another client fetches it (Microsoft's, through MSAL) instead of this
     * class's own client-credentials POST; it fails with a {@link CallException}.
     */
    @FunctionalInterface
    interface TokenSource {
        /** A token for the calls; {@code renew} after a 401, when the one given before may have expired. */
        String token(boolean renew);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

    /** A successful answer and the evidence it was stored as. */
    record Response(JsonNode body, EvidenceId evidence) {
    }

    private final Dialect dialect;
    private final CollectContext context;
    private final HttpClient http;
    private final ApiOptions options;
    private final Sleeper sleeper;
    private final TokenSource tokens;
    private volatile String token;

    BearerApi(Dialect dialect, CollectContext context, ApiOptions options, Sleeper sleeper) {
        this(dialect, context, options, sleeper, HttpClient.newBuilder().connectTimeout(options.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build(), null);
    }

    /** An API whose tokens come from {@code tokens} (when not {@code null}), over a client built by the caller. */
    BearerApi(Dialect dialect, CollectContext context, ApiOptions options, Sleeper sleeper, HttpClient http,
            TokenSource tokens) {
        this.dialect = dialect;
        this.context = context;
        this.options = options;
        this.sleeper = sleeper;
        this.http = http;
        this.tokens = tokens;
    }

    /**
     * POSTs the client id and secret to the token endpoint (or asks the token source); the token is kept for the calls
     * that follow.
     */
    void authenticate() {
        if (tokens != null) {
            token = tokens.token(false);
            return;
        }
        String form = (dialect.grantTypeInForm() ? "grant_type=client_credentials&" : "") + "client_id="
                + encode(options.clientId()) + "&client_secret=" + encode(options.clientSecret());
        HttpRequest request = HttpRequest.newBuilder(options.baseUrl().resolve(dialect.tokenPath()))
                .timeout(options.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        Response response = send(dialect.tokenOperation(), request, Map.of("client_id", options.clientId()), true);
        JsonNode accessToken = response.body().path("access_token");
        if (!accessToken.isTextual() || accessToken.asText().isBlank()) {
            throw new CallException(dialect.tokenOperation(), IssueCause.MALFORMED_RESPONSE, "the token response holds no "
                    + "access_token (evidence " + response.evidence() + ")", null, null);
        }
        token = accessToken.asText();
    }

    /** A GET with the bearer token; {@code parameters} may repeat a name (ids=a&ids=b). */
    Response get(String operation, String path, List<Map.Entry<String, String>> parameters)
            {
        String query = parameters.stream().map(p -> encode(p.getKey()) + "=" + encode(p.getValue()))
                .collect(Collectors.joining("&"));
        Map<String, String> recorded = new TreeMap<>();
        parameters.forEach(p -> recorded.merge(p.getKey(), p.getValue(), (a, b) -> a + "," + b));
        String used = token;
        try {
            return send(operation, request(path, query, used), recorded, false);
        } catch (CallException e) {
            if (e.issueCause() != IssueCause.INVALID_CREDENTIALS) {
                throw e;
            }
            // The token may have expired mid-scan: fetch one more (unless another call already did) and try again.
            renewIfStill(used);
            return send(operation, request(path, query, token), recorded, false);
        }
    }

    /**
     * A GET of a next-page link the API gave ({@code @odata.nextLink}): an absolute URL, followed only on the API's own
     * scheme, host and port so that the token never goes anywhere else.
     */
    Response getLink(String operation, URI link) {
        URI base = options.baseUrl();
        if (!link.isAbsolute() || !base.getScheme().equalsIgnoreCase(link.getScheme())
                || !base.getHost().equalsIgnoreCase(String.valueOf(link.getHost())) || port(base) != port(link)) {
            throw new CallException(operation, IssueCause.MALFORMED_RESPONSE, "the next page's link " + link
                    + " leaves " + base + "; it is not followed", null, null);
        }
        Map<String, String> recorded = new TreeMap<>();
        recorded.put("link", link.toString());
        String used = token;
        try {
            return send(operation, request(link, used), recorded, false);
        } catch (CallException e) {
            if (e.issueCause() != IssueCause.INVALID_CREDENTIALS) {
                throw e;
            }
            renewIfStill(used);
            return send(operation, request(link, token), recorded, false);
        }
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** The token may have expired mid-scan: fetch one more, unless another call already did. */
    private synchronized void renewIfStill(String used) {
        if (!used.equals(token)) {
            return;
        }
        if (tokens != null) {
            token = tokens.token(true);
        } else {
            authenticate();
        }
    }

    private HttpRequest request(String path, String query, String bearer) {
        return request(options.baseUrl().resolve(path + (query.isEmpty() ? "" : "?" + query)), bearer);
    }

    private HttpRequest request(URI uri, String bearer) {
        return HttpRequest.newBuilder(uri)
                .timeout(options.requestTimeout())
                .header("Authorization", "Bearer " + bearer)
                .header("Accept", "application/json")
                .GET()
                .build();
    }

    private Response send(String operation, HttpRequest request, Map<String, String> parameters, boolean tokenCall)
            {
        Duration waited = Duration.ZERO;
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt >= options.maxAttempts();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (HttpTimeoutException e) {
                if (last) {
                    throw new CallException(operation, IssueCause.TIMEOUT, "no answer from "
                            + request.uri().getHost() + " within " + options.requestTimeout() + " after " + attempt
                            + " attempts", null, null);
                }
                pause(operation, backoff);
                backoff = backoff.multipliedBy(2);
                continue;
            } catch (IOException e) {
                throw new CallException(operation, IssueCause.UNKNOWN, "cannot reach " + options.baseUrl()
                        + ": " + e, null, null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CallException(operation, IssueCause.UNKNOWN, "interrupted", null, null);
            }
            int status = response.statusCode();
            JsonNode body = null;
            try {
                body = JSON.readTree(response.body());
            } catch (JsonProcessingException e) {
                // judged below: a success must be JSON, an error's words are optional
            }
            if (tokenCall && status / 100 == 2 && body != null) {
                String accessToken = body.path("access_token").asText("");
                if (!accessToken.isBlank()) {
                    context.registerSecret(accessToken);
                }
            }
            EvidenceId evidence = context.recordEvidence(new RawEvidence(EndpointProvider.ID, dialect.service(), operation, "",
                    parameters, status, response.headers().firstValue("Content-Type").orElse(""), response.body()));
            if (status / 100 == 2) {
                if (body == null || !body.isObject()) {
                    throw new CallException(operation, IssueCause.MALFORMED_RESPONSE, "the answer is not the "
                            + "documented JSON object (evidence " + evidence + ")", null, null);
                }
                return new Response(body, evidence);
            }
            String words = body == null ? "" : dialect.errorWords().apply(body);
            words = words.isEmpty() ? "" : ": " + (words.length() > 300 ? words.substring(0, 297) + "..." : words);
            if (status == 429) {
                Duration wait = dialect.retryAfter().apply(response, context.clock().instant()).map(d -> d.isNegative()
                        ? Duration.ZERO : d).orElse(FIRST_BACKOFF);
                if (last || waited.plus(wait).compareTo(options.maxRateLimitWait()) > 0) {
                    throw new CallException(operation, IssueCause.THROTTLED, "HTTP 429" + words + " after "
                            + attempt + " attempts; the rate limit resets in " + wait.toSeconds() + " s, past the "
                            + "allowed wait of " + options.maxRateLimitWait(), null, null);
                }
                waited = waited.plus(wait);
                pause(operation, wait);
                continue;
            }
            if (status >= 500) {
                // A 503 may say when to come back (Microsoft Graph's throttling does): then that wait, not the backoff.
                java.util.Optional<Duration> asked = dialect.retryAfter().apply(response, context.clock().instant())
                        .map(d -> d.isNegative() ? Duration.ZERO : d);
                Duration wait = asked.orElse(backoff);
                if (last || (asked.isPresent() && waited.plus(wait).compareTo(options.maxRateLimitWait()) > 0)) {
                    throw new CallException(operation, IssueCause.SERVER_ERROR, "HTTP " + status + words
                            + " after " + attempt + " attempts", null, null);
                }
                if (asked.isPresent()) {
                    waited = waited.plus(wait);
                } else {
                    backoff = backoff.multipliedBy(2);
                }
                pause(operation, wait);
                continue;
            }
            throw new StatusException(operation, cause(status, tokenCall), "HTTP " + status + words, status);
        }
    }

    /**
     * A call answered with an error status that is neither retried nor waited for; callers may tell 404 apart (Jamf's
     * missing profile, Defender's "no machines").
     */
    static final class StatusException extends CallException {

        private static final long serialVersionUID = 1L;

        private final int status;

        StatusException(String operation, IssueCause cause, String detail, int status) {
            super(operation, cause, detail, null, null);
            this.status = status;
        }

        int status() {
            return status;
        }

        @Override
        public CallException explained(IssueCause cause, String meaning) {
            return new StatusException(operation(), cause, detail() + "; " + meaning, status);
        }
    }

    private static IssueCause cause(int status, boolean tokenCall) {
        if (status == 401 || (tokenCall && (status == 400 || status == 403))) {
            return IssueCause.INVALID_CREDENTIALS;
        }
        return status == 403 ? IssueCause.ACCESS_DENIED : IssueCause.UNKNOWN;
    }

    private void pause(String operation, Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallException(operation, IssueCause.UNKNOWN, "interrupted while waiting", null, null);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
