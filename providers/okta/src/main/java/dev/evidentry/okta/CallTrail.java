package dev.evidentry.okta;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The responses one API call received, in order, so that the code that made the call learns the evidence id (and the
 * next-page link and rate-limit headers) of the response it got, even when the SDK threw. The Okta SDK's Apache
 * HttpClient runs the request on the calling thread, so the trail travels in a thread-local from
 * {@link OktaCalls} to the {@link EvidenceRecorder} and back.
 */
final class CallTrail implements AutoCloseable {

    private static final ThreadLocal<CallTrail> CURRENT = new ThreadLocal<>();

    private final OktaOperation operation;
    private final CallTrail outer;
    private final List<Exchange> exchanges = new ArrayList<>();

    private CallTrail(OktaOperation operation, CallTrail outer) {
        this.operation = requireNonNull(operation, "operation is null");
        this.outer = outer;
    }

    /** Starts the trail of a call on this thread; close it when the call returns. */
    static CallTrail open(OktaOperation operation) {
        CallTrail trail = new CallTrail(operation, CURRENT.get());
        CURRENT.set(trail);
        return trail;
    }

    /** The trail of the call running on this thread, if any (the SDK's own token requests may run outside one). */
    static Optional<CallTrail> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    OktaOperation operation() {
        return operation;
    }

    void add(Exchange exchange) {
        exchanges.add(requireNonNull(exchange, "exchange is null"));
    }

    /** The last response received: the one that decided the call's outcome. */
    Optional<Exchange> last() {
        return exchanges.isEmpty() ? Optional.empty() : Optional.of(exchanges.get(exchanges.size() - 1));
    }

    @Override
    public void close() {
        if (outer == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(outer);
        }
    }
}
