package dev.evidentry.checks.endpoint;

import dev.evidentry.spi.fact.EndpointOperatingSystem;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which release of which operating system product a device runs, read from what its sources said: the product
 * ({@code macos}, {@code windows}, {@code windows-server}, {@code ubuntu}...), the release as numbers (macOS
 * {@code [14, 6, 1]}, Windows {@code [22631]} by build, Ubuntu {@code [22, 4]}) and the system's name, whose words pick
 * a Windows edition.
 */
record OsRelease(String product, List<Integer> version, String versionText, String name) {

    /** Dotted numbers short enough to be a version (a 12-digit "number" would not fit an int). */
    private static final Pattern DOTTED_NUMBER = Pattern.compile("\\b\\d{1,9}(?:\\.\\d{1,9})*\\b");
    private static final Pattern WINDOWS_BUILD = Pattern.compile("\\b\\d{1,2}\\.\\d\\.(\\d{4,5})\\b");
    private static final Pattern LONE_BUILD = Pattern.compile("^(\\d{4,5})(?:\\.\\d+)?$");

    /** Linux distributions by the words their names carry, most specific first. */
    private static final List<String[]> DISTRIBUTIONS = List.of(
            new String[] {"centos stream", "centos-stream"}, new String[] {"centos", "centos"},
            new String[] {"ubuntu", "ubuntu"}, new String[] {"debian", "debian"},
            new String[] {"red hat", "rhel"}, new String[] {"rhel", "rhel"},
            new String[] {"rocky", "rocky"}, new String[] {"almalinux", "almalinux"},
            new String[] {"alma linux", "almalinux"}, new String[] {"amazon linux", "amzn"},
            new String[] {"suse", "sles"}, new String[] {"sles", "sles"});

    OsRelease {
        version = List.copyOf(version);
    }

    /** A release whose version is written as its numbers joined by dots. */
    OsRelease(String product, List<Integer> version, String name) {
        this(product, version, String.join(".", version.stream().map(String::valueOf).toList()), name);
    }

    /** The release, or empty when the sources did not say which product or which version. */
    static Optional<OsRelease> of(EndpointOperatingSystem os) {
        String name = os.name().strip();
        String lowerName = name.toLowerCase(Locale.ROOT);
        String platform = os.platform().toLowerCase(Locale.ROOT);
        Optional<String> product = product(platform, lowerName);
        if (product.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> written = product.get().startsWith("windows")
                ? windowsBuild(os.version()) : dotted(os.version()).or(() -> dotted(name));
        return written.map(text -> new OsRelease(product.get(),
                Arrays.stream(text.split("\\.")).map(Integer::valueOf).toList(), text, name));
    }

    /** The release as people write it: {@code macos 14.6.1}, {@code windows build 22631}. */
    String describe() {
        return product + (product.startsWith("windows") ? " build " : " ") + versionText;
    }

    private static Optional<String> product(String platform, String lowerName) {
        if (platform.equals("macos") || platform.equals("darwin") || lowerName.contains("macos")
                || lowerName.contains("mac os")) {
            return Optional.of("macos");
        }
        if (platform.equals("windows") || lowerName.contains("windows")) {
            return Optional.of(lowerName.contains("server") ? "windows-server" : "windows");
        }
        for (String[] distribution : DISTRIBUTIONS) {
            if (lowerName.contains(distribution[0]) || platform.equals(distribution[1])) {
                return Optional.of(distribution[1]);
            }
        }
        return Optional.empty();
    }

    /** Windows releases go by build: {@code 10.0.22631.4037} and {@code 22631} are build 22631, {@code 6.1.7601} 7601. */
    private static Optional<String> windowsBuild(String version) {
        Matcher full = WINDOWS_BUILD.matcher(version);
        if (full.find()) {
            return Optional.of(full.group(1));
        }
        Matcher lone = LONE_BUILD.matcher(version.strip());
        return lone.matches() ? Optional.of(lone.group(1)) : Optional.empty();
    }

    /** The first dotted number: {@code 14.6.1}; in "Ubuntu 22.04" or "Sonoma (14)" too. */
    private static Optional<String> dotted(String text) {
        Matcher matcher = DOTTED_NUMBER.matcher(text);
        return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
    }
}
