package dev.evidentry.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evidentry.core.cli.EvidentryCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The built layout under test (target/evidentry), and in-process runs of its command line against it. */
final class Distribution {

    static final ObjectMapper JSON = new ObjectMapper();

    private Distribution() {
    }

    static Path home() {
        String configured = System.getProperty("evidentry.distribution");
        Path home = Path.of(configured != null ? configured : "target/evidentry");
        if (!Files.isDirectory(home.resolve("plugins/aws"))) {
            throw new IllegalStateException("the distribution layout is missing at " + home.toAbsolutePath()
                    + "; these tests run after 'package' (./mvnw verify)");
        }
        return home;
    }

    /** Runs {@code evidentry ARGS} in this JVM with the layout's plugins, capturing what it prints. */
    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = EvidentryCli.run(args, new EvidentryCli.Environment(outStream, errStream, home(), false));
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    record Run(int exitCode, String out, String err) {
    }

    /** The lines of a bundle's findings.jsonl. */
    static List<JsonNode> findings(Path bundle) {
        return jsonLines(bundle.resolve("findings.jsonl"));
    }

    static List<JsonNode> jsonLines(Path file) {
        try {
            List<JsonNode> nodes = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                nodes.add(JSON.readTree(line));
            }
            return nodes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The outcome of one check on the one resource whose native id is {@code nativeId}. */
    static String outcome(List<JsonNode> findings, String checkId, String nativeId) {
        List<JsonNode> matches = findings.stream()
                .filter(node -> node.path("checkId").asText().equals(checkId))
                .filter(node -> node.path("resource").path("nativeId").asText().equals(nativeId))
                .toList();
        if (matches.size() != 1) {
            throw new AssertionError("expected one finding of " + checkId + " on " + nativeId + ", found "
                    + matches.size() + " among " + findings.size());
        }
        return matches.get(0).path("outcome").asText();
    }

    static JsonNode finding(List<JsonNode> findings, String checkId, String nativeId) {
        return findings.stream()
                .filter(node -> node.path("checkId").asText().equals(checkId))
                .filter(node -> node.path("resource").path("nativeId").asText().equals(nativeId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no finding of " + checkId + " on " + nativeId));
    }

    /** Every file of a bundle, concatenated: where a leaked secret would show. */
    static String allText(Path bundle) {
        try (Stream<Path> files = Files.walk(bundle)) {
            StringBuilder text = new StringBuilder();
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                text.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
            }
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
