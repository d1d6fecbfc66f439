package dev.evidentry.core.scan;

import static java.util.Objects.requireNonNull;

import dev.evidentry.core.bundle.BundleLayout;
import dev.evidentry.core.bundle.BundleSigner;
import dev.evidentry.core.bundle.BundleWriter;
import dev.evidentry.core.bundle.Ed25519Keys;
import dev.evidentry.core.bundle.FindingRecord;
import dev.evidentry.core.bundle.Json;
import dev.evidentry.core.bundle.PluginInfo;
import dev.evidentry.core.bundle.ScanMetadata;
import dev.evidentry.core.bundle.ScanTotals;
import dev.evidentry.core.bundle.SortedSpool;
import dev.evidentry.core.collect.BoundedExecutor;
import dev.evidentry.core.collect.Collector;
import dev.evidentry.core.collect.FactStore;
import dev.evidentry.core.collect.ProgressListener;
import dev.evidentry.core.evaluate.Evaluator;
import dev.evidentry.core.evidence.EvidenceStore;
import dev.evidentry.core.evidence.SecretRedactor;
import dev.evidentry.core.plugin.LoadedPlugins;
import dev.evidentry.core.plugin.LoadedPlugins.LoadedProvider;
import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.Provider;
import dev.evidentry.spi.ProviderDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One scan from start to exit code: collect, evaluate, write. Whatever was collected before a failure is still written:
 * evidence as it arrives, and the bundle's other files even when a provider or a check broke.
 */
public final class Scanner {

    /** Issue causes that mean the user's setup is wrong: the scan answers with exit code 2. */
    private static final Set<IssueCause> SETUP_CAUSES = Set.of(IssueCause.CONFIGURATION, IssueCause.INVALID_CREDENTIALS);
    private static final int SPOOL_CHUNK = 10_000;

    private final LoadedPlugins plugins;
    private final String toolVersion;
    private final ProgressListener progress;

    public Scanner(LoadedPlugins plugins, String toolVersion, ProgressListener progress) {
        this.plugins = requireNonNull(plugins, "plugins is null");
        this.toolVersion = requireNonNull(toolVersion, "toolVersion is null");
        this.progress = requireNonNull(progress, "progress is null");
    }

