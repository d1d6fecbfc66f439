package dev.evidentry.aws;

import dev.evidentry.spi.CollectContext;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.RawEvidence;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A plain context and sink for tests that build the provider themselves (to give it a sleeper): evidence kept in
 * memory as recorded (unredacted), tasks run one after the other.
 */
final class RecordingContext implements CollectContext, FactSink {

    final Map<EvidenceId, RawEvidence> evidence = new ConcurrentHashMap<>();
    final List<Fact> facts = new CopyOnWriteArrayList<>();
    final List<CollectionIssue> issues = new CopyOnWriteArrayList<>();
    final Set<String> secrets = ConcurrentHashMap.newKeySet();
    private final Map<String, String> options;

    RecordingContext(Map<String, String> options) {
        this.options = Map.copyOf(options);
    }

    @Override
    public Optional<String> option(String key) {
        return Optional.ofNullable(options.get(key));
    }

    @Override
    public Clock clock() {
        return Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    }

    @Override
    public EvidenceId recordEvidence(RawEvidence raw) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(raw.toString().getBytes(StandardCharsets.UTF_8));
            EvidenceId id = new EvidenceId(HexFormat.of().formatHex(digest));
            evidence.put(id, raw);
            return id;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public <T> void forEachConcurrently(Collection<T> items, Consumer<T> task) {
        items.forEach(task);
    }

    @Override
    public void registerSecret(String value) {
        secrets.add(value);
    }

    @Override
    public Progress progress() {
        return new Progress() {
            @Override
            public void planned(int units) {}

            @Override
            public void done(String what) {}
        };
    }

    @Override
    public void accept(Fact fact) {
        facts.add(fact);
    }

    @Override
    public void issue(CollectionIssue issue) {
        issues.add(issue);
    }

    <T extends Fact> List<T> facts(Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
