package dev.evidentry.provider.support;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.ResourceRef;
import java.util.Optional;
import java.util.Set;

/**
 * A vendor API call that failed, already classified: the operation ({@code s3:GetBucketEncryption},
 * {@code GET /orgs/{org}/members}), why, in words that hold no secret, and the evidence of the last response when there
 * was one. A provider whose failures carry more (an HTTP status, a sentence of its own) subclasses it; a subclass that
 * adds state overrides {@link #explained} so that the state survives.
 */
public class CallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String operation;
    private final IssueCause issueCause;
    private final String detail;
    private final transient EvidenceId evidence;

    public CallException(String operation, IssueCause issueCause, String detail, EvidenceId evidence,
            Throwable cause) {
        this(detail, operation, issueCause, detail, evidence, cause);
    }

    /** For a subclass whose {@link #getMessage()} says more than the detail. */
    protected CallException(String message, String operation, IssueCause issueCause, String detail,
            EvidenceId evidence, Throwable cause) {
        super(message, cause);
        this.detail = requireNonNull(detail, "detail is null");
        this.operation = requireNonNull(operation, "operation is null");
        this.issueCause = requireNonNull(issueCause, "issueCause is null");
        this.evidence = evidence;
    }

    /** An answer that arrived but cannot honestly be read as a fact. */
    public static CallException malformed(String operation, String detail, EvidenceId evidence) {
        return new CallException(operation, IssueCause.MALFORMED_RESPONSE, detail, evidence, null);
    }

    public final String operation() {
        return operation;
    }

    public final IssueCause issueCause() {
        return issueCause;
    }

    /** The vendor's own words and codes, or what was wrong with the answer. */
    public final String detail() {
        return detail;
    }

    public final Optional<EvidenceId> evidence() {
        return Optional.ofNullable(evidence);
    }

    /**
     * An issue's message: the detail and the evidence of the last response. The engine prefixes the operation and the
     * cause's label wherever it shows an issue, so neither is repeated here.
     */
    public final String message() {
        return detail + evidenceNote();
    }

    /** A sentence about this failure inside another call's issue: operation, subject, cause, the vendor's words. */
    public String describe(String subject) {
        return operation + " failed" + (subject.isEmpty() ? "" : " for " + subject) + ": " + issueCause.label() + ": "
                + detail + evidenceNote();
    }

    /** The same failure with a sentence added after the detail: what it means, what to do about it. */
    public CallException explained(String meaning) {
        return explained(issueCause, meaning);
    }

    /** The same failure, now of {@code cause}, with a sentence added after the detail: what it means, what to do. */
    public CallException explained(IssueCause cause, String meaning) {
        return new CallException(operation, cause, detail + "; " + meaning, evidence, getCause());
    }

    /**
     * The issue this failure makes: on {@code resource} when there is one, otherwise on the whole {@code account} (the
     * AWS account, the organisation, the tenant...) with no region.
     */
    public final CollectionIssue issue(String provider, String account, ResourceRef resource, Set<String> factKinds) {
        return resource == null
                ? new CollectionIssue(provider, account, "", null, operation, factKinds, issueCause, message())
                : CollectionIssue.forResource(resource, operation, factKinds, issueCause, message());
    }

    /** {@code " (evidence <id>)"}, or nothing when no answer came. */
    protected final String evidenceNote() {
        return evidence().map(id -> " (evidence " + id + ")").orElse("");
    }
}
