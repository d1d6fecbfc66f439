package dev.evidentry.spi;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a check is, for the catalogue, SARIF rules and the evidence bundle.
 *
 * @param id stable dotted lower-case id, such as {@code aws.iam.root-mfa}; never reused for another rule
 * @param title the rule as one short sentence in the affirmative ("Root account has MFA")
 * @param severity how much a failure matters
 * @param requiredFacts the fact kinds the check reads
 * @param criteria SOC 2 Trust Services Criteria, such as {@code CC6.1}
 * @param help risk and remediation prose
 */
public record CheckDescriptor(
        String id, String title, Severity severity, Set<String> requiredFacts, List<String> criteria, CheckHelp help) {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*(?:\\.[a-z0-9]+(?:-[a-z0-9]+)*)+");
    private static final Pattern CRITERION = Pattern.compile("(CC[1-9]|A1|C1|PI1|P[1-8])\\.[0-9]{1,2}");

    public CheckDescriptor {
        requireNonNull(id, "id is null");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("check id must be dotted lower-case words, such as aws.iam.root-mfa: " + id);
        }
        requireNonNull(title, "title is null");
        requireNonNull(severity, "severity is null");
        requiredFacts = Set.copyOf(requireNonNull(requiredFacts, "requiredFacts is null"));
        if (requiredFacts.isEmpty()) {
            throw new IllegalArgumentException("check " + id + " names no required fact kind");
        }
        criteria = List.copyOf(requireNonNull(criteria, "criteria is null"));
        for (String criterion : criteria) {
            if (!CRITERION.matcher(criterion).matches() || TrustServicesCriteria.find(criterion).isEmpty()) {
                throw new IllegalArgumentException("check " + id + " names an unknown SOC 2 criterion: " + criterion);
            }
        }
        requireNonNull(help, "help is null");
    }
}
