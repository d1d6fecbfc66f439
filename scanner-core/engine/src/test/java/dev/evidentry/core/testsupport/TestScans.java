package dev.evidentry.core.testsupport;

import dev.evidentry.core.collect.ProgressListener;
import dev.evidentry.core.plugin.LoadedPlugins;
import dev.evidentry.core.plugin.PluginLoader;
import dev.evidentry.core.scan.CheckSelection;
import dev.evidentry.core.scan.ScanRequest;
import dev.evidentry.core.scan.ScanResult;
import dev.evidentry.core.scan.Scanner;
import dev.evidentry.core.scan.UsageException;
import dev.evidentry.core.testplugin.TestCloudProvider;
import dev.evidentry.spi.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Scans of the test plugins on the class path, with a fixed clock: the engine end to end, as the CLI drives it. */
public final class TestScans {

    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-03T04:05:06Z"), ZoneOffset.UTC);
    public static final String TOOL_VERSION = "0.0.0-test";

    private TestScans() {
    }

    /** The plugins a scanner finds on the engine's test class path. */
    public static LoadedPlugins classpathPlugins() {
        return new PluginLoader().load(null);
    }

    /** Every provider; {@code testcloud} with the given options. */
    public static ScanRequest request(Path output, Map<String, String> testcloudOptions) {
        return new ScanRequest(List.of(), testcloudOptions.isEmpty() ? Map.of()
                : Map.of(TestCloudProvider.ID, testcloudOptions), CheckSelection.ALL, Severity.LOW, true, output,
                null, null, 2, CLOCK);
    }

    public static ScanRequest withSigningKey(ScanRequest request, Path key) {
        return new ScanRequest(request.providers(), request.providerOptions(), request.selection(),
                request.failThreshold(), request.failOnError(), request.outputDirectory(), request.sarifPath(), key,
                request.concurrency(), request.clock());
    }

    public static ScanRequest withSarif(ScanRequest request, Path sarif) {
        return new ScanRequest(request.providers(), request.providerOptions(), request.selection(),
                request.failThreshold(), request.failOnError(), request.outputDirectory(), sarif,
                request.signingKey(), request.concurrency(), request.clock());
    }

    public static ScanRequest withProviders(ScanRequest request, List<String> providers) {
        return new ScanRequest(providers, request.providerOptions(), request.selection(), request.failThreshold(),
                request.failOnError(), request.outputDirectory(), request.sarifPath(), request.signingKey(),
                request.concurrency(), request.clock());
    }

    public static ScanResult scan(ScanRequest request) throws UsageException, IOException {
        return new Scanner(classpathPlugins(), TOOL_VERSION, ProgressListener.NONE).scan(request);
    }

    /** Every regular file under {@code directory}, dot files included, as sorted relative {@code /} paths. */
    public static List<String> files(Path directory) {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile)
                    .map(file -> directory.relativize(file).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
