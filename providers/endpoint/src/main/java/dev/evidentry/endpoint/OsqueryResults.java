package dev.evidentry.endpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evidentry.spi.CollectContext;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.RawEvidence;
import dev.evidentry.spi.fact.EndpointDiskEncryption;
import dev.evidentry.spi.fact.EndpointOperatingSystem;
import dev.evidentry.spi.fact.EndpointProtection;
import dev.evidentry.spi.fact.EndpointScreenLock;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads osqueryd's snapshot result logs (the filesystem logger's JSON lines: {@code name}, {@code hostIdentifier},
 * {@code calendarTime}, {@code unixTime}, {@code snapshot}) from a file or a directory, keeps each host's latest line
 * per named query, records it as evidence and turns each host into a {@link Sighting}.
 *
 * <p>A line that cannot be read is one {@code MALFORMED_RESPONSE} issue naming the file and line, for the fact kinds
 * its query feeds (all of them when even the query name cannot be read); the other lines are still read. Lines of
 * other queries and differential ({@code added}/{@code removed}) lines are skipped.
 */
final class OsqueryResults {

    static final String SOURCE = "osquery";
    static final Set<String> KINDS = Set.of(EndpointProtection.KIND, EndpointDiskEncryption.KIND,
            EndpointScreenLock.KIND, EndpointOperatingSystem.KIND);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One kept result line. */
    record Line(String file, int number, String text, long unixTime) {
    }

    private final CollectContext context;
    private final FactSink sink;
    private final Map<String, Map<OsqueryQuery, Line>> hosts = new TreeMap<>();

    OsqueryResults(CollectContext context, FactSink sink) {
        this.context = context;
        this.sink = sink;
    }

    /** Reads every result file under {@code location} and returns one sighting per host. */
    List<Sighting> read(Path location) {
        List<Path> files;
        try {
            files = files(location);
        } catch (IOException e) {
            sink.issue(new CollectionIssue(EndpointProvider.ID, SOURCE, "", null, "osquery:read", KINDS,
                    IssueCause.CONFIGURATION, "cannot read the osquery results " + location + " (option "
                            + EndpointOptions.OSQUERY_RESULTS + "): " + e));
            return List.of();
        }
        for (Path file : files) {
            readFile(location, file);
        }
        List<Sighting> sightings = new ArrayList<>();
        hosts.forEach((host, lines) -> sightings.add(OsqueryHost.sighting(host, evidence(host, lines))));
        return sightings;
    }

    private static List<Path> files(Path location) throws IOException {
        if (!Files.exists(location)) {
            throw new java.io.FileNotFoundException("no such file or directory");
        }
        if (!Files.isDirectory(location)) {
            return List.of(location);
        }
        try (Stream<Path> walk = Files.walk(location)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }

    private void readFile(Path root, Path file) {
        String name = Files.isDirectory(root) ? root.relativize(file).toString().replace('\\', '/')
                : file.getFileName().toString();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int number = 0;
            while ((text = reader.readLine()) != null) {
                number++;
                if (!text.isBlank()) {
                    readLine(name, number, text.strip());
                }
            }
        } catch (IOException e) {
            sink.issue(new CollectionIssue(EndpointProvider.ID, SOURCE, "", null, "osquery:read", KINDS,
                    IssueCause.MALFORMED_RESPONSE, "cannot read the osquery result file " + name + ": " + e));
        }
    }

    private void readLine(String file, int number, String text) {
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            malformed(file, number, text, null, "not JSON: " + e.getOriginalMessage());
            return;
        }
        if (json == null || !json.isObject() || !json.path("name").isTextual()) {
            malformed(file, number, text, null, "not an osquery result line (no \"name\")");
            return;
        }
        Optional<OsqueryQuery> query = OsqueryQuery.forResultName(json.path("name").asText());
        if (query.isEmpty() || json.has("diffResults") || (json.has("action")
                && !"snapshot".equals(json.path("action").asText()))) {
            return;
        }
        String host = json.path("hostIdentifier").asText("").strip();
        if (host.isEmpty()) {
            malformed(file, number, text, query.get(), "no \"hostIdentifier\"");
            return;
        }
        if (!json.path("snapshot").isArray()) {
            malformed(file, number, text, query.get(), "no \"snapshot\" array (log the query as a snapshot)");
            return;
        }
        long unixTime;
        try {
            unixTime = unixTime(json);
        } catch (NumberFormatException e) {
            malformed(file, number, text, query.get(), "\"unixTime\" is not a number");
            return;
        }
        // Only the text is kept: a parsed tree costs several times its text, and a large fleet's latest lines are all
        // held until every file is read; the few kept lines are parsed again when their facts are built.
        Line line = new Line(file, number, text, unixTime);
        hosts.computeIfAbsent(host, key -> new EnumMap<>(OsqueryQuery.class))
                .merge(query.get(), line, (kept, next) -> next.unixTime() >= kept.unixTime() ? next : kept);
    }

    private static long unixTime(JsonNode json) {
        JsonNode time = json.path("unixTime");
        if (time.isNumber()) {
            return time.asLong();
        }
        if (time.isTextual()) {
            return Long.parseLong(time.asText().strip());
        }
        throw new NumberFormatException("missing");
    }

    /** One issue for the line, which is stored as evidence so that the issue's advice can be followed. */
    private void malformed(String file, int number, String text, OsqueryQuery query, String why) {
        String operation = query == null ? "read" : query.queryName();
        EvidenceId evidence = context.recordEvidence(new RawEvidence(EndpointProvider.ID, SOURCE, operation, "",
                Map.of("file", file, "line", String.valueOf(number)), 0, "", text));
        sink.issue(new CollectionIssue(EndpointProvider.ID, SOURCE, "", null, "osquery:" + operation,
                query == null ? KINDS : query.factKinds(), IssueCause.MALFORMED_RESPONSE,
                "osquery result " + file + " line " + number + " could not be read: " + why
                        + "; the other lines were read (evidence " + evidence + ")"));
    }

    /** The snapshot rows of a line that was read once already. */
    private static JsonNode snapshot(Line line) {
        try {
            return JSON.readTree(line.text()).path("snapshot");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a line read before cannot be read again: " + line.file() + " line "
                    + line.number(), e);
        }
    }

    /** Records each kept line as evidence: service osquery, operation the query name. */
    private Map<OsqueryQuery, OsqueryHost.Result> evidence(String host, Map<OsqueryQuery, Line> lines) {
        Map<OsqueryQuery, OsqueryHost.Result> results = new EnumMap<>(OsqueryQuery.class);
        lines.forEach((query, line) -> {
            EvidenceId id = context.recordEvidence(new RawEvidence(EndpointProvider.ID, SOURCE, query.queryName(),
                    "", Map.of("hostIdentifier", host, "file", line.file(), "line", String.valueOf(line.number())),
                    0, "application/json", line.text()));
            results.put(query, new OsqueryHost.Result(snapshot(line), Instant.ofEpochSecond(line.unixTime()), id));
        });
        return results;
    }
}
