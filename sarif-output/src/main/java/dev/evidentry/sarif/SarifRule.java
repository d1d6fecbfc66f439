package dev.evidentry.sarif;

import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A check as a SARIF {@code reportingDescriptor}: the values written for {@code tool.driver.rules[i]}.
 *
 * @param id the check id
 * @param name the check id in PascalCase ({@code aws.iam.root-mfa} becomes {@code AwsIamRootMfa})
 * @param shortDescription the check's title
 * @param fullDescription the risk prose
 * @param helpText risk and remediation as plain text
 * @param helpMarkdown risk and remediation as Markdown
 * @param level {@code defaultConfiguration.level}
 * @param securitySeverity {@code properties.security-severity}, one decimal, such as {@code 8.0}
 * @param tags {@code security}, {@code soc2}, then the criteria, without duplicates
 * @param criteria the SOC 2 criteria, in the check's order, without duplicates
 */
record SarifRule(
        String id,
        String name,
        String shortDescription,
        String fullDescription,
        String helpText,
        String helpMarkdown,
        String level,
        String securitySeverity,
        List<String> tags,
        List<String> criteria) {

    SarifRule {
        tags = List.copyOf(tags);
        criteria = List.copyOf(criteria);
    }

    static SarifRule of(CheckDescriptor check) {
        String risk = check.help().risk().strip();
        String remediation = check.help().remediation().strip();
        List<String> criteria = List.copyOf(new LinkedHashSet<>(check.criteria()));
        Set<String> tags = new LinkedHashSet<>(List.of("security", "soc2"));
        tags.addAll(criteria);
        return new SarifRule(
                check.id(),
                pascalCase(check.id()),
                check.title(),
                risk,
                "Risk: " + risk + "\n\nRemediation: " + remediation,
                "## Risk\n\n" + risk + "\n\n## Remediation\n\n" + remediation,
                level(check.severity()),
                String.format(Locale.ROOT, "%.1f", check.severity().securitySeverity()),
                new ArrayList<>(tags),
                criteria);
    }

    /** SARIF level of a failing result: CRITICAL and HIGH are errors, MEDIUM a warning, LOW and INFO notes. */
    static String level(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    static String pascalCase(String id) {
        StringBuilder name = new StringBuilder(id.length());
        for (String word : id.split("[.\\-]")) {
            if (!word.isEmpty()) {
                name.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
            }
        }
        return name.isEmpty() ? id : name.toString();
    }
}
