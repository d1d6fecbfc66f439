package dev.evidentry.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * When each operation's answers arrived during collection, read from the {@code collectedAt} of the bundle's evidence
 * files (one file per distinct exchange, so identical answers count once): shows where collection waited, such as a
 * phase that starts only when the slowest call of the one before has finished.
 *
 * @param operations per operation, first and last answer, in seconds after the scan started, ordered by first answer
 */
record Timeline(List<Span> operations) {

    /** One operation's answers: how many evidence files, the first and the last, in seconds after the scan started. */
    record Span(String operation, int files, double first, double last) {}

    private static final JsonFactory FACTORY = new JsonFactory();

    static Timeline read(Path evidence, Instant scanStart) throws IOException {
        Map<String, double[]> spans = new HashMap<>();
        Map<String, Integer> files = new HashMap<>();
        if (!Files.isDirectory(evidence)) {
            return new Timeline(List.of());
        }
        try (Stream<Path> paths = Files.list(evidence)) {
            for (Path file : paths.filter(path -> path.toString().endsWith(".json")).toList()) {
                String[] head = head(file);
                if (head == null) {
                    continue;
                }
                double at = Duration.between(scanStart, Instant.parse(head[0])).toNanos() / 1e9;
                String operation = head[1] + ":" + head[2];
                spans.merge(operation, new double[] {at, at},
                        (a, b) -> new double[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
                files.merge(operation, 1, Integer::sum);
            }
        }
        List<Span> result = new ArrayList<>();
        spans.forEach((operation, span) -> result.add(new Span(operation, files.get(operation), span[0], span[1])));
        result.sort(Comparator.comparingDouble(Span::first).thenComparing(Span::operation));
        return new Timeline(List.copyOf(result));
    }

    /** collectedAt, service and operation: the first fields of an evidence file, read without its body. */
    private static String[] head(Path file) throws IOException {
        String collectedAt = null;
        String service = null;
        String operation = null;
        try (JsonParser parser = FACTORY.createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "collectedAt" -> collectedAt = parser.getText();
                    case "service" -> service = parser.getText();
                    case "operation" -> operation = parser.getText();
                    default -> {
                        if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                            parser.skipChildren();
                        }
                    }
                }
                if (collectedAt != null && service != null && operation != null) {
                    return new String[] {collectedAt, service, operation};
                }
            }
        }
        return null;
    }
}