    public ScanResult scan(ScanRequest request) throws UsageException, IOException {
        List<LoadedProvider> providers = selectProviders(request);
        validateOptions(request, providers);
        List<Check> checks = plugins.checks().stream()
                .filter(check -> request.selection().selects(check.descriptor()))
                .sorted(Comparator.comparing(check -> check.descriptor().id()))
                .toList();
        if (checks.isEmpty()) {
            throw new UsageException("no check matches the filters given (--check, --skip-check, --criterion, --min-severity); "
                    + "list the catalogue with: evidentry checks");
        }
        PrivateKey signingKey = readSigningKey(request.signingKey());
        Path bundle = prepareOutput(request.outputDirectory());

        Instant startedAt = request.clock().instant();
        SecretRedactor redactor = new SecretRedactor();
        EvidenceStore evidence = new EvidenceStore(bundle.resolve(BundleLayout.EVIDENCE_DIRECTORY), redactor,
                request.clock());
        FactStore facts = new FactStore(request.clock());
        plugins.problems().forEach(facts::add);
        try (BoundedExecutor executor = new BoundedExecutor(request.concurrency())) {
            new Collector(request.clock(), evidence, redactor, executor, progress)
                    .collect(providers.stream().map(LoadedProvider::provider).toList(), request.providerOptions(),
                            facts);
        }
        facts.freeze();
        Instant collectedAt = request.clock().instant();

        List<CheckDescriptor> descriptors = checks.stream().map(Check::descriptor).toList();
        Path spoolDirectory = Files.createTempDirectory("evidentry-findings-");
        try (SortedSpool spool = new SortedSpool(spoolDirectory, SPOOL_CHUNK)) {
            new Evaluator(checks).evaluate(facts, (check, finding) -> {
                FindingRecord record = FindingRecord.of(check, finding);
                record = redactRecord(record, redactor);
                try {
                    spool.add(record.sortKey(), Json.LINES.writeValueAsString(record));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            Instant finishedAt = request.clock().instant();
            ScanMetadata metadata = new ScanMetadata(toolVersion, UUID.randomUUID().toString(), startedAt, finishedAt,
                    pluginInfos(), providers.stream().map(LoadedProvider::id).toList(), filters(request),
                    evidence.responsesByOperation(), Duration.between(startedAt, collectedAt),
                    Duration.between(collectedAt, finishedAt));
            BundleWriter writer = new BundleWriter(bundle);
            ScanTotals totals = writer.writeFindings(spool, descriptors, facts.issues(), metadata);
            writer.writeResources(facts);
            writer.writeIssues(facts.issues());
            writer.writeManifest(metadata, totals, facts, signingKey != null);
            if (signingKey != null) {
                BundleSigner.sign(bundle, signingKey);
            }
            List<Path> sarifFiles = copySarif(bundle, request.sarifPath());
            return result(request, facts.issues(), totals, bundle, sarifFiles, signingKey != null);
        }
    }

    private static ScanResult result(ScanRequest request, List<CollectionIssue> issues, ScanTotals totals, Path bundle,
            List<Path> sarifFiles, boolean signed) {
        List<CollectionIssue> setupProblems = issues.stream().filter(issue -> SETUP_CAUSES.contains(issue.cause()))
                .toList();
        long pluginFailures = issues.stream().filter(issue -> issue.cause() == IssueCause.PLUGIN_FAILURE).count();
        long failures = totals.failuresAtLeast(request.failThreshold());
        long errors = totals.count(dev.evidentry.spi.Outcome.ERROR);
        ExitCode code;
        String reason;
        if (!setupProblems.isEmpty()) {
            code = ExitCode.USAGE;
            reason = "the scan could not run as configured: " + setupProblems.get(0).message();
        } else if (failures > 0) {
            code = ExitCode.FAILURES;
            reason = failures + " failing finding(s) at or above " + request.failThreshold();
        } else if (request.failOnError() && (errors > 0 || pluginFailures > 0)) {
            code = ExitCode.ERRORS;
            reason = errors + " check result(s) could not be evaluated" + (pluginFailures > 0
                    ? " and " + pluginFailures + " plugin failure(s)" : "") + " (--no-fail-on-error to accept)";
        } else {
            code = ExitCode.OK;
            reason = "no failing finding at or above " + request.failThreshold();
        }
        return new ScanResult(code, reason, totals, issues, setupProblems, bundle, sarifFiles, signed);
    }

    private List<LoadedProvider> selectProviders(ScanRequest request) throws UsageException {
        Map<String, LoadedProvider> byId = new LinkedHashMap<>();
        plugins.providers().forEach(provider -> byId.put(provider.id(), provider));
        if (request.providers().isEmpty()) {
            if (byId.isEmpty()) {
                throw new UsageException("no provider plugin was found; install one under plugins/ "
                        + "(see docs/writing-a-provider.md)");
            }
            return List.copyOf(byId.values());
        }
        List<LoadedProvider> selected = new ArrayList<>();
        for (String id : new TreeSet<>(request.providers())) {
            LoadedProvider provider = byId.get(id);
            if (provider == null) {
                throw new UsageException("unknown provider '" + id + "'; installed providers: "
                        + String.join(", ", byId.keySet()));
            }
            selected.add(provider);
        }
        return selected;
    }

    private static void validateOptions(ScanRequest request, List<LoadedProvider> providers) throws UsageException {
        Map<String, Provider> byId = new LinkedHashMap<>();
        providers.forEach(provider -> byId.put(provider.id(), provider.provider()));
        for (Map.Entry<String, Map<String, String>> entry : request.providerOptions().entrySet()) {
            Provider provider = byId.get(entry.getKey());
            if (provider == null) {
                throw new UsageException("options were given for provider '" + entry.getKey()
                        + "', which is not part of this scan (selected: " + String.join(", ", byId.keySet()) + ")");
            }
            ProviderDescriptor descriptor = provider.descriptor();
            Set<String> known = new TreeSet<>();
            descriptor.options().forEach(option -> known.add(option.key()));
            for (String key : entry.getValue().keySet()) {
                if (!known.contains(key)) {
                    throw new UsageException("provider '" + descriptor.id() + "' has no option '" + key
                            + "'; its options are: " + String.join(", ", known));
                }
            }
        }
    }

    private static PrivateKey readSigningKey(Path keyFile) throws UsageException {
        if (keyFile == null) {
            return null;
        }
        try {
            return Ed25519Keys.readPrivate(keyFile);
        } catch (Ed25519Keys.InvalidKeyFileException e) {
            throw new UsageException("--sign-key: " + e.getMessage());
        }
    }

    /** Creates the output directory, or clears a previous bundle there; never clears a directory it did not write. */
    private static Path prepareOutput(Path requested) throws UsageException, IOException {
        Path bundle = requested.toAbsolutePath().normalize();
        if (Files.exists(bundle) && !Files.isDirectory(bundle)) {
            throw new UsageException("--output " + requested + " is a file; give a directory for the bundle");
        }
        if (Files.isDirectory(bundle) && !isEmpty(bundle)) {
            if (!Files.exists(bundle.resolve(BundleLayout.MARKER))) {
                throw new UsageException("--output " + requested + " is not empty and does not hold an earlier "
                        + "Evidentry bundle; give a new or empty directory");
            }
            deleteContents(bundle);
        }
        Files.createDirectories(bundle);
        Files.writeString(bundle.resolve(BundleLayout.MARKER), "This directory holds an Evidentry evidence bundle.\n");
        return bundle;
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void deleteContents(Path directory) throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(directory)) {
                    Files.delete(path);
                }
            }
        }
    }

