package dev.evidentry.core.bundle;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Outcome;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.Severity;
import java.util.List;

/** One line of {@code findings.jsonl}: the finding with what the catalogue says about its check. */
public record FindingRecord(
        String checkId,
        String title,
        Severity severity,
        List<String> criteria,
        Outcome outcome,
        String message,
        ResourceRef resource,
        List<String> evidence) {

    public FindingRecord {
        requireNonNull(checkId, "checkId is null");
        requireNonNull(title, "title is null");
        requireNonNull(severity, "severity is null");
        criteria = List.copyOf(requireNonNull(criteria, "criteria is null"));
        requireNonNull(outcome, "outcome is null");
        requireNonNull(message, "message is null");
        requireNonNull(resource, "resource is null");
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    public static FindingRecord of(CheckDescriptor check, Finding finding) {
        return new FindingRecord(check.id(), check.title(), check.severity(), check.criteria(), finding.outcome(),
                finding.message(), finding.resource(), finding.evidence().stream().map(EvidenceId::sha256).toList());
    }

    public Finding toFinding() {
        return new Finding(checkId, resource, outcome, message, evidence.stream().map(EvidenceId::new).toList());
    }

    /** The order of the bundle and of SARIF: by provider and account (one SARIF run each), then check, then resource. */
    public String sortKey() {
        String key = String.join("\u0001", resource.provider(), resource.account(), checkId, resource.region(),
                resource.type(), resource.nativeId(), outcome.name(), message);
        return key.replaceAll("[\\t\\r\\n]", " ");
    }
}
