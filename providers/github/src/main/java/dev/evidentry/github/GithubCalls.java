package dev.evidentry.github;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.IssueCause;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import org.kohsuke.github.PagedIterable;
import org.kohsuke.github.PagedIterator;

/**
 * Makes github-api calls inside a {@link CallTrail}, so each answer comes with the {@link Exchange} it was read from,
 * and turns every failure into a classified {@link GithubCallException} that names the last response's evidence.
 */
final class GithubCalls {

    /** Page size for every list: GitHub's maximum. */
    static final int PAGE_SIZE = 100;

    private GithubCalls() {}

    /** A library call. */
    @FunctionalInterface
    interface LibraryCall<T> {
        T call() throws IOException;
    }

    /**
     * Calls GitHub once.
     *
     * @param operation as issues name it, such as {@code GET /orgs/{org}}
     */
    static <T> Answer<T> call(String operation, LibraryCall<T> call) {
        try (CallTrail trail = CallTrail.open()) {
            T value;
            try {
                value = call.call();
            } catch (IOException | RuntimeException e) {
                throw FailureClassifier.classify(operation, e, trail.last().orElse(null));
            }
            Exchange exchange = trail.last().orElseThrow(() -> noEvidence(operation));
            return new Answer<>(value, exchange, trail.exchanges());
        }
    }

    /**
     * Reads every page of a list, one after the other (GitHub's {@code Link: <...>; rel="next"}), handing each to
     * {@code page} as it arrives with the response it came from.
     *
     * @throws GithubCallException for a failed page (earlier pages have been handed on)
     */
    static <T> void pages(String operation, PagedIterable<T> list, Consumer<Page<T>> page) {
        PagedIterator<T> iterator = list.withPageSize(PAGE_SIZE).iterator();
        boolean first = true;
        while (true) {
            List<T> items;
            List<Exchange> exchanges;
            try (CallTrail trail = CallTrail.open()) {
                try {
                    if (!first && !iterator.hasNext()) {
                        return;
                    }
                    items = iterator.nextPage(); // the first page is fetched even when empty
                } catch (RuntimeException e) {
                    throw FailureClassifier.classify(operation, unwrap(e), trail.last().orElse(null));
                }
                exchanges = trail.exchanges();
                if (exchanges.isEmpty()) {
                    throw noEvidence(operation);
                }
            }
            first = false;
            page.accept(new Page<>(items, exchanges.get(exchanges.size() - 1), exchanges));
        }
    }

    private static Throwable unwrap(RuntimeException e) {
        // github-api wraps a failed page in GHException("Failed to retrieve ...", IOException)
        return e.getClass().getSimpleName().equals("GHException") && e.getCause() != null ? e.getCause() : e;
    }

    private static GithubCallException noEvidence(String operation) {
        return new GithubCallException(operation, IssueCause.PLUGIN_FAILURE, "the answer passed no evidence "
                + "recorder: the client was built without the evidence connector", -1, null, null);
    }

    /**
     * A successful answer.
     *
     * @param exchange the response the value was read from
     * @param all every response of the call (redirects, retried attempts, a rate-limit poll), in order
     */
    record Answer<T>(T value, Exchange exchange, List<Exchange> all) {
        Answer {
            requireNonNull(exchange, "exchange is null");
            all = List.copyOf(all);
        }

        EvidenceId evidence() {
            return exchange.evidence();
        }

        boolean redirected() {
            return all.stream().anyMatch(Exchange::redirected);
        }
    }

    /** One page of a list and the response it came from. */
    record Page<T>(List<T> items, Exchange exchange, List<Exchange> all) {
        Page {
            items = List.copyOf(items);
            requireNonNull(exchange, "exchange is null");
            all = List.copyOf(all);
        }

        EvidenceId evidence() {
            return exchange.evidence();
        }

        boolean redirected() {
            return all.stream().anyMatch(Exchange::redirected);
        }
    }
}
