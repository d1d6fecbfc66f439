package dev.evidentry.core.evaluate;

import static java.util.Objects.requireNonNull;

import dev.evidentry.core.collect.FactStore;
import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Outcome;
import dev.evidentry.spi.ResourceRef;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs checks over the collected facts and makes sure a failure to collect is never silent: every collection issue
 * that touches a fact kind a check needs becomes an {@code ERROR} finding of that check, on the resource the issue
 * names (replacing whatever the check said about that resource) or on the whole scope.
 */
public final class Evaluator {

    private static final System.Logger LOG = System.getLogger(Evaluator.class.getName());

    private final List<Check> checks;

    public Evaluator(List<Check> checks) {
        this.checks = List.copyOf(requireNonNull(checks, "checks is null"));
    }

    public void evaluate(FactStore facts, FindingSink sink) {
        for (Check check : checks) {
            evaluateOne(check, facts, sink);
        }
    }

    private void evaluateOne(Check check, FactStore facts, FindingSink sink) {
        CheckDescriptor descriptor = check.descriptor();
        List<CollectionIssue> issues = facts.issues().stream()
                .filter(issue -> issue.affectsAny(descriptor.requiredFacts()))
                .toList();
        Map<ResourceRef, List<CollectionIssue>> byResource = new TreeMap<>();
        Map<ResourceRef, List<CollectionIssue>> byScope = new TreeMap<>();
        for (CollectionIssue issue : issues) {
            ResourceRef target = issue.resource() != null ? issue.resource() : ScopeRefs.of(issue);
            (issue.resource() != null ? byResource : byScope).computeIfAbsent(target, key -> new ArrayList<>())
                    .add(issue);
        }

        int produced = 0;
        try (Stream<Finding> findings = check.evaluate(facts)) {
            Iterator<Finding> iterator = findings.iterator();
            while (iterator.hasNext()) {
                Finding finding = iterator.next();
                if (!finding.checkId().equals(descriptor.id())) {
                    throw new IllegalStateException("check " + descriptor.id() + " produced a finding for "
                            + finding.checkId());
                }
                if (!byResource.containsKey(finding.resource())) {
                    sink.accept(descriptor, finding);
                    produced++;
                }
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.DEBUG, "check " + descriptor.id() + " failed", e);
            ResourceRef scope = ResourceRef.global("evidentry", "", "evidentry.check", descriptor.id(), descriptor.id());
            sink.accept(descriptor, new Finding(descriptor.id(), scope, Outcome.ERROR,
                    "Could not evaluate: the check failed after " + produced + " findings with "
                            + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    List.of()));
        }
        byResource.forEach((resource, causes) -> sink.accept(descriptor, errorFinding(descriptor, resource, causes)));
        byScope.forEach((scope, causes) -> sink.accept(descriptor, errorFinding(descriptor, scope, causes)));
    }

    private static Finding errorFinding(CheckDescriptor check, ResourceRef resource, List<CollectionIssue> causes) {
        Map<String, CollectionIssue> distinct = new LinkedHashMap<>();
        causes.forEach(issue -> distinct.putIfAbsent(issue.operation() + "|" + issue.message(), issue));
        String reasons = distinct.values().stream()
                .map(issue -> issue.operation() + " " + issue.cause().label() + ": " + issue.message()
                        + " (" + issue.cause().advice() + ")")
                .collect(Collectors.joining("; "));
        return new Finding(check.id(), resource, Outcome.ERROR, "Could not evaluate: " + reasons, List.of());
    }
}
