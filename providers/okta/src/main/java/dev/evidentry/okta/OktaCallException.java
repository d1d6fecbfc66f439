package dev.evidentry.okta;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.IssueCause;
import java.util.Optional;

/**
 * An Okta API call that failed, already classified: the operation ({@code okta:listFactors}), why, in words that hold
 * no secret, and the evidence of the last response when there was one.
 */
final class OktaCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String operation;
    private final IssueCause issueCause;
    private final transient EvidenceId evidence;

    OktaCallException(String operation, IssueCause issueCause, String detail, EvidenceId evidence, Throwable cause) {
        super(requireNonNull(detail, "detail is null"), cause);
        this.operation = requireNonNull(operation, "operation is null");
        this.issueCause = requireNonNull(issueCause, "issueCause is null");
        this.evidence = evidence;
    }

    /** An answer that arrived but cannot honestly be read as a fact. */
    static OktaCallException malformed(OktaOperation operation, String detail, EvidenceId evidence) {
        return new OktaCallException(operation.issueName(), IssueCause.MALFORMED_RESPONSE, detail, evidence, null);
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

    /** The same failure with more words after the detail (what to do about it). */
    OktaCallException withAdvice(String advice) {
        return new OktaCallException(operation, issueCause, detail() + "; " + advice, evidence, getCause());
    }
}
