package dev.evidentry.github;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.IssueCause;
import java.util.Optional;

/**
 * A GitHub API call that failed, already classified: the operation ({@code GET /orgs/{org}/members}), why, in words
 * that hold no secret, and the evidence of the last response when there was one.
 */
final class GithubCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String operation;
    private final IssueCause issueCause;
    private final int status;
    private final transient EvidenceId evidence;

    GithubCallException(String operation, IssueCause issueCause, String detail, int status, EvidenceId evidence,
            Throwable cause) {
        super(requireNonNull(detail, "detail is null"), cause);
        this.operation = requireNonNull(operation, "operation is null");
        this.issueCause = requireNonNull(issueCause, "issueCause is null");
        this.status = status;
        this.evidence = evidence;
    }

    /** An answer that arrived but cannot honestly be read as a fact. */
    static GithubCallException malformed(String operation, String detail, EvidenceId evidence) {
        return new GithubCallException(operation, IssueCause.MALFORMED_RESPONSE, detail, -1, evidence, null);
    }

    String operation() {
        return operation;
    }

    IssueCause issueCause() {
        return issueCause;
    }

    /** The HTTP status of the last answer, or -1 when none came. */
    int status() {
        return status;
    }

    String detail() {
        return getMessage();
    }

    Optional<EvidenceId> evidence() {
        return Optional.ofNullable(evidence);
    }

    /** The issue's message: the vendor's words and status, and the evidence of the last response. */
    String message() {
        return detail() + evidence().map(id -> " (evidence " + id + ")").orElse("");
    }

    /** The same failure with a sentence added that says what it means for the scan. */
    GithubCallException explained(IssueCause cause, String meaning) {
        return new GithubCallException(operation, cause, detail() + "; " + meaning, status, evidence, getCause());
    }
}
