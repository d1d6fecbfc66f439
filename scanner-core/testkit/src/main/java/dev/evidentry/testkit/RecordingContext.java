package dev.evidentry.testkit;

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
 * A plain context and sink for tests that build a provider themselves (to give it a sleeper, say) instead of loading
 * it through {@link ProviderTestKit}: options trimmed and blanks dropped as the engine does, evidence kept in memory as
 * recorded (unredacted), tasks run one after the other, and a clock that moves only when the provider {@link #sleep
 * sleeps} through this context, so waits are measured exactly and take no time.
 */
public final class RecordingContext implements CollectContext, FactSink {

    /** Where the clock starts unless a test says otherwise: {@link ProviderTestKit#FIXED_CLOCK}'s instant. */
    public static final Instant START = ProviderTestKit.FIXED_CLOCK.instant();

    private final Map<EvidenceId, RawEvidence> evidence = new ConcurrentHashMap<>();
    private final List<Fact> facts = new CopyOnWriteArrayList<>();
    private final List<CollectionIssue> issues = new CopyOnWriteArrayList<>();
    private final Set<String> secrets = ConcurrentHashMap.newKeySet();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final Map<String, String> options;
    private final ManualClock clock;

    public RecordingContext(Map<String, String> options) {
        this(options, START);
    }

    public RecordingContext(Map<String, String> options, Instant start) {
        this.options = Map.copyOf(options);
        this.clock = new ManualClock(start);
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

    /** A sleeper for the provider under test: records the wait and moves the clock by it, at once. */
    public void sleep(Duration duration) {
        sleeps.add(duration);
        clock.advance(duration);
    }

    /** Every wait passed to {@link #sleep}, in order. */
    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    public List<Fact> facts() {
        return List.copyOf(facts);
    }

    public <T extends Fact> List<T> facts(Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public List<CollectionIssue> issues() {
        return List.copyOf(issues);
    }

    /** Every value registered as secret. */
    public Set<String> secrets() {
        return Set.copyOf(secrets);
    }

    /** The evidence recorded, by id, as the provider gave it (not redacted). */
    public Map<EvidenceId, RawEvidence> evidence() {
        return Map.copyOf(evidence);
    }

    /** Every evidence record as text, request and response: the place to assert no secret was put there. */
    public String allEvidenceText() {
        StringBuilder text = new StringBuilder();
        evidence.values().forEach(raw -> text.append(raw).append('\n'));
        return text.toString();
    }
}
