package dev.evidentry.github;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evidentry.spi.CollectContext;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.RawEvidence;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * Wraps the transport under github-api's client and records every HTTP response as {@link RawEvidence} before the
 * library reads it: successes, error answers, rate-limit answers, redirects and each retried attempt alike. The
 * response is handed on with the evidence id in {@link #EVIDENCE_ID_HEADER}, and as an {@link Exchange} (id, status,
 * body) to the {@link CallTrail} of the thread that made the call, so that code can name the evidence its facts rest on
 * and read fields the library does not model.
 *
 * <p>Only the request line is kept, as the operation ({@code GET /orgs/{org}/members}) and parameters (the path and the
 * query): never a header, so never the token. A response that carries a credential (an App installation token) has it
 * registered as a secret before it is recorded, so the engine redacts it from the stored evidence.
 */
final class EvidenceConnector implements GitHubConnector {

    static final String EVIDENCE_ID_HEADER = "X-Evidentry-Evidence-Id";

    /** Path templates for the operations the provider uses, so evidence and issues name the operation, not the URL. */
    private static final List<Template> TEMPLATES = List.of(
            new Template("/orgs/[^/]+", "/orgs/{org}"),
            new Template("/orgs/[^/]+/members", "/orgs/{org}/members"),
            new Template("/orgs/[^/]+/public_members", "/orgs/{org}/public_members"),
            new Template("/orgs/[^/]+/outside_collaborators", "/orgs/{org}/outside_collaborators"),
            new Template("/orgs/[^/]+/repos", "/orgs/{org}/repos"),
            new Template("/repos/[^/]+/[^/]+/branches/.+/protection", "/repos/{owner}/{repo}/branches/{branch}/protection"),
            new Template("/repos/[^/]+/[^/]+/branches/.+", "/repos/{owner}/{repo}/branches/{branch}"),
            new Template("/repos/[^/]+/[^/]+/rules/branches/.+", "/repos/{owner}/{repo}/rules/branches/{branch}"),
            new Template("/repos/[^/]+/[^/]+/vulnerability-alerts", "/repos/{owner}/{repo}/vulnerability-alerts"),
            new Template("/app/installations/[^/]+/access_tokens", "/app/installations/{installation_id}/access_tokens"),
            new Template("/app/installations/[^/]+", "/app/installations/{installation_id}"));

    private final GitHubConnector transport;
    private final CollectContext context;
    private final String apiPath;

    /**
     * @param apiUrl the API root the client was built with; its path (GitHub Enterprise Server's {@code /api/v3}) is
     *     left out of operation names
     */
    EvidenceConnector(GitHubConnector transport, CollectContext context, URI apiUrl) {
        this.transport = requireNonNull(transport, "transport is null");
        this.context = requireNonNull(context, "context is null");
        String path = requireNonNull(apiUrl, "apiUrl is null").getPath();
        this.apiPath = path == null || path.equals("/") ? "" : path;
    }

    @Override
    public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
        GitHubConnectorResponse response = transport.send(request);
        byte[] body;
        try (response) {
            body = readBody(response);
        }
        URI url = toUri(request);
        String path = relativePath(url);
        String operation = request.method() + " " + template(path);
        String contentType = response.header("Content-Type");
        registerCarriedSecrets(body, contentType);
        EvidenceId id = context.recordEvidence(new RawEvidence(GithubProvider.ID, "rest", operation, "",
                parameters(path, url), response.statusCode(), contentType == null ? "" : contentType,
                new String(body, StandardCharsets.UTF_8)));
        CallTrail.record(new Exchange(id, operation, request.method(), url, response.statusCode(), body));
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        response.allHeaders().forEach((name, values) -> {
            if (name != null && !name.equalsIgnoreCase("Content-Encoding") && !name.equalsIgnoreCase("Content-Length")) {
                headers.put(name, values);
            }
        });
        headers.put(EVIDENCE_ID_HEADER, List.of(id.sha256()));
        return new JdkHttpConnector.BufferedResponse(request, response.statusCode(), headers, body);
    }

    /** The operation name for a path relative to the API root: {@code /orgs/{org}/members}. */
    static String template(String path) {
        for (Template template : TEMPLATES) {
            if (template.pattern().matcher(path).matches()) {
                return template.name();
            }
        }
        return path;
    }

    /** The evidence id a response was marked with. */
    static EvidenceId evidenceId(GitHubConnectorResponse response) {
        String id = response.header(EVIDENCE_ID_HEADER);
        return id == null ? null : new EvidenceId(id);
    }

    private String relativePath(URI url) {
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        if (!apiPath.isEmpty() && path.startsWith(apiPath + "/")) {
            path = path.substring(apiPath.length());
        }
        return path;
    }

    /** The path, and each query parameter by name. Never a header. */
    private static Map<String, String> parameters(String path, URI url) {
        Map<String, String> parameters = new TreeMap<>();
        parameters.put("path", URLDecoder.decode(path, StandardCharsets.UTF_8));
        String query = url.getRawQuery();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                if (!name.equals("path")) {
                    parameters.put(name, value);
                }
            }
        }
        return parameters;
    }

    /**
     * An App installation token arrives in a response body ({@code {"token": "ghs_..."}}): register it before the
     * body is recorded, so that no stored evidence holds it.
     */
    private void registerCarriedSecrets(byte[] body, String contentType) {
        if (body.length == 0 || contentType == null || !contentType.contains("json")) {
            return;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (!text.contains("\"token\"")) {
            return;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            if (node != null && node.path("token").isTextual()) {
                context.registerSecret(node.path("token").asText());
            }
        } catch (IOException e) {
            // not JSON after all: nothing to register; the library reports the malformed answer
        }
    }

    private static byte[] readBody(GitHubConnectorResponse response) throws IOException {
        try (InputStream in = response.bodyStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("Response body missing")) {
                return new byte[0]; // 204 No Content and the like
            }
            throw e;
        }
    }

    private static URI toUri(GitHubConnectorRequest request) throws IOException {
        try {
            return request.url().toURI();
        } catch (URISyntaxException e) {
            throw new IOException("invalid URL " + request.url(), e);
        }
    }

    private record Template(Pattern pattern, String name) {
        Template(String regex, String name) {
            this(Pattern.compile(regex), name);
        }
    }
}
