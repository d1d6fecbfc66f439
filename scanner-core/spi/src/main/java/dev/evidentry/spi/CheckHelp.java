package dev.evidentry.spi;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prose beside a check: why the rule matters and how to fix a failure.
 * Kept as a Markdown resource next to the check class, named after the check id, with a {@code ## Risk} and a
 * {@code ## Remediation} section.
 */
public record CheckHelp(String risk, String remediation) {

    private static final Pattern SECTION = Pattern.compile("(?ms)^## (Risk|Remediation)\\s*$(.*?)(?=^## |\\z)");

    public CheckHelp {
        requireNonNull(risk, "risk is null");
        requireNonNull(remediation, "remediation is null");
        if (risk.isBlank() || remediation.isBlank()) {
            throw new IllegalArgumentException("risk and remediation must both be written");
        }
    }

    /** Reads {@code <checkId>.md} from the package of {@code anchor}. */
    public static CheckHelp load(Class<?> anchor, String checkId) {
        String resource = checkId + ".md";
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("help text " + resource + " is missing beside " + anchor.getName());
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read help text " + resource, e);
        }
    }

    static CheckHelp parse(String markdown, String source) {
        String risk = null;
        String remediation = null;
        Matcher matcher = SECTION.matcher(markdown);
        while (matcher.find()) {
            String body = matcher.group(2).strip();
            if (matcher.group(1).equals("Risk")) {
                risk = body;
            } else {
                remediation = body;
            }
        }
        if (risk == null || remediation == null) {
            throw new IllegalStateException(source + " needs a '## Risk' and a '## Remediation' section");
        }
        return new CheckHelp(risk, remediation);
    }
}