    private static List<Path> copySarif(Path bundle, Path target) throws IOException, UsageException {
        List<Path> inBundle;
        try (Stream<Path> files = Files.list(bundle.resolve(BundleLayout.SARIF_DIRECTORY))) {
            inBundle = files.sorted().toList();
        }
        if (target == null) {
            return inBundle;
        }
        if (target.getFileName().toString().endsWith(".sarif")) {
            if (inBundle.size() != 1) {
                throw new UsageException("--sarif " + target + " names one file, but this scan produced "
                        + inBundle.size() + " SARIF runs (one per provider and account); give a directory instead");
            }
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.copy(inBundle.get(0), target, StandardCopyOption.REPLACE_EXISTING);
            return List.of(target);
        }
        Files.createDirectories(target);
        List<Path> copied = new ArrayList<>();
        for (Path file : inBundle) {
            copied.add(Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING));
        }
        return copied;
    }

    private static FindingRecord redactRecord(FindingRecord record, SecretRedactor redactor) {
        String message = redactor.redactValues(record.message());
        return message.equals(record.message()) ? record
                : new FindingRecord(record.checkId(), record.title(), record.severity(), record.criteria(),
                        record.outcome(), message, record.resource(), record.evidence());
    }

    private List<PluginInfo> pluginInfos() {
        List<PluginInfo> infos = new ArrayList<>();
        plugins.providers().forEach(provider ->
                infos.add(new PluginInfo("provider", provider.id(), provider.version(), provider.location())));
        plugins.checkPacks().forEach(pack -> infos.add(new PluginInfo("check-pack", pack.id(),
                java.util.Objects.requireNonNullElse(pack.pack().getClass().getPackage().getImplementationVersion(), "unversioned"), pack.location())));
        return infos;
    }

    private static Map<String, List<String>> filters(ScanRequest request) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        filters.put("checks", request.selection().checkPatterns());
        filters.put("criteria", request.selection().criteria());
        filters.put("minimumSeverity", List.of(request.selection().minimumSeverity().name()));
        filters.put("failThreshold", List.of(request.failThreshold().name()));
        filters.put("skippedChecks", request.selection().skippedPatterns());
        return filters;
    }
}
