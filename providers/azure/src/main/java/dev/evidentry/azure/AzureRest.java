package dev.evidentry.azure;

import static java.util.Objects.requireNonNull;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.evidentry.spi.EvidenceId;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * GET calls to one Azure REST API (Resource Manager or Microsoft Graph) through an azure-core {@link HttpPipeline}:
 * bearer token, retries with backoff honouring {@code Retry-After}, and the {@link EvidencePolicy}. Every answer comes
 * back with its evidence id; every failure as an {@link AzureCallException} that names it.
 */
final class AzureRest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpPipeline pipeline;
    private final URI base;
    private final String nextLinkField;

    /**
     * @param base the API's base URL; relative paths are resolved against it, and a next-page link must stay on it
     * @param nextLinkField {@code nextLink} (Resource Manager) or {@code @odata.nextLink} (Graph)
     */
    AzureRest(HttpPipeline pipeline, URI base, String nextLinkField) {
        this.pipeline = requireNonNull(pipeline, "pipeline is null");
        this.base = requireNonNull(base, "base is null");
        this.nextLinkField = requireNonNull(nextLinkField, "nextLinkField is null");
    }

    /** One JSON answer and the evidence it was recorded as. */
    record Answer(JsonNode body, EvidenceId evidence) {
        Answer {
            requireNonNull(body, "body is null");
            requireNonNull(evidence, "evidence is null");
        }
    }

    /** GETs {@code pathAndQuery} (relative to the base) and returns its JSON object. */
    Answer get(String operation, String pathAndQuery) {
        return send(operation, base + pathAndQuery);
    }

    /**
     * GETs a collection and every further page it links to, handing each page's {@code value} items to
     * {@code page} with that page's evidence. A link that leaves the API's host, or loops, is a malformed answer.
     */
    void list(String operation, String pathAndQuery, Consumer<Page> page) {
        String url = base + pathAndQuery;
        Set<String> seen = new HashSet<>();
        while (url != null) {
            if (!seen.add(url)) {
                throw AzureCallException.malformed(operation, "the next-page link repeats an earlier page", null);
            }
            Answer answer = send(operation, url);
            JsonNode value = answer.body().get("value");
            if (!(value instanceof ArrayNode items)) {
                throw AzureCallException.malformed(operation, "no value array", answer.evidence());
            }
            page.accept(new Page(items, answer.evidence()));
            JsonNode next = answer.body().get(nextLinkField);
            url = next == null || next.isNull() || next.asText().isEmpty() ? null : sameApi(operation, next.asText(),
                    answer.evidence());
        }
    }

    /** One page of a collection. */
    record Page(ArrayNode items, EvidenceId evidence) {}

    private String sameApi(String operation, String link, EvidenceId evidence) {
        URI uri;
        try {
            uri = URI.create(link);
        } catch (IllegalArgumentException e) {
            throw AzureCallException.malformed(operation, "the next-page link is not a URL", evidence);
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || !base.getHost().equalsIgnoreCase(uri.getHost())
                || base.getPort() != uri.getPort()) {
            // The bearer token goes wherever the link points: never off the API's own host.
            throw AzureCallException.malformed(operation, "the next-page link leaves " + base.getHost(), evidence);
        }
        return link;
    }

    private Answer send(String operation, String url) {
        HttpRequest request = new HttpRequest(HttpMethod.GET, url).setHeader("Accept", "application/json");
        HttpResponse response;
        try {
            response = pipeline.sendSync(request, new Context(EvidencePolicy.OPERATION, operation));
        } catch (RuntimeException e) {
            throw FailureClassifier.thrown(operation, e);
        }
        try (response) {
            EvidenceId evidence = EvidencePolicy.evidenceId(response).orElseThrow(() -> new IllegalStateException(
                    "the pipeline has no evidence policy"));
            BinaryData data = response.getBodyAsBinaryData();
            byte[] bytes = data == null ? new byte[0] : data.toBytes();
            int status = response.getStatusCode();
            JsonNode body;
            try {
                body = bytes.length == 0 ? null : JSON.readTree(bytes);
            } catch (JsonProcessingException e) {
                body = null;
                if (status < 400) {
                    throw AzureCallException.malformed(operation, "not JSON (" + e.getOriginalMessage() + ")",
                            evidence);
                }
            } catch (java.io.IOException e) {
                throw AzureCallException.malformed(operation, e.getMessage(), evidence);
            }
            if (status >= 400) {
                String requestId = response.getHeaders().getValue("x-ms-request-id");
                if (requestId == null) {
                    requestId = response.getHeaders().getValue("request-id");
                }
                throw FailureClassifier.answer(operation, status, body, requestId, evidence);
            }
            if (body == null || !body.isObject()) {
                throw AzureCallException.malformed(operation, "not a JSON object", evidence);
            }
            return new Answer(body, evidence);
        }
    }
}
