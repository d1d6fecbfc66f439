package dev.evidentry.core.cli;

import dev.evidentry.core.Version;
import dev.evidentry.core.collect.ProgressListener;
import dev.evidentry.core.plugin.LoadedPlugins;
import dev.evidentry.core.report.ConsoleProgress;
import dev.evidentry.core.report.TerminalSummary;
import dev.evidentry.core.scan.CheckSelection;
import dev.evidentry.core.scan.ScanRequest;
import dev.evidentry.core.scan.ScanResult;
import dev.evidentry.core.scan.Scanner;
import dev.evidentry.core.scan.UsageException;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.TrustServicesCriteria;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code evidentry scan}: collect, judge, write the bundle and SARIF, answer with the exit code. */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Collect evidence from the providers, run the checks, and write the evidence bundle and SARIF.")
final class ScanCommand implements Callable<Integer> {

    @Option(names = {"-p", "--provider"}, split = ",", paramLabel = "ID",
            description = "Providers to scan (repeatable or comma-separated). Default: every installed provider.")
    List<String> providers = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "NAME", description = "AWS: named profile from the AWS config files.")
    String awsProfile;

    @Option(names = "--region", split = ",", paramLabel = "REGION",
            description = "AWS: regions to scan. Default: every region enabled for the account.")
    List<String> awsRegions = new ArrayList<>();

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "AWS: send every API call to this endpoint (a local emulator); also AWS_ENDPOINT_URL.")
    String awsEndpointUrl;

    @Option(names = {"-O", "--option"}, paramLabel = "PROVIDER.KEY=VALUE",
            description = "A provider option, such as aws.max-attempts=5 (repeatable).")
    List<String> options = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "evidentry-out",
            description = "Directory for the evidence bundle (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--sarif", paramLabel = "PATH",
            description = "Also copy SARIF here: a .sarif file (one provider and account) or a directory.")
    Path sarif;

    @Option(names = "--check", split = ",", paramLabel = "ID",
            description = "Run only these checks; '*' matches anything, as in aws.iam.*.")
    List<String> checks = new ArrayList<>();

    @Option(names = "--skip-check", split = ",", paramLabel = "ID",
            description = "Leave these checks out; '*' matches anything, as in endpoint.os.*.")
    List<String> skippedChecks = new ArrayList<>();

    @Option(names = "--criterion", split = ",", paramLabel = "ID",
            description = "Run only checks mapped to these SOC 2 criteria, such as CC6.1.")
    List<String> criteria = new ArrayList<>();

    @Option(names = "--min-severity", paramLabel = "SEVERITY", defaultValue = "info",
            description = "Run only checks of at least this severity: ${COMPLETION-CANDIDATES}.")
    Severity minimumSeverity;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "low",
            description = "Exit 1 when a check fails at or above this severity (default: ${DEFAULT-VALUE}).")
    Severity failOn;

    @Option(names = "--no-fail-on-error", negatable = false,
            description = "Exit 0 even when some checks could not be evaluated (ERROR results still show).")
    boolean noFailOnError;

    @Option(names = "--sign-key", paramLabel = "FILE",
            description = "Sign the bundle's manifest with this Ed25519 private key (PKCS#8 PEM; see 'keygen').")
    Path signKey;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8",
            description = "API calls in flight at most (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--plugins", paramLabel = "DIR", description = "Plugin directory (default: EVIDENTRY_HOME/plugins).")
    Path pluginsDirectory;

    @Option(names = "--no-progress", description = "Do not draw progress on a terminal.")
    boolean noProgress;

    private final EvidentryCli.Environment environment;

    ScanCommand(EvidentryCli.Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        if (concurrency < 1 || concurrency > 256) {
            throw new UsageException("--concurrency must be between 1 and 256, was " + concurrency);
        }
        for (String criterion : criteria) {
            if (TrustServicesCriteria.find(criterion).isEmpty()) {
                throw new UsageException("--criterion " + criterion + " is not a SOC 2 criterion; use an id such as "
                        + "CC6.1 or A1.2");
            }
        }
        LoadedPlugins plugins = Plugins.load(pluginsDirectory, environment);
        ScanRequest request = new ScanRequest(providers, providerOptions(), new CheckSelection(checks, skippedChecks,
                criteria, minimumSeverity), failOn, !noFailOnError, output, sarif, signKey, concurrency, Clock.systemUTC());

        boolean showProgress = environment.interactive() && !noProgress;
        ScanResult result;
        try (ConsoleProgress progress = showProgress ? new ConsoleProgress(environment.err()) : null) {
            ProgressListener listener = progress != null ? progress : ProgressListener.NONE;
            result = new Scanner(plugins, Version.get(), listener).scan(request);
        }
        TerminalSummary.print(result, environment.out());
        if (!result.configurationProblems().isEmpty()) {
            environment.err().println("evidentry: " + result.exitReason());
        }
        return result.exitCode().code();
    }

    private Map<String, Map<String, String>> providerOptions() throws UsageException {
        Map<String, Map<String, String>> byProvider = new LinkedHashMap<>();
        for (String option : options) {
            int dot = option.indexOf('.');
            int equals = option.indexOf('=');
            if (dot <= 0 || equals < dot + 2) {
                // Never echo the value: it may be a token given under a misspelt key.
                String shown = equals < 0 ? option : option.substring(0, equals + 1) + "...";
                throw new UsageException("--option " + shown + " is not PROVIDER.KEY=VALUE, such as aws.max-attempts=5");
            }
            byProvider.computeIfAbsent(option.substring(0, dot), key -> new LinkedHashMap<>())
                    .put(option.substring(dot + 1, equals), option.substring(equals + 1));
        }
        putAws(byProvider, "profile", awsProfile);
        putAws(byProvider, "regions", awsRegions.isEmpty() ? null : String.join(",", awsRegions));
        putAws(byProvider, "endpoint-url", awsEndpointUrl);
        return byProvider;
    }

    private static void putAws(Map<String, Map<String, String>> byProvider, String key, String value) {
        if (value != null) {
            byProvider.computeIfAbsent("aws", id -> new LinkedHashMap<>()).put(key, value);
        }
    }
}
