package dev.evidentry.endpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * The CrowdStrike Falcon API over {@link HttpClient}: the OAuth2 client-credentials token, then GETs with the bearer
 * token. Every response is recorded as evidence (method's operation id, query parameters, status, body; never a
 * header, and the access token is registered as a secret before its response is stored).
 *
 * <p>Failures, first match wins: 400, 401 or 403 from the token endpoint, or 401 from any call, are
 * {@code INVALID_CREDENTIALS}; 403 is {@code ACCESS_DENIED}; 429 waits until {@code X-RateLimit-RetryAfter} (epoch
 * seconds) through the {@link Sleeper} and tries again, {@code THROTTLED} past the allowed wait or attempts; 5xx and
 * timeouts are retried with backoff, then {@code SERVER_ERROR} and {@code TIMEOUT}; a body that is not the documented
 * JSON is {@code MALFORMED_RESPONSE}; a host that cannot be reached and any other status are {@code UNKNOWN}.
 */
final class FalconApi {

    static final String SERVICE = "falcon";
    static final String TOKEN = "oauth2AccessToken";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

    /** A successful answer and the evidence it was stored as. */
    record Response(JsonNode body, EvidenceId evidence) {
    }

    private final CollectContext context;
    private final HttpClient http;
    private final FalconOptions options;
    private final Sleeper sleeper;
    private String token;

    FalconApi(CollectContext context, FalconOptions options, Sleeper sleeper) {
        this.context = context;
        this.options = options;
        this.sleeper = sleeper;
        this.http = HttpClient.newBuilder().connectTimeout(options.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** POST /oauth2/token with the client id and secret; the token is kept for the calls that follow. */
    void authenticate() throws FalconCallException {
        String form = "client_id=" + encode(options.clientId()) + "&client_secret=" + encode(options.clientSecret());
        HttpRequest request = HttpRequest.newBuilder(options.baseUrl().resolve("/oauth2/token"))
                .timeout(options.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        Response response = send(TOKEN, request, Map.of("client_id", options.clientId()), true);
        JsonNode accessToken = response.body().path("access_token");
        if (!accessToken.isTextual() || accessToken.asText().isBlank()) {
            throw new FalconCallException(TOKEN, IssueCause.MALFORMED_RESPONSE, "the token response holds no "
                    + "access_token (evidence " + response.evidence() + ")");
        }
        token = accessToken.asText();
    }

    /** A GET with the bearer token; {@code parameters} may repeat a name (ids=a&ids=b). */
    Response get(String operation, String path, List<Map.Entry<String, String>> parameters)
            throws FalconCallException {
        String query = parameters.stream().map(p -> encode(p.getKey()) + "=" + encode(p.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(options.baseUrl().resolve(path + (query.isEmpty() ? ""
                        : "?" + query)))
                .timeout(options.requestTimeout())
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .GET()
                .build();
        Map<String, String> recorded = new TreeMap<>();
        parameters.forEach(p -> recorded.merge(p.getKey(), p.getValue(), (a, b) -> a + "," + b));
        return send(operation, request, recorded, false);
    }

    private Response send(String operation, HttpRequest request, Map<String, String> parameters, boolean tokenCall)
            throws FalconCallException {
        Duration waited = Duration.ZERO;
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt >= options.maxAttempts();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (HttpTimeoutException e) {
                if (last) {
                    throw new FalconCallException(operation, IssueCause.TIMEOUT, "no answer from "
                            + request.uri().getHost() + " within " + options.requestTimeout() + " after " + attempt
                            + " attempts");
                }
                pause(operation, backoff);
                backoff = backoff.multipliedBy(2);
                continue;
            } catch (IOException e) {
                throw new FalconCallException(operation, IssueCause.UNKNOWN, "cannot reach " + options.baseUrl()
                        + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FalconCallException(operation, IssueCause.UNKNOWN, "interrupted");
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
            EvidenceId evidence = context.recordEvidence(new RawEvidence(EndpointProvider.ID, SERVICE, operation, "",
                    parameters, status, response.headers().firstValue("Content-Type").orElse(""), response.body()));
            if (status / 100 == 2) {
                if (body == null || !body.isObject()) {
                    throw new FalconCallException(operation, IssueCause.MALFORMED_RESPONSE, "the answer is not the "
                            + "documented JSON object (evidence " + evidence + ")");
                }
                return new Response(body, evidence);
            }
            String words = errors(body);
            if (status == 429) {
                Duration wait = retryAfter(response);
                if (last || waited.plus(wait).compareTo(options.maxRateLimitWait()) > 0) {
                    throw new FalconCallException(operation, IssueCause.THROTTLED, "HTTP 429" + words + " after "
                            + attempt + " attempts; the rate limit resets in " + wait.toSeconds() + " s, past the "
                            + "allowed wait of " + options.maxRateLimitWait());
                }
                waited = waited.plus(wait);
                pause(operation, wait);
                continue;
            }
            if (status >= 500) {
                if (last) {
                    throw new FalconCallException(operation, IssueCause.SERVER_ERROR, "HTTP " + status + words
                            + " after " + attempt + " attempts");
                }
                pause(operation, backoff);
                backoff = backoff.multipliedBy(2);
                continue;
            }
            throw new FalconCallException(operation, cause(status, tokenCall), "HTTP " + status + words);
        }
    }

    private static IssueCause cause(int status, boolean tokenCall) {
        if (status == 401 || (tokenCall && (status == 400 || status == 403))) {
            return IssueCause.INVALID_CREDENTIALS;
        }
        return status == 403 ? IssueCause.ACCESS_DENIED : IssueCause.UNKNOWN;
    }

    /** The documented {@code X-RateLimit-RetryAfter} is the epoch second when a call is allowed again. */
    private Duration retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("X-RateLimit-RetryAfter").map(value -> {
            try {
                Duration wait = Duration.between(context.clock().instant(),
                        Instant.ofEpochSecond(Long.parseLong(value.strip())));
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (NumberFormatException e) {
                return FIRST_BACKOFF;
            }
        }).orElse(FIRST_BACKOFF);
    }

    private void pause(String operation, Duration duration) throws FalconCallException {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FalconCallException(operation, IssueCause.UNKNOWN, "interrupted while waiting");
        }
    }

    /** The documented error list's messages: {@code "errors": [{"code": 403, "message": "..."}]}. */
    private static String errors(JsonNode body) {
        if (body == null || !body.path("errors").isArray() || body.path("errors").isEmpty()) {
            return "";
        }
        StringBuilder words = new StringBuilder();
        for (JsonNode error : body.path("errors")) {
            String message = error.path("message").asText("");
            if (!message.isEmpty()) {
                words.append(words.length() == 0 ? ": " : "; ").append(message);
            }
        }
        String text = words.toString();
        return text.length() > 300 ? text.substring(0, 297) + "..." : text;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
