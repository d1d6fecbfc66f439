package dev.evidentry.core.scan;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.Severity;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * One scan, as the command line or a test asks for it.
 *
 * @param providers provider ids to run; empty runs every provider found
 * @param providerOptions options per provider id
 * @param selection which checks run
 * @param failThreshold failing findings at or above this severity give exit code 1
 * @param failOnError whether ERROR findings give exit code 3
 * @param outputDirectory where the bundle is written
 * @param sarifPath where SARIF is copied besides the bundle: a {@code .sarif} file (one run only) or a directory; may be
 *     {@code null}
 * @param signingKey Ed25519 private key (PKCS#8 PEM) to sign the manifest with; may be {@code null}
 * @param concurrency API calls in flight at most
 * @param clock the scan's clock
 */
public record ScanRequest(
        List<String> providers,
        Map<String, Map<String, String>> providerOptions,
        CheckSelection selection,
        Severity failThreshold,
        boolean failOnError,
        Path outputDirectory,
        Path sarifPath,
        Path signingKey,
        int concurrency,
        Clock clock) {

    public ScanRequest {
        providers = List.copyOf(requireNonNull(providers, "providers is null"));
        providerOptions = Map.copyOf(requireNonNull(providerOptions, "providerOptions is null"));
        requireNonNull(selection, "selection is null");
        requireNonNull(failThreshold, "failThreshold is null");
        requireNonNull(outputDirectory, "outputDirectory is null");
        requireNonNull(clock, "clock is null");
        if (concurrency < 1 || concurrency > 256) {
            throw new IllegalArgumentException("concurrency must be between 1 and 256, was " + concurrency);
        }
    }
}
