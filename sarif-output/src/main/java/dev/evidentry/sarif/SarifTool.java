package dev.evidentry.sarif;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The tool that produced a SARIF log, written as {@code runs[0].tool.driver}.
 *
 * @param name the tool's name, such as {@code Evidentry}
 * @param version the tool's version as built, such as {@code 0.1.0} or {@code 0.1.0-SNAPSHOT}; also written as
 *     {@code semanticVersion} when it is a valid Semantic Versioning 2.0 string
 * @param informationUri an absolute URI where users learn about the tool
 */
public record SarifTool(String name, String version, String informationUri) {

    public SarifTool {
        requireNonNull(name, "name is null");
        requireNonNull(version, "version is null");
        requireNonNull(informationUri, "informationUri is null");
        if (name.isBlank() || version.isBlank()) {
            throw new IllegalArgumentException("tool name and version must not be blank");
        }
        try {
            if (!new URI(informationUri).isAbsolute()) {
                throw new IllegalArgumentException("informationUri must be an absolute URI: " + informationUri);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("informationUri is not a URI: " + informationUri, e);
        }
    }
}
