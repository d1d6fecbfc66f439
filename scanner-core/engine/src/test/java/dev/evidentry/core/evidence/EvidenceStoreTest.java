package dev.evidentry.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.RawEvidence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceStoreTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    private final SecretRedactor redactor = new SecretRedactor();

    private static RawEvidence exchange(String body) {
        return new RawEvidence("testcloud", "iam", "GetUser", "eu-west-1", Map.of("UserName", "alice"), 200,
                "application/json", body);
    }

    @Test
    void theSameExchangeGetsTheSameIdAndOneFile() throws IOException {
        EvidenceStore store = new EvidenceStore(directory, redactor, CLOCK);

        EvidenceId first = store.record(exchange("{\"user\":\"alice\"}"));
        EvidenceId second = store.record(exchange("{\"user\":\"alice\"}"));

        assertThat(second).isEqualTo(first);
        assertThat(files()).containsExactly(directory.resolve(first.sha256() + ".json"));
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void differentBodiesGetDifferentIds() throws IOException {
        EvidenceStore store = new EvidenceStore(directory, redactor, CLOCK);

        EvidenceId alice = store.record(exchange("{\"user\":\"alice\"}"));
        EvidenceId bob = store.record(exchange("{\"user\":\"bob\"}"));
        EvidenceId otherStatus = store.record(new RawEvidence("testcloud", "iam", "GetUser", "eu-west-1",
                Map.of("UserName", "alice"), 404, "application/json", "{\"user\":\"alice\"}"));

        assertThat(List.of(alice, bob, otherStatus)).doesNotHaveDuplicates();
        assertThat(files()).hasSize(3);
        assertThat(store.count()).isEqualTo(3);
    }

    @Test
    void secretsAreRedactedBeforeHashingSoExchangesDifferingOnlyInASecretShareAnId() throws IOException {
        EvidenceStore store = new EvidenceStore(directory, redactor, CLOCK);

        EvidenceId monday = store.record(exchange("{\"user\":\"alice\",\"access_token\":\"token-of-monday\"}"));
        EvidenceId tuesday = store.record(exchange("{\"user\":\"alice\",\"access_token\":\"token-of-tuesday\"}"));

        assertThat(tuesday).isEqualTo(monday);
        String stored = Files.readString(directory.resolve(monday.sha256() + ".json"));
        assertThat(stored).doesNotContain("token-of-monday", "token-of-tuesday").contains("[REDACTED]");
    }

    @Test
    void registeredSecretValuesAreRedactedBeforeHashing() throws IOException {
        redactor.registerSecret("api-key-0123456789");
        EvidenceStore store = new EvidenceStore(directory, redactor, CLOCK);

        EvidenceId id = store.record(exchange("{\"note\":\"called with api-key-0123456789\"}"));

        assertThat(id).isEqualTo(new EvidenceStore(directory.resolve("other"), new SecretRedactor(), CLOCK)
                .record(exchange("{\"note\":\"called with [REDACTED]\"}")));
        assertThat(Files.readString(directory.resolve(id.sha256() + ".json"))).doesNotContain("api-key-0123456789");
    }

    @Test
    void theFileHoldsTheIdTheTimeFromTheClockTheRequestAndTheResponse() throws IOException {
        EvidenceStore store = new EvidenceStore(directory, redactor, CLOCK);

        EvidenceId id = store.record(new RawEvidence("testcloud", "storage", "GetBucketEncryption", "eu-west-1",
                Map.of("Bucket", "bucket-a", "ExpectedBucketOwner", "111122223333"), 200, "application/xml",
                "<ServerSideEncryptionConfiguration/>"));

        JsonNode file = JSON.readTree(directory.resolve(id.sha256() + ".json").toFile());
        assertThat(file.path("id").asText()).isEqualTo(id.sha256());
        assertThat(file.path("collectedAt").asText()).isEqualTo("2026-03-01T12:00:00Z");
        assertThat(file.path("provider").asText()).isEqualTo("testcloud");
        assertThat(file.path("service").asText()).isEqualTo("storage");
        assertThat(file.path("operation").asText()).isEqualTo("GetBucketEncryption");
        assertThat(file.path("region").asText()).isEqualTo("eu-west-1");
        assertThat(file.path("request").path("Bucket").asText()).isEqualTo("bucket-a");
        assertThat(file.path("request").path("ExpectedBucketOwner").asText()).isEqualTo("111122223333");
        assertThat(file.path("response").path("statusCode").asInt()).isEqualTo(200);
        assertThat(file.path("response").path("contentType").asText()).isEqualTo("application/xml");
        assertThat(file.path("response").path("body").asText()).isEqualTo("<ServerSideEncryptionConfiguration/>");
    }

    @Test
    void theTimeOfCollectionIsNotPartOfTheId() {
        EvidenceId early = new EvidenceStore(directory.resolve("a"), redactor, CLOCK).record(exchange("{}"));
        EvidenceId late = new EvidenceStore(directory.resolve("b"), redactor,
                Clock.offset(CLOCK, java.time.Duration.ofDays(1))).record(exchange("{}"));

        assertThat(late).isEqualTo(early);
    }

    @Test
    void requestParametersWithSecretNamesAreRedacted() throws IOException {
        EvidenceStore store = new EvidenceStore(directory, redactor, CLOCK);

        EvidenceId id = store.record(new RawEvidence("testcloud", "iam", "ChangePassword", "",
                Map.of("UserName", "alice", "NewPassword", "Summer2026!", "OldPassword", "Winter2025!"), 200,
                "text/xml", "<ChangePasswordResponse/>"));

        JsonNode request = JSON.readTree(directory.resolve(id.sha256() + ".json").toFile()).path("request");
        assertThat(request.path("NewPassword").asText()).isEqualTo("[REDACTED]");
        assertThat(request.path("OldPassword").asText()).isEqualTo("[REDACTED]");
        assertThat(request.path("UserName").asText()).isEqualTo("alice");
        assertThat(Files.readString(directory.resolve(id.sha256() + ".json")))
                .doesNotContain("Summer2026!", "Winter2025!");
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws IOException {
        EvidenceStore store = new EvidenceStore(directory, redactor, CLOCK);
        for (int i = 0; i < 5; i++) {
            store.record(exchange("{\"n\":" + i % 2 + "}"));
        }

        assertThat(files()).hasSize(2).allSatisfy(file -> assertThat(file.getFileName().toString())
                .matches("[0-9a-f]{64}\\.json"));
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
