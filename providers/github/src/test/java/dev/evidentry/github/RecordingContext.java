package dev.evidentry.github;

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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
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
 * memory as recorded (unredacted), tasks run one after the other, and a clock that moves only when the provider sleeps,
 * so waits are measured exactly and take no time.
 */
final class RecordingContext implements CollectContext, FactSink {

    final Map<EvidenceId, RawEvidence> evidence = new ConcurrentHashMap<>();
    final List<Fact> facts = new CopyOnWriteArrayList<>();
    final List<CollectionIssue> issues = new CopyOnWriteArrayList<>();
    final Set<String> secrets = ConcurrentHashMap.newKeySet();
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    final ManualClock clock = new ManualClock(FakeGithub.NOW);
    private final Map<String, String> options;

    RecordingContext(Map<String, String> options) {
        this.options = Map.copyOf(options);
    }

    /** The sleeper to build the provider with: records the wait and moves the clock. */
    Sleeper sleeper() {
        return duration -> {
            sleeps.add(duration);
            clock.advance(duration);
        };
    }

    @Override
    public Optional<String> option(String key) {
        return Optional.ofNullable(options.get(key)).map(String::strip).filter(value -> !value.isEmpty());
    }

    @Override
    public Clock clock() {
        return clock;
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

    /** Every evidence record as text, request and response: the place to assert no secret was put there. */
    String allEvidenceText() {
        StringBuilder text = new StringBuilder();
        evidence.values().forEach(raw -> text.append(raw).append('\n'));
        return text.toString();
    }

    /** A clock that only moves when told. */
    static final class ManualClock extends Clock {
        private volatile Instant now;

        ManualClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
