package dev.evidentry.azure;

import dev.evidentry.provider.support.CallException;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.IssueCause;

/**
 * An Azure call that failed, already classified. Its own sentences: the exception's message names the operation, a
 * malformed answer says so, and {@link #describe} puts the subject before "failed" and leaves the cause to the issue.
 */
final class AzureCallException extends CallException {

    private static final long serialVersionUID = 1L;

    AzureCallException(String operation, IssueCause issueCause, String detail, EvidenceId evidence, Throwable cause) {
        super(operation + ": " + detail, operation, issueCause, detail, evidence, cause);
    }

    public static AzureCallException malformed(String operation, String what, EvidenceId evidence) {
        return new AzureCallException(operation, IssueCause.MALFORMED_RESPONSE, "the answer could not be read: " + what,
                evidence, null);
    }

    /** The sentence for an issue: what failed, for what, why, and the evidence that shows it. */
    @Override
    public String describe(String what) {
        return operation() + (what.isEmpty() ? "" : " for " + what) + " failed: " + detail() + evidenceNote();
    }
}
