package dev.evidentry.testkit;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What one test collection produced: facts in the engine's order, issues, and the evidence files as stored. */
public record CollectionResult(List<Fact> facts, List<CollectionIssue> issues, Path evidenceDirectory) {

    public CollectionResult {
        facts = List.copyOf(requireNonNull(facts, "facts is null"));
        issues = List.copyOf(requireNonNull(issues, "issues is null"));
        requireNonNull(evidenceDirectory, "evidenceDirectory is null");
    }

    public <T extends Fact> List<T> facts(Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The stored evidence record (after redaction) as JSON text. */
    public String evidenceJson(EvidenceId id) {
        Path file = evidenceDirectory.resolve(id.sha256() + ".json");
        if (!Files.exists(file)) {
            throw new AssertionError("no evidence file " + file.getFileName() + " was stored");
        }
        return read(file);
    }

    /** Every stored evidence file's text, concatenated: the place to assert that no secret leaked. */
    public String allStoredText() {
        try (Stream<Path> files = Files.list(evidenceDirectory)) {
            return files.sorted().map(CollectionResult::read).collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many distinct evidence files were stored. */
    public long evidenceCount() {
        try (Stream<Path> files = Files.list(evidenceDirectory)) {
            return files.filter(file -> file.toString().endsWith(".json")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
