package dev.evidentry.github;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every response one API call received on the current thread, in order: retried attempts, redirects, and anything
 * github-api asked for on the way (the rate limit, an App installation token). github-api sends a request on the thread
 * that asked for it and reads paged lists lazily on the thread that iterates, so a trail opened around a library call
 * sees exactly that call's responses.
 */
final class CallTrail implements AutoCloseable {

    private static final ThreadLocal<CallTrail> CURRENT = new ThreadLocal<>();

    private final CallTrail outer;
    private final List<Exchange> exchanges = new ArrayList<>();
    private int rateLimited;

    private CallTrail(CallTrail outer) {
        this.outer = outer;
    }

    /** Opens a trail on this thread; close it (try-with-resources) when the call has returned. */
    static CallTrail open() {
        CallTrail trail = new CallTrail(CURRENT.get());
        CURRENT.set(trail);
        return trail;
    }

    /** Adds a response to the trail open on this thread, if any. */
    static void record(Exchange exchange) {
        CallTrail trail = CURRENT.get();
        if (trail != null) {
            trail.exchanges.add(exchange);
        }
    }

    /** Counts one more rate-limited answer for this thread's call and returns how many it has had. */
    static int noteRateLimited() {
        CallTrail trail = CURRENT.get();
        if (trail == null) {
            return 1;
        }
        return ++trail.rateLimited;
    }

    List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    /** The last response: the one that decided the call's outcome. */
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
