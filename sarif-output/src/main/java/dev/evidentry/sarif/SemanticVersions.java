package dev.evidentry.sarif;

import java.util.regex.Pattern;

/** Semantic Versioning 2.0.0, for {@code toolComponent.semanticVersion}. */
final class SemanticVersions {

    // The regular expression published with the SemVer 2.0.0 specification.
    private static final Pattern SEMVER = Pattern.compile(
            "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
                    + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
                    + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");

    private SemanticVersions() {}

    static boolean isValid(String version) {
        return SEMVER.matcher(version).matches();
    }
}
