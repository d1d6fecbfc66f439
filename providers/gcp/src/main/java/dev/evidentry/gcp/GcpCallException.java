package dev.evidentry.gcp;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.IssueCause;
import java.util.Optional;

/**
 * A Google API call that failed, already classified: the operation ({@code storage.buckets.list}), why, in words that
 * hold no secret, and the evidence of the last response when there was one.
 */
final class GcpCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String operation;
    private final IssueCause issueCause;
    private final transient EvidenceId evidence;

    GcpCallException(String operation, IssueCause issueCause, String detail, EvidenceId evidence, Throwable cause) {
        super(requireNonNull(detail, "detail is null"), cause);
        this.operation = requireNonNull(operation, "operation is null");
        this.issueCause = requireNonNull(issueCause, "issueCause is null");
        this.evidence = evidence;
    }

    /** An answer that arrived but cannot honestly be read as a fact. */
    static GcpCallException malformed(String operation, String detail, EvidenceId evidence) {
        return new GcpCallException(operation, IssueCause.MALFORMED_RESPONSE, detail, evidence, null);
    }

    String operation() {
        return operation;
    }

    IssueCause issueCause() {
        return issueCause;
    }

    String detail() {
        return getMessage();
    }

    Optional<EvidenceId> evidence() {
        return Optional.ofNullable(evidence);
    }

    /** An issue's message: the vendor's words (or what was wrong with the answer) and the last response's evidence. */
    String message() {
        return detail() + evidence().map(id -> " (evidence " + id + ")").orElse("");
    }
}
