package dev.evidentry.azure;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.IssueCause;
import java.util.Optional;

/** A call that failed, already classified: the operation, the cause, the vendor's words, the evidence of the answer. */
final class AzureCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String operation;
    private final IssueCause issueCause;
    private final String detail;
    private final transient EvidenceId evidence;

    AzureCallException(String operation, IssueCause issueCause, String detail, EvidenceId evidence, Throwable cause) {
        super(operation + ": " + detail, cause);
        this.operation = requireNonNull(operation, "operation is null");
        this.issueCause = requireNonNull(issueCause, "issueCause is null");
        this.detail = requireNonNull(detail, "detail is null");
        this.evidence = evidence;
    }

    static AzureCallException malformed(String operation, String what, EvidenceId evidence) {
        return new AzureCallException(operation, IssueCause.MALFORMED_RESPONSE, "the answer could not be read: " + what,
                evidence, null);
    }

    String operation() {
        return operation;
    }

    IssueCause issueCause() {
        return issueCause;
    }

    String detail() {
        return detail;
    }

    Optional<EvidenceId> evidence() {
        return Optional.ofNullable(evidence);
    }

    /** The sentence for an issue: what failed, for what, why, and the evidence that shows it. */
    String describe(String what) {
        return operation + (what.isEmpty() ? "" : " for " + what) + " failed: " + detail
                + evidence().map(id -> " (evidence " + id + ")").orElse("");
    }
}
