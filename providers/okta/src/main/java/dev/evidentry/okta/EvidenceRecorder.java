package dev.evidentry.okta;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evidentry.spi.CollectContext;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.RawEvidence;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * Records every HTTP response the Okta SDK receives as {@link RawEvidence}, at the transport layer: an Apache
 * HttpClient 5 exec-chain handler that the client builder places first in the chain, so it sees each response as the
 * SDK will (after content decoding), successes and errors alike, before the SDK reads a byte of it.
 *
 * <p>It buffers the body, stores it with the request's method, path and query parameters (never a header, so never
 * the {@code Authorization} token), hands the SDK an identical copy, and adds an {@link Exchange} (evidence id, next
 * page, rate-limit headers) to the {@link CallTrail} of the call running on this thread. Access tokens in the
 * service app's token responses are registered as secrets before the body is stored.
 */
final class EvidenceRecorder implements ExecChainHandler {

    static final String TOKEN_PATH = "/oauth2/v1/token";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]+)*)");
    private static final Pattern NEXT = Pattern.compile(";\\s*rel\\s*=\\s*\"?next\"?", Pattern.CASE_INSENSITIVE);

    private final CollectContext context;

    EvidenceRecorder(CollectContext context) {
        this.context = requireNonNull(context, "context is null");
    }

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        ClassicHttpResponse response = chain.proceed(request, scope);
        HttpEntity entity = response.getEntity();
        byte[] body;
        String contentType = "";
        try {
            body = entity == null ? new byte[0] : EntityUtils.toByteArray(entity);
            if (entity != null && entity.getContentType() != null) {
                contentType = entity.getContentType();
            }
        } catch (IOException | RuntimeException e) {
            response.close();
            throw e;
        }
        if (entity != null) {
            response.setEntity(new ByteArrayEntity(body, contentType(contentType), entity.getContentEncoding()));
        }
        String path = path(request);
        boolean token = path.endsWith(TOKEN_PATH);
        String text = new String(body, StandardCharsets.UTF_8);
        if (token) {
            registerTokens(text);
        }
        Optional<CallTrail> trail = CallTrail.current();
        OktaOperation operation = token ? OktaOperation.TOKEN
                : trail.map(CallTrail::operation).orElse(null);
        RawEvidence evidence = new RawEvidence(OktaProvider.ID,
                operation == null ? "management" : operation.service(),
                operation == null ? request.getMethod() + " " + path : operation.operationId(),
                "", parameters(request, path, token), response.getCode(), contentType, text);
        EvidenceId id = context.recordEvidence(evidence);
        // A token fetched in the middle of another call (a refresh) is not that call's answer.
        trail.filter(t -> !token || t.operation() == OktaOperation.TOKEN)
                .ifPresent(t -> t.add(new Exchange(id, response.getCode(), nextLink(response), rateLimit(response),
                        date(response))));
        return response;
    }

    /** The request's method, path and query parameters: what was asked, never how it was authorised. */
    static Map<String, String> parameters(ClassicHttpRequest request, String path, boolean token) {
        Map<String, String> parameters = new TreeMap<>();
        parameters.put("method", request.getMethod());
        parameters.put("path", path);
        if (!token) {
            query(request).forEach(parameters::putIfAbsent);
        }
        return parameters;
    }

    private static String path(ClassicHttpRequest request) {
        try {
            URI uri = request.getUri();
            return uri.getRawPath() == null ? "" : uri.getRawPath();
        } catch (URISyntaxException e) {
            String raw = request.getRequestUri();
            int query = raw.indexOf('?');
            return query < 0 ? raw : raw.substring(0, query);
        }
    }

    private static Map<String, String> query(ClassicHttpRequest request) {
        Map<String, String> parameters = new TreeMap<>();
        String raw;
        try {
            raw = request.getUri().getRawQuery();
        } catch (URISyntaxException e) {
            return parameters;
        }
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.put(name, value);
        }
        return parameters;
    }

    /** The URL of the {@code Link} header entry with {@code rel="next"}, or {@code null}. */
    static String nextLink(ClassicHttpResponse response) {
        List<String> values = new ArrayList<>();
        for (Header header : response.getHeaders("Link")) {
            values.add(header.getValue());
        }
        return nextLink(values);
    }

    static String nextLink(List<String> linkHeaders) {
        for (String value : linkHeaders) {
            Matcher matcher = LINK.matcher(value);
            while (matcher.find()) {
                if (NEXT.matcher(matcher.group(2)).find()) {
                    return matcher.group(1).strip();
                }
            }
        }
        return null;
    }

    /** Okta's {@code X-Rate-Limit-*} headers, or {@code null} when one is missing or unreadable. */
    static Exchange.RateLimitWindow rateLimit(ClassicHttpResponse response) {
        Header limit = response.getFirstHeader("X-Rate-Limit-Limit");
        Header remaining = response.getFirstHeader("X-Rate-Limit-Remaining");
        Header reset = response.getFirstHeader("X-Rate-Limit-Reset");
        if (limit == null || remaining == null || reset == null) {
            return null;
        }
        try {
            return new Exchange.RateLimitWindow(Integer.parseInt(limit.getValue().strip()),
                    Integer.parseInt(remaining.getValue().strip()),
                    Instant.ofEpochSecond(Long.parseLong(reset.getValue().strip())));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant date(ClassicHttpResponse response) {
        Header date = response.getFirstHeader("Date");
        if (date == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(date.getValue().strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static ContentType contentType(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ContentType.parse(value);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Registers the tokens of an OAuth 2.0 token response as secrets, so no output of the scan holds them. */
    private void registerTokens(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            for (String name : List.of("access_token", "refresh_token", "id_token")) {
                JsonNode value = json == null ? null : json.get(name);
                if (value != null && value.isTextual()) {
                    context.registerSecret(value.asText());
                }
            }
        } catch (IOException e) {
            // Not JSON: no token to register; the engine still redacts access_token members by name.
        }
    }
}
