package dev.evidentry.spi;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * One check's verdict on one resource.
 *
 * @param checkId the {@link CheckDescriptor#id()} of the check that judged
 * @param resource the resource judged
 * @param outcome the verdict
 * @param message why, in one sentence a person can act on
 * @param evidence the raw evidence the verdict rests on, sorted and without duplicates
 */
public record Finding(String checkId, ResourceRef resource, Outcome outcome, String message, List<EvidenceId> evidence) {

    public Finding {
        requireNonNull(checkId, "checkId is null");
        requireNonNull(resource, "resource is null");
        requireNonNull(outcome, "outcome is null");
        requireNonNull(message, "message is null");
        evidence = List.copyOf(new TreeSet<>(requireNonNull(evidence, "evidence is null")));
    }

    public static Finding pass(CheckDescriptor check, Fact fact, String message) {
        return of(check, Outcome.PASS, message, List.of(fact));
    }

    public static Finding fail(CheckDescriptor check, Fact fact, String message) {
        return of(check, Outcome.FAIL, message, List.of(fact));
    }

    public static Finding notApplicable(CheckDescriptor check, Fact fact, String message) {
        return of(check, Outcome.NOT_APPLICABLE, message, List.of(fact));
    }

    public static Finding error(CheckDescriptor check, Fact fact, String message) {
        return of(check, Outcome.ERROR, message, List.of(fact));
    }

    /** A verdict on the first fact's resource that rests on the evidence of all the given facts. */
    public static Finding of(CheckDescriptor check, Outcome outcome, String message, Collection<? extends Fact> facts) {
        if (facts.isEmpty()) {
            throw new IllegalArgumentException("a finding rests on at least one fact");
        }
        List<EvidenceId> evidence = facts.stream().flatMap(fact -> fact.evidence().stream()).toList();
        return new Finding(check.id(), facts.iterator().next().resource(), outcome, message, evidence);
    }

    public Finding withOutcome(Outcome newOutcome, String newMessage) {
        return new Finding(checkId, resource, newOutcome, newMessage, evidence);
    }
}
