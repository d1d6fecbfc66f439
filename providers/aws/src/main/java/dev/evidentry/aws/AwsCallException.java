package dev.evidentry.aws;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.IssueCause;
import java.util.Optional;

/**
 * An AWS API call that failed, already classified: the operation ({@code s3:GetBucketEncryption}), why, in words that
 * hold no secret, and the evidence of the last response when there was one.
 */
final class AwsCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String operation;
    private final IssueCause issueCause;
    private final transient EvidenceId evidence;

    AwsCallException(String operation, IssueCause issueCause, String detail, EvidenceId evidence, Throwable cause) {
        super(requireNonNull(detail, "detail is null"), cause);
        this.operation = requireNonNull(operation, "operation is null");
        this.issueCause = requireNonNull(issueCause, "issueCause is null");
        this.evidence = evidence;
    }

    /** An answer that arrived but cannot honestly be read as a fact. */
    static AwsCallException malformed(String operation, String detail, EvidenceId evidence) {
        return new AwsCallException(operation, IssueCause.MALFORMED_RESPONSE, detail, evidence, null);
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

    /**
     * An issue's message: the vendor's own words and codes (or what was wrong with the answer), and the evidence of the
     * last response. The engine prefixes the operation and the cause's label wherever it shows an issue, so neither is
     * repeated here.
     */
    String message() {
        return detail() + evidence().map(id -> " (evidence " + id + ")").orElse("");
    }

    /** A sentence about this failure inside another call's issue: operation, subject, cause, the vendor's words. */
    String describe(String subject) {
        return operation + " failed" + (subject.isEmpty() ? "" : " for " + subject) + ": " + issueCause.label() + ": "
                + detail() + evidence().map(id -> " (evidence " + id + ")").orElse("");
    }
}
