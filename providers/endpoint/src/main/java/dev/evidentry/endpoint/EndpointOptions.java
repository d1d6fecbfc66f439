package dev.evidentry.endpoint;

import dev.evidentry.spi.ProviderDescriptor.ProviderOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The provider's options, read before anything is collected. */
record EndpointOptions(Optional<Path> osqueryResults) {

    static final String OSQUERY_RESULTS = "osquery-results";

    static final Set<ProviderOption> DESCRIPTIONS = Set.of(
            new ProviderOption(OSQUERY_RESULTS, "an osqueryd snapshot result log, or a directory of them, holding "
                    + "the evidentry_* queries of docs/providers/endpoint.md"));

    static final Set<String> SECRET_OPTIONS = Set.of();

    /** A value that cannot be used. */
    static final class InvalidOptionException extends Exception {
        InvalidOptionException(String message) {
            super(message);
        }
    }

    static EndpointOptions parse(Function<String, Optional<String>> option) throws InvalidOptionException {
        Optional<Path> osquery;
        try {
            osquery = option.apply(OSQUERY_RESULTS).map(Path::of);
        } catch (java.nio.file.InvalidPathException e) {
            throw new InvalidOptionException("the option " + OSQUERY_RESULTS + " is not a path: " + e.getMessage());
        }
        if (osquery.isEmpty()) {
            throw new InvalidOptionException("no endpoint source is configured: give " + OSQUERY_RESULTS);
        }
        return new EndpointOptions(osquery);
    }
}
