package dev.evidentry.spi;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP exchange with a vendor API as the provider's transport saw it, before redaction.
 * Headers are not kept: they carry signatures and tokens and prove nothing an auditor needs.
 *
 * @param provider provider id
 * @param service vendor service, such as {@code iam}
 * @param operation API operation, such as {@code GetCredentialReport}
 * @param region region the call went to, or empty
 * @param requestParameters operation parameters (not headers, not credentials), sorted by name
 * @param statusCode HTTP status of the response
 * @param contentType response media type, or empty
 * @param responseBody the response body as text
 */
public record RawEvidence(
        String provider,
        String service,
        String operation,
        String region,
        Map<String, String> requestParameters,
        int statusCode,
        String contentType,
        String responseBody) {

    public RawEvidence {
        requireNonNull(provider, "provider is null");
        requireNonNull(service, "service is null");
        requireNonNull(operation, "operation is null");
        requireNonNull(region, "region is null");
        requestParameters = java.util.Collections.unmodifiableMap(
                new TreeMap<>(requireNonNull(requestParameters, "requestParameters is null")));
        requireNonNull(contentType, "contentType is null");
        requireNonNull(responseBody, "responseBody is null");
    }
}
