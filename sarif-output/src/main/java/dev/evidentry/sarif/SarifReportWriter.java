package dev.evidentry.sarif;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.TrustServicesCriteria;
import dev.evidentry.spi.TrustServicesCriterion;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Streams one SARIF 2.1.0 log holding exactly one run, shaped for GitHub code scanning.
 *
 * <p>The constructor writes the log header, the tool with its rules, the SOC 2 taxonomy and opens
 * {@code runs[0].results}; {@link #add} writes one result at a time, so memory does not grow with the number of
 * findings; {@link #close} writes the invocation (times, success, collection issues as notifications) and ends the
 * JSON. The output is pretty-printed with two spaces and {@code \n} line ends, and is byte-for-byte the same for the
 * same input: rules are sorted by id, notifications by scope, and property bags by key. Results keep the order in
 * which they are added.
 *
 * <p>{@link #close} flushes but does <em>not</em> close the given stream: the caller owns it (it may be an entry of
 * the evidence bundle's zip). Not thread-safe.
 */
public final class SarifReportWriter implements Closeable {

    static final String SARIF_VERSION = "2.1.0";
    static final String SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String TAXONOMY_NAME = "SOC2";
    static final String TAXONOMY_ORGANIZATION = "AICPA";
    static final String TAXONOMY_DESCRIPTION = "SOC 2 Trust Services Criteria (2017, points of focus revised 2022)";
    static final String ERROR_PREFIX = "Could not evaluate: ";

    /** A failing check: a problem was found (SARIF 2.1.0 §3.27.9). */
    static final String KIND_FAIL = "fail";

    /**
     * A check that could not be evaluated ({@code Outcome.ERROR}) is {@code open}, not {@code review}. SARIF 2.1.0
     * §3.27.9 defines {@code open} as "the rule was evaluated, and the tool concluded that there was insufficient
     * information to decide whether a problem exists": exactly our case, a needed fact could not be collected.
     * {@code review} means the result needs a human's judgement to decide whether it is a problem, which would say
     * the evidence is there and merely ambiguous. Neither is a pass, and the result is never dropped.
     */
    static final String KIND_COULD_NOT_EVALUATE = "open";

    /**
     * Level of an {@code open} result. SARIF 2.1.0 §3.27.10: when {@code kind} is anything but {@code fail},
     * {@code level}, if present, SHALL be {@code none}. Writing {@code warning} here would be schema-valid but
     * non-conforming, so ERROR results say {@code none} explicitly; their visibility comes from the kind, the
     * "Could not evaluate" message and the rule's security-severity, and the exit code (3) gates the pipeline.
     */
    static final String LEVEL_COULD_NOT_EVALUATE = "none";

    private static final Comparator<CollectionIssue> ISSUE_ORDER = Comparator.comparing(CollectionIssue::provider)
            .thenComparing(CollectionIssue::account)
            .thenComparing(CollectionIssue::region)
            .thenComparing(CollectionIssue::operation)
            .thenComparing(issue -> issue.resourceIfAny().map(ResourceRef::nativeId).orElse(""))
            .thenComparing(CollectionIssue::cause)
            .thenComparing(CollectionIssue::message)
            .thenComparing(issue -> String.join(",", new TreeSet<>(issue.factKinds())));

    private final JsonGenerator json;
    private final SarifRun run;
    private final Map<String, Integer> ruleIndexes;
    private final List<SarifRule> rules;
    private boolean closed;

    /**
     * Writes the log header and opens {@code runs[0].results}.
     *
     * @param out where the UTF-8 JSON goes; not closed by {@link #close}
     * @param run the run's static parts
     */
    public SarifReportWriter(OutputStream out, SarifRun run) throws IOException {
        requireNonNull(out, "out is null");
        this.run = requireNonNull(run, "run is null");
        this.rules = run.rules().stream().map(SarifRule::of).toList();
        Map<String, Integer> indexes = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            indexes.put(rules.get(i).id(), i);
        }
        this.ruleIndexes = Map.copyOf(indexes);
        this.json = JsonFactory.builder().build().createGenerator(out, JsonEncoding.UTF8);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.setPrettyPrinter(prettyPrinter());
        writeHeader();
    }

    /**
     * Streams one result. {@code PASS} and {@code NOT_APPLICABLE} findings are not results and are skipped;
     * {@code FAIL} and {@code ERROR} are written.
     *
     * @throws IllegalArgumentException when the finding's check is not among the run's rules
     * @throws IllegalStateException after {@link #close}
     */
    public void add(Finding finding) throws IOException {
        requireNonNull(finding, "finding is null");
        if (closed) {
            throw new IllegalStateException("the SARIF log is already closed");
        }
        Integer ruleIndex = ruleIndexes.get(finding.checkId());
        if (ruleIndex == null) {
            throw new IllegalArgumentException(
                    "finding for check " + finding.checkId() + ", which is not among the run's rules");
        }
        switch (finding.outcome()) {
            case PASS, NOT_APPLICABLE -> {
                return;
            }
            case FAIL -> writeResult(finding, ruleIndex, KIND_FAIL, rules.get(ruleIndex).level(), finding.message());
            case ERROR -> writeResult(finding, ruleIndex, KIND_COULD_NOT_EVALUATE, LEVEL_COULD_NOT_EVALUATE,
                    ERROR_PREFIX + finding.message());
        }
    }

    /** Writes the invocation and ends the log; flushes, but leaves the stream open. Idempotent. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            json.writeEndArray(); // results
            writeInvocations();
            json.writeEndObject(); // run
            json.writeEndArray(); // runs
            json.writeEndObject(); // log
            json.writeRaw('\n');
            json.flush();
        } finally {
            json.close();
        }
    }

    // ---- header -----------------------------------------------------------------------------------------------

    private void writeHeader() throws IOException {
        json.writeStartObject();
        json.writeStringField("$schema", SARIF_SCHEMA);
        json.writeStringField("version", SARIF_VERSION);
        json.writeArrayFieldStart("runs");
        json.writeStartObject();
        writeTool();
        json.writeObjectFieldStart("automationDetails");
        json.writeStringField("id", run.automationId());
        json.writeEndObject();
        writeTaxonomies();
        json.writeArrayFieldStart("results");
        json.flush();
    }

    private void writeTool() throws IOException {
        SarifTool tool = run.tool();
        json.writeObjectFieldStart("tool");
        json.writeObjectFieldStart("driver");
        json.writeStringField("name", tool.name());
        json.writeStringField("version", tool.version());
        if (SemanticVersions.isValid(tool.version())) {
            json.writeStringField("semanticVersion", tool.version());
        }
        json.writeStringField("informationUri", tool.informationUri());
        json.writeArrayFieldStart("rules");
        for (SarifRule rule : rules) {
            writeRule(rule);
        }
        json.writeEndArray();
        writeNotificationDescriptors();
        json.writeArrayFieldStart("supportedTaxonomies");
        json.writeStartObject();
        json.writeStringField("name", TAXONOMY_NAME);
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject(); // driver
        json.writeEndObject(); // tool
    }

    private void writeRule(SarifRule rule) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", rule.id());
        json.writeStringField("name", rule.name());
        writeMessage("shortDescription", rule.shortDescription());
        writeMessage("fullDescription", rule.fullDescription());
        json.writeObjectFieldStart("help");
        json.writeStringField("text", rule.helpText());
        json.writeStringField("markdown", rule.helpMarkdown());
        json.writeEndObject();
        json.writeObjectFieldStart("defaultConfiguration");
        json.writeStringField("level", rule.level());
        json.writeEndObject();
        if (!rule.criteria().isEmpty()) {
            json.writeArrayFieldStart("relationships");
            for (String criterion : rule.criteria()) {
                json.writeStartObject();
                json.writeObjectFieldStart("target");
                json.writeStringField("id", criterion);
                json.writeObjectFieldStart("toolComponent");
                json.writeStringField("name", TAXONOMY_NAME);
                json.writeEndObject();
                json.writeEndObject(); // target
                json.writeArrayFieldStart("kinds");
                json.writeString("relevant");
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        json.writeObjectFieldStart("properties"); // keys in sorted order
        json.writeStringField("security-severity", rule.securitySeverity());
        writeStringArray("tags", rule.tags());
        json.writeEndObject();
        json.writeEndObject();
    }

    /** One descriptor per {@link IssueCause}, so every notification's {@code descriptor} resolves. */
    private void writeNotificationDescriptors() throws IOException {
        json.writeArrayFieldStart("notifications");
        for (IssueCause cause : IssueCause.values()) {
            json.writeStartObject();
            json.writeStringField("id", cause.name());
            writeMessage("shortDescription", "Could not collect: " + cause.label());
            writeMessage("help", "What to do: " + cause.advice() + ".");
            json.writeObjectFieldStart("defaultConfiguration");
            json.writeStringField("level", "error");
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private void writeTaxonomies() throws IOException {
        json.writeArrayFieldStart("taxonomies");
        json.writeStartObject();
        json.writeStringField("name", TAXONOMY_NAME);
        json.writeStringField("organization", TAXONOMY_ORGANIZATION);
        writeMessage("shortDescription", TAXONOMY_DESCRIPTION);
        json.writeArrayFieldStart("taxa");
        for (String id : referencedCriteria()) {
            Optional<TrustServicesCriterion> criterion = TrustServicesCriteria.find(id);
            json.writeStartObject();
            json.writeStringField("id", id);
            if (criterion.isPresent()) {
                writeMessage("shortDescription", criterion.get().title());
                json.writeObjectFieldStart("properties");
                json.writeStringField("category", criterion.get().category());
                json.writeEndObject();
            }
            json.writeEndObject();
        }
        json.writeEndArray(); // taxa
        json.writeEndObject();
        json.writeEndArray(); // taxonomies
    }

    /** The criteria the rules name: catalogue ones in the AICPA's order, then any others sorted by id. */
    private List<String> referencedCriteria() {
        TreeSet<String> named = new TreeSet<>();
        rules.forEach(rule -> named.addAll(rule.criteria()));
        List<String> ordered = new ArrayList<>();
        for (TrustServicesCriterion criterion : TrustServicesCriteria.all()) {
            if (named.remove(criterion.id())) {
                ordered.add(criterion.id());
            }
        }
        ordered.addAll(named);
        return ordered;
    }

    // ---- results ----------------------------------------------------------------------------------------------

    private void writeResult(Finding finding, int ruleIndex, String kind, String level, String message)
            throws IOException {
        ResourceRef resource = finding.resource();
        json.writeStartObject();
        json.writeStringField("ruleId", finding.checkId());
        json.writeNumberField("ruleIndex", ruleIndex);
        json.writeStringField("kind", kind);
        json.writeStringField("level", level);
        writeMessage("message", message);
        json.writeArrayFieldStart("locations");
        json.writeStartObject();
        json.writeObjectFieldStart("physicalLocation");
        json.writeObjectFieldStart("artifactLocation");
        json.writeStringField("uri", ArtifactPaths.of(resource));
        json.writeEndObject();
        json.writeObjectFieldStart("region");
        json.writeNumberField("startLine", 1);
        json.writeEndObject();
        json.writeEndObject(); // physicalLocation
        writeLogicalLocations(resource);
        json.writeEndObject();
        json.writeEndArray(); // locations
        json.writeObjectFieldStart("partialFingerprints");
        json.writeStringField(Fingerprints.FINDING_KEY, Fingerprints.finding(finding.checkId(), resource.nativeId()));
        json.writeEndObject();
        json.writeObjectFieldStart("properties"); // keys in sorted order
        writeNonEmpty("account", resource.account());
        writeStringArray("evidence", finding.evidence().stream().map(EvidenceId::sha256).toList());
        json.writeStringField("outcome", finding.outcome().name());
        json.writeStringField("provider", resource.provider());
        json.writeStringField("region", regionName(resource.region()));
        json.writeStringField("resourceType", resource.type());
        json.writeEndObject();
        json.writeEndObject();
    }

    private void writeLogicalLocations(ResourceRef resource) throws IOException {
        json.writeArrayFieldStart("logicalLocations");
        json.writeStartObject();
        writeNonEmpty("name", resource.name());
        json.writeStringField("fullyQualifiedName", resource.nativeId());
        json.writeStringField("kind", "resource");
        json.writeEndObject();
        json.writeEndArray();
    }

    // ---- invocation -------------------------------------------------------------------------------------------

    private void writeInvocations() throws IOException {
        json.writeArrayFieldStart("invocations");
        json.writeStartObject();
        json.writeBooleanField("executionSuccessful", run.executionSuccessful());
        json.writeStringField("startTimeUtc", utc(run.startTime()));
        json.writeStringField("endTimeUtc", utc(run.endTime()));
        json.writeArrayFieldStart("toolExecutionNotifications");
        for (CollectionIssue issue : run.issues().stream().sorted(ISSUE_ORDER).toList()) {
            writeNotification(issue);
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndArray();
    }

    private void writeNotification(CollectionIssue issue) throws IOException {
        json.writeStartObject();
        json.writeStringField("level", "error");
        writeMessage("message", notificationText(issue));
        json.writeObjectFieldStart("descriptor");
        json.writeStringField("id", issue.cause().name());
        json.writeNumberField("index", issue.cause().ordinal());
        json.writeEndObject();
        if (issue.resource() != null) {
            json.writeArrayFieldStart("locations");
            json.writeStartObject();
            writeLogicalLocations(issue.resource());
            json.writeEndObject();
            json.writeEndArray();
        }
        json.writeObjectFieldStart("properties"); // keys in sorted order
        writeNonEmpty("account", issue.account());
        writeStringArray("factKinds", List.copyOf(new TreeSet<>(issue.factKinds())));
        json.writeStringField("provider", issue.provider());
        json.writeStringField("region", regionName(issue.region()));
        json.writeEndObject();
        json.writeEndObject();
    }

    /** {@code <operation>: <cause label>: <message>}, then {@code (resource <native id>)} when one is named. */
    static String notificationText(CollectionIssue issue) {
        String text = issue.operation() + ": " + issue.cause().label() + ": " + issue.message();
        return issue.resource() == null ? text : text + " (resource " + issue.resource().nativeId() + ")";
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private void writeMessage(String field, String text) throws IOException {
        json.writeObjectFieldStart(field);
        json.writeStringField("text", text);
        json.writeEndObject();
    }

    private void writeStringArray(String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    private void writeNonEmpty(String field, String value) throws IOException {
        if (!value.isEmpty()) {
            json.writeStringField(field, value);
        }
    }

    private static String regionName(String region) {
        return region.isEmpty() ? ArtifactPaths.GLOBAL_REGION : region;
    }

    private static String utc(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** Two spaces, {@code \n} on every platform, {@code "key": value}, empty containers as {@code []} / {@code {}}. */
    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
    }
}
