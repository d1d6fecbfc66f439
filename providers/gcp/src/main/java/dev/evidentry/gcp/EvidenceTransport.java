package dev.evidentry.gcp;

import static java.util.Objects.requireNonNull;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.LowLevelHttpRequest;
import com.google.api.client.http.LowLevelHttpResponse;
import dev.evidentry.spi.CollectContext;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.RawEvidence;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * The one HTTP transport every Google client of a scan shares, wrapping the real one: it records every HTTP response
 * as {@link RawEvidence} before the client library reads it (successes, error answers and each retried attempt
 * alike), and marks the response with the evidence id in {@link #EVIDENCE_ID_HEADER}, where the calling code finds it
 * ({@code AbstractGoogleClientRequest.getLastResponseHeaders()}, {@code HttpResponseException.getHeaders()}).
 *
 * <p>The request's operation comes in the {@link #OPERATION_HEADER} that {@link GcpClients} puts on every request and
 * that is never sent. From the request only the URL's path and query parameters are kept, never a header (the
 * {@code Authorization} header carries the access token) and never the {@code key} or token parameters.
 */
final class EvidenceTransport extends HttpTransport {

    static final String EVIDENCE_ID_HEADER = "x-evidentry-evidence-id";
    static final String OPERATION_HEADER = "x-evidentry-operation";

    private static final Set<String> SECRET_PARAMETERS = Set.of("key", "access_token", "oauth_token", "token");

    private final HttpTransport delegate;
    private final CollectContext context;

    EvidenceTransport(HttpTransport delegate, CollectContext context) {
        this.delegate = requireNonNull(delegate, "delegate is null");
        this.context = requireNonNull(context, "context is null");
    }

    @Override
    public boolean supportsMethod(String method) throws IOException {
        return delegate.supportsMethod(method);
    }

    @Override
    protected LowLevelHttpRequest buildRequest(String method, String url) throws IOException {
        return new Request(method, url);
    }

    @Override
    public void shutdown() throws IOException {
        delegate.shutdown();
    }

    private final class Request extends LowLevelHttpRequest {
        private final String method;
        private final String url;
        private final List<String[]> headers = new ArrayList<>();
        private String operation = "";
        private int connectTimeout = -1;
        private int readTimeout = -1;

        Request(String method, String url) {
            this.method = method;
            this.url = url;
        }

        @Override
        public void addHeader(String name, String value) {
            if (name.equalsIgnoreCase(OPERATION_HEADER)) {
                operation = value;
            } else {
                headers.add(new String[] {name, value});
            }
        }

        @Override
        public void setTimeout(int connectTimeout, int readTimeout) {
            this.connectTimeout = connectTimeout;
            this.readTimeout = readTimeout;
        }

        @Override
        public LowLevelHttpResponse execute() throws IOException {
            LowLevelHttpRequest request = lowLevel(delegate, method, url);
            for (String[] header : headers) {
                request.addHeader(header[0], header[1]);
            }
            if (connectTimeout >= 0) {
                request.setTimeout(connectTimeout, readTimeout);
            }
            request.setContentLength(getContentLength());
            request.setContentEncoding(getContentEncoding());
            request.setContentType(getContentType());
            request.setStreamingContent(getStreamingContent());
            LowLevelHttpResponse response = request.execute();
            byte[] body;
            try (InputStream in = response.getContent()) {
                body = in == null ? new byte[0] : in.readAllBytes();
            } finally {
                response.disconnect();
            }
            boolean gzip = response.getContentEncoding() != null
                    && response.getContentEncoding().toLowerCase(Locale.ROOT).contains("gzip");
            if (gzip && body.length > 0) {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                    body = in.readAllBytes();
                }
            }
            String op = operation.isEmpty() ? method + " " + URI.create(url).getPath() : operation;
            String service = op.contains(".") ? op.substring(0, op.indexOf('.')) : "unknown";
            EvidenceId id = context.recordEvidence(new RawEvidence(GcpProvider.ID, service, op, "",
                    parameters(url), response.getStatusCode(),
                    response.getContentType() == null ? "" : response.getContentType(),
                    new String(body, StandardCharsets.UTF_8)));
            return new Response(response, body, id);
        }
    }

    /**
     * The wrapped transport's own low-level request. {@code HttpTransport.buildRequest} is protected and the real
     * transports are final, so a wrapper outside Google's package reaches it by reflection.
     */
    private static LowLevelHttpRequest lowLevel(HttpTransport transport, String method, String url)
            throws IOException {
        try {
            return (LowLevelHttpRequest) BUILD_REQUEST.invoke(transport, method, url);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot reach HttpTransport.buildRequest", e);
        }
    }

    private static final Method BUILD_REQUEST = buildRequestMethod();

    private static Method buildRequestMethod() {
        try {
            Method method = HttpTransport.class.getDeclaredMethod("buildRequest", String.class, String.class);
            method.setAccessible(true);
            return method;
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The URL's path and its query parameters, less any that could carry a secret. */
    static Map<String, String> parameters(String url) {
        Map<String, String> parameters = new TreeMap<>();
        URI uri = URI.create(url);
        parameters.put("path", uri.getRawPath() == null ? "" : URLDecoder.decode(uri.getRawPath(), StandardCharsets.UTF_8));
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                if (!SECRET_PARAMETERS.contains(name.toLowerCase(Locale.ROOT))) {
                    parameters.merge(name, value, (a, b) -> a + "," + b);
                }
            }
        }
        return parameters;
    }

    /** The delegate's response with the buffered (and decompressed) body and the evidence id as one more header. */
    private static final class Response extends LowLevelHttpResponse {
        private final LowLevelHttpResponse delegate;
        private final byte[] body;
        private final EvidenceId id;

        Response(LowLevelHttpResponse delegate, byte[] body, EvidenceId id) {
            this.delegate = delegate;
            this.body = body;
            this.id = id;
        }

        @Override
        public InputStream getContent() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public String getContentEncoding() {
            return null; // already decompressed
        }

        @Override
        public long getContentLength() {
            return body.length;
        }

        @Override
        public String getContentType() throws IOException {
            return delegate.getContentType();
        }

        @Override
        public String getStatusLine() throws IOException {
            return delegate.getStatusLine();
        }

        @Override
        public int getStatusCode() throws IOException {
            return delegate.getStatusCode();
        }

        @Override
        public String getReasonPhrase() throws IOException {
            return delegate.getReasonPhrase();
        }

        @Override
        public int getHeaderCount() throws IOException {
            return delegate.getHeaderCount() + 1;
        }

        @Override
        public String getHeaderName(int index) throws IOException {
            return index == delegate.getHeaderCount() ? EVIDENCE_ID_HEADER : delegate.getHeaderName(index);
        }

        @Override
        public String getHeaderValue(int index) throws IOException {
            return index == delegate.getHeaderCount() ? id.sha256() : delegate.getHeaderValue(index);
        }
    }

}
