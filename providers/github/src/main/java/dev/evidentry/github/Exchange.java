package dev.evidentry.github;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP response the provider received, as the transport recorded it: its evidence id, the request line and the
 * body (already decompressed). The code that made a call reads github-api's objects for what the library models and
 * this body for what it does not ({@code two_factor_requirement_enabled}, {@code security_and_analysis}).
 *
 * @param operation the request's operation, such as {@code GET /orgs/{org}/members}
 */
record Exchange(EvidenceId evidence, String operation, String method, URI url, int status, byte[] body) {

    Exchange {
        requireNonNull(evidence, "evidence is null");
        requireNonNull(operation, "operation is null");
        requireNonNull(method, "method is null");
        requireNonNull(url, "url is null");
        requireNonNull(body, "body is null");
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    boolean redirected() {
        return status >= 300 && status < 400;
    }
}
