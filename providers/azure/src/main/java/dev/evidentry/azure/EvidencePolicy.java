package dev.evidentry.azure;

import static java.util.Objects.requireNonNull;

import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.util.BinaryData;
import dev.evidentry.spi.CollectContext;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.RawEvidence;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Records every HTTP response one pipeline receives as {@link RawEvidence}, at the transport layer: successes, error
 * answers and each retried attempt alike (it sits after the {@code RetryPolicy}, next to the HTTP client).
 *
 * <p>The body is buffered, recorded with {@link CollectContext#recordEvidence}, and handed on in a response that also
 * carries the evidence id in the header {@link #EVIDENCE_ID_HEADER}: the code that made the call reads the id from
 * there and puts it on the facts it builds, or on the issue when the answer was an error.
 *
 * <p>Only the URL's path and query parameters are kept from the request: never a header (the bearer token travels in
 * {@code Authorization}), never a body (every call here is a GET).
 */
final class EvidencePolicy implements HttpPipelinePolicy {

    /** The response header that carries the evidence id to the code that made the call. */
    static final String EVIDENCE_ID_HEADER = "x-evidentry-evidence-id";

    /** The context key naming the API operation, such as {@code Microsoft.Storage/storageAccounts:list}. */
    static final String OPERATION = "evidentry.operation";

    private final CollectContext context;
    private final String service;

    EvidencePolicy(CollectContext context, String service) {
        this.context = requireNonNull(context, "context is null");
        this.service = requireNonNull(service, "service is null");
    }

    @Override
    public HttpPipelinePosition getPipelinePosition() {
        return HttpPipelinePosition.PER_RETRY;
    }

    @Override
    public HttpResponse processSync(HttpPipelineCallContext call, HttpPipelineNextSyncPolicy next) {
        HttpResponse response = next.processSync();
        byte[] body;
        try (response) {
            BinaryData data = response.getBodyAsBinaryData();
            body = data == null ? new byte[0] : data.toBytes();
        }
        return record(call, response, body);
    }

    @Override
    public Mono<HttpResponse> process(HttpPipelineCallContext call, HttpPipelineNextPolicy next) {
        return next.process().flatMap(response -> response.getBodyAsByteArray()
                .defaultIfEmpty(new byte[0])
                .map(body -> record(call, response, body)));
    }

    private HttpResponse record(HttpPipelineCallContext call, HttpResponse response, byte[] body) {
        String operation = call.getData(OPERATION).map(String::valueOf).orElse("unknown");
        HttpRequest request = response.getRequest();
        String contentType = Optional.ofNullable(response.getHeaderValue("Content-Type")).orElse("");
        EvidenceId id = context.recordEvidence(new RawEvidence(AzureProvider.ID, service, operation, "",
                parameters(request.getUrl().toString()), response.getStatusCode(), contentType,
                new String(body, StandardCharsets.UTF_8)));
        HttpHeaders headers = new HttpHeaders(response.getHeaders());
        headers.set(EVIDENCE_ID_HEADER, id.sha256());
        return new RecordedResponse(request, response.getStatusCode(), headers, body);
    }

    /** The URL's path and its query parameters, decoded: what was asked for, without any header. */
    static Map<String, String> parameters(String url) {
        Map<String, String> parameters = new TreeMap<>();
        URI uri = URI.create(url);
        parameters.put("path", uri.getRawPath() == null ? "" : URLDecoder.decode(uri.getRawPath(),
                StandardCharsets.UTF_8));
        String query = uri.getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                parameters.put(name, value);
            }
        }
        return parameters;
    }

    /** The evidence id a response was marked with. */
    static Optional<EvidenceId> evidenceId(HttpResponse response) {
        return Optional.ofNullable(response.getHeaderValue(EVIDENCE_ID_HEADER)).map(EvidenceId::new);
    }

    /** A response whose body was read once and is kept in memory. */
    private static final class RecordedResponse extends HttpResponse {
        private final int status;
        private final HttpHeaders headers;
        private final byte[] body;

        RecordedResponse(HttpRequest request, int status, HttpHeaders headers, byte[] body) {
            super(request);
            this.status = status;
            this.headers = headers;
            this.body = body;
        }

        @Override
        public int getStatusCode() {
            return status;
        }

        @Override
        @Deprecated
        public String getHeaderValue(String name) {
            return headers.getValue(name);
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }

        @Override
        public Flux<ByteBuffer> getBody() {
            return Flux.defer(() -> Flux.just(ByteBuffer.wrap(body)));
        }

        @Override
        public BinaryData getBodyAsBinaryData() {
            return BinaryData.fromBytes(body);
        }

        @Override
        public Mono<byte[]> getBodyAsByteArray() {
            return Mono.just(body);
        }

        @Override
        public Mono<String> getBodyAsString() {
            return Mono.just(new String(body, StandardCharsets.UTF_8));
        }

        @Override
        public Mono<String> getBodyAsString(Charset charset) {
            return Mono.just(new String(body, charset));
        }

        @Override
        public HttpResponse buffer() {
            return this;
        }

        @Override
        public void close() {
            // nothing held open
        }
    }
}
