package dev.evidentry.github;

import dev.evidentry.provider.support.CallException;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.IssueCause;

/**
 * A GitHub API call that failed, already classified ({@code GET /orgs/{org}/members}), with the HTTP status of the
 * last answer: GitHub answers 404 both for what does not exist and for what the token may not see, so the collectors
 * decide on the status.
 */
final class GithubCallException extends CallException {

    private static final long serialVersionUID = 1L;

    private final int status;

    GithubCallException(String operation, IssueCause issueCause, String detail, int status, EvidenceId evidence,
            Throwable cause) {
        super(operation, issueCause, detail, evidence, cause);
        this.status = status;
    }

    /** An answer that arrived but cannot honestly be read as a fact. */
    public static GithubCallException malformed(String operation, String detail, EvidenceId evidence) {
        return new GithubCallException(operation, IssueCause.MALFORMED_RESPONSE, detail, -1, evidence, null);
    }

    /** The HTTP status of the last answer, or -1 when none came. */
    int status() {
        return status;
    }

    /** The same failure, status kept, with a sentence added that says what it means for the scan. */
    @Override
    public GithubCallException explained(IssueCause cause, String meaning) {
        return new GithubCallException(operation(), cause, detail() + "; " + meaning, status, evidence().orElse(null),
                getCause());
    }
}
