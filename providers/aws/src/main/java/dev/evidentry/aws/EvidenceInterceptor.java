package dev.evidentry.aws;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.CollectContext;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.RawEvidence;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Records every HTTP response one client receives as {@link RawEvidence}, at the transport layer: successes, error
 * answers and each retried attempt alike, before the SDK reads a byte of it.
 *
 * <p>The SDK ({@code ExecutionInterceptorChain.modifyHttpResponse}) calls {@link #modifyHttpResponse} and then
 * {@link #modifyHttpResponseContent} on each interceptor, in reverse registration order and both with the same
 * context, for every attempt's response whatever its status, before it decides whether the answer is a success or an
 * error (sync pipeline: {@code AfterTransmissionExecutionInterceptorsStage}, inside the retry loop). This interceptor
 * is registered last, so it sees the bytes as they came. The first method buffers and records the body and marks the
 * response with the evidence id in {@link #EVIDENCE_ID_HEADER}; the second hands the buffered bytes on. A successful
 * response's id is then read from {@code response.sdkHttpResponse()}, a failed call's from its {@link EvidenceTrail}.
 *
 * <p>Only the operation's modelled parameters are kept from the request: never an HTTP header, never a credential.
 */
final class EvidenceInterceptor implements ExecutionInterceptor {

    /** The response header that carries the evidence id to the code that made the call. */
    static final String EVIDENCE_ID_HEADER = "x-evidentry-evidence-id";

    /** The per-call trail; put on a request with {@link EvidenceTrail#overrideConfiguration()}. */
    static final ExecutionAttribute<EvidenceTrail> TRAIL = new ExecutionAttribute<>("evidentry.evidence-trail");

    private static final ExecutionAttribute<byte[]> BODY = new ExecutionAttribute<>("evidentry.response-body");

    /**
     * Elements that carry secret material no collector reads (virtual MFA seeds and QR codes). They are cut from what
     * the SDK parses, so the secret never becomes a Java object here; the copy handed to the engine keeps the element,
     * and the engine redacts it by name before anything is stored.
     */
    private static final Pattern UNREAD_SECRET_ELEMENTS =
            Pattern.compile("<(Base32StringSeed|QRCodePNG)>[^<]*</\\1>");

    private final CollectContext context;
    private final String service;
    private final String region;

    EvidenceInterceptor(CollectContext context, String service, String region) {
        this.context = requireNonNull(context, "context is null");
        this.service = requireNonNull(service, "service is null");
        this.region = requireNonNull(region, "region is null");
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse response, ExecutionAttributes attributes) {
        byte[] body = response.responseBody().map(EvidenceInterceptor::readAll).orElse(new byte[0]);
        attributes.putAttribute(BODY, body);
        SdkHttpResponse http = response.httpResponse();
        RawEvidence evidence = new RawEvidence(
                AwsProvider.ID,
                service,
                Optional.ofNullable(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)).orElse("unknown"),
                region,
                parameters(response.request()),
                http.statusCode(),
                http.firstMatchingHeader("Content-Type").orElse(""),
                new String(body, StandardCharsets.UTF_8));
        EvidenceId id = context.recordEvidence(evidence);
        EvidenceTrail trail = attributes.getAttribute(TRAIL);
        if (trail != null) {
            trail.add(id);
        }
        return http.toBuilder().putHeader(EVIDENCE_ID_HEADER, id.sha256()).build();
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(
            Context.ModifyHttpResponse response, ExecutionAttributes attributes) {
        byte[] body = attributes.getAttribute(BODY);
        if (body == null) {
            return response.responseBody();
        }
        return Optional.of(new ByteArrayInputStream(withoutUnreadSecrets(body)));
    }

    /** The evidence id a response was marked with, if it passed through an evidence interceptor. */
    static Optional<EvidenceId> evidenceId(SdkHttpResponse response) {
        return response == null ? Optional.empty()
                : response.firstMatchingHeader(EVIDENCE_ID_HEADER).map(EvidenceId::new);
    }

    /** The request's modelled members that have a value, by member name; binary members are left out. */
    static Map<String, String> parameters(SdkRequest request) {
        Map<String, String> parameters = new TreeMap<>();
        for (SdkField<?> field : request.sdkFields()) {
            Object value = field.getValueOrDefault(request);
            if (value == null || value instanceof SdkBytes) {
                continue;
            }
            if (value instanceof Collection<?> collection && collection.isEmpty()
                    || value instanceof Map<?, ?> map && map.isEmpty()) {
                continue; // the SDK's auto-constructed empty lists: not sent, not a parameter
            }
            // Model objects print themselves with sensitive members masked by the SDK.
            parameters.put(field.memberName(), value instanceof SdkPojo || value instanceof Collection<?>
                    || value instanceof Map<?, ?> ? value.toString() : String.valueOf(value));
        }
        return parameters;
    }

    private static byte[] withoutUnreadSecrets(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (!text.contains("Base32StringSeed") && !text.contains("QRCodePNG")) {
            return body;
        }
        return UNREAD_SECRET_ELEMENTS.matcher(text).replaceAll("").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            // An SdkClientException caused by an IOException: the SDK retries it like any transport failure.
            throw SdkClientException.create("cannot read the response body: " + e.getMessage(), e);
        }
    }
}
