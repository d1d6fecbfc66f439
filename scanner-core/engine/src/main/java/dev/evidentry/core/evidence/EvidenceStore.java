package dev.evidentry.core.evidence;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.RawEvidence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes raw evidence to {@code evidence/<sha256>.json} as it arrives, so a scan that dies later loses none of it.
 * Secrets are redacted before the content is hashed; identical exchanges share one file.
 */
public final class EvidenceStore {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final Path directory;
    private final SecretRedactor redactor;
    private final Clock clock;
    private final AtomicInteger stored = new AtomicInteger();
    private final Map<String, LongAdder> responsesByOperation = new ConcurrentHashMap<>();

    public EvidenceStore(Path directory, SecretRedactor redactor, Clock clock) {
        this.directory = requireNonNull(directory, "directory is null");
        this.redactor = requireNonNull(redactor, "redactor is null");
        this.clock = requireNonNull(clock, "clock is null");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create evidence directory " + directory, e);
        }
    }

    public Path directory() {
        return directory;
    }

    /** How many distinct evidence files this store has written. */
    public int count() {
        return stored.get();
    }

    /**
     * Every HTTP response recorded, retries included, by {@code provider:service:operation}: the API calls the scan
     * made, which the manifest reports and the benchmark compares with the minimum the checks need.
     */
    public Map<String, Long> responsesByOperation() {
        Map<String, Long> counts = new TreeMap<>();
        responsesByOperation.forEach((operation, count) -> counts.put(operation, count.sum()));
        return counts;
    }

    public EvidenceId record(RawEvidence evidence) {
        responsesByOperation.computeIfAbsent(
                evidence.provider() + ":" + evidence.service() + ":" + evidence.operation(), key -> new LongAdder())
                .increment();
        ObjectNode content = JSON.createObjectNode();
        content.put("provider", evidence.provider());
        content.put("service", evidence.service());
        content.put("operation", evidence.operation());
        content.put("region", evidence.region());
        ObjectNode request = content.putObject("request");
        for (Map.Entry<String, String> parameter : evidence.requestParameters().entrySet()) {
            String value = SecretRedactor.isSecretName(parameter.getKey())
                    ? SecretRedactor.REDACTED : redactor.redact(parameter.getValue());
            request.put(parameter.getKey(), value);
        }
        ObjectNode response = content.putObject("response");
        response.put("statusCode", evidence.statusCode());
        response.put("contentType", evidence.contentType());
        response.put("body", redactor.redact(evidence.responseBody()));

        EvidenceId id = new EvidenceId(sha256(content));
        ObjectNode file = JSON.createObjectNode();
        file.put("id", id.sha256());
        file.put("collectedAt", clock.instant().toString());
        file.setAll(content);
        write(id, file);
        return id;
    }

    private void write(EvidenceId id, ObjectNode file) {
        Path target = directory.resolve(id.sha256() + ".json");
        if (Files.exists(target)) {
            return;
        }
        try {
            Path temporary = Files.createTempFile(directory, ".evidence-", ".tmp");
            Files.write(temporary, JSON.writeValueAsBytes(file), StandardOpenOption.TRUNCATE_EXISTING);
            try {
                Files.move(temporary, target);
                stored.incrementAndGet();
            } catch (FileAlreadyExistsException raced) {
                Files.delete(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write evidence " + target, e);
        }
    }

    private static String sha256(ObjectNode content) {
        try {
            byte[] canonical = JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(content);
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash evidence", e);
        }
    }
}
