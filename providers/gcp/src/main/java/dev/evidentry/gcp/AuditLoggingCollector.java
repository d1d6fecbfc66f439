package dev.evidentry.gcp;

import static java.util.Objects.requireNonNull;

import com.google.api.services.cloudresourcemanager.v3.CloudResourceManager;
import com.google.api.services.cloudresourcemanager.v3.model.AuditConfig;
import com.google.api.services.cloudresourcemanager.v3.model.AuditLogConfig;
import com.google.api.services.cloudresourcemanager.v3.model.Folder;
import com.google.api.services.cloudresourcemanager.v3.model.GetIamPolicyRequest;
import com.google.api.services.cloudresourcemanager.v3.model.GetPolicyOptions;
import com.google.api.services.cloudresourcemanager.v3.model.Policy;
import com.google.api.services.cloudresourcemanager.v3.model.Project;
import dev.evidentry.gcp.GcpCalls.Evidenced;
import dev.evidentry.provider.support.CallException;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.fact.gcp.GcpProjectAuditLogging;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A project's effective audit log configuration: its own IAM policy's {@code auditConfigs}
 * ({@code projects.getIamPolicy}, policy version 3) merged with those of every ancestor up to the organisation, which
 * the project inherits. The ancestry comes from the discovery listings where they showed it, otherwise from
 * {@code projects.get} and {@code folders.get} ({@code parent}); each ancestor's policy from
 * {@code folders.getIamPolicy} or {@code organizations.getIamPolicy}. Every parent and every policy is read once for
 * the whole scan, however many projects share it.
 *
 * <p>Google's rule: a log type is on when any level turns it on for {@code allServices}; a principal is exempted from
 * it only when every level that turns it on exempts them (a lower level cannot exempt what a higher level logs). An
 * ancestor whose parent or policy cannot be read leaves the project without a fact and with an issue naming that
 * ancestor: it might turn on what the project lacks, so neither a pass nor a failure is guessed.
 *
 * <p>The fact's evidence is every answer read, the project's first and then each ancestor's in order up the tree, so
 * where each log type came from can be seen in the evidence (the fact itself carries only the effective
 * configuration).
 */
final class AuditLoggingCollector {

    static final Set<String> KINDS = Set.of(GcpProjectAuditLogging.KIND);

    /** A resource's parent ({@code folders/N}, {@code organizations/N}, or empty) and the answer that named it. */
    record Parent(String name, EvidenceId evidence) {
        Parent {
            requireNonNull(name, "name is null");
        }
    }

    private final CloudResourceManager resourceManager;
    private final FactSink sink;
    private final Work work;
    private final Map<String, Memo<Parent>> parents = new ConcurrentHashMap<>();
    private final Map<String, Memo<Evidenced<Policy>>> policies = new ConcurrentHashMap<>();

    /** @param known parents the project discovery already read, by {@code projects/ID} and {@code folders/N} */
    AuditLoggingCollector(GcpClients clients, FactSink sink, Work work, Map<String, Parent> known) {
        this.resourceManager = requireNonNull(clients, "clients is null").resourceManager();
        this.sink = requireNonNull(sink, "sink is null");
        this.work = requireNonNull(work, "work is null");
        known.forEach((name, parent) -> parents.put(name, Memo.of(parent)));
    }

    void start(String project) {
        work.add(Task.on("cloudresourcemanager.projects.getIamPolicy", Resources.project(project), KINDS,
                () -> collect(project)));
    }

    private void collect(String project) {
        String self = "projects/" + project;
        List<Level> levels = new ArrayList<>();
        levels.add(new Level(self, policy(self)));
        List<EvidenceId> evidence = new ArrayList<>(List.of(levels.get(0).policy().evidence()));
        Set<String> visited = new HashSet<>(Set.of(self));
        String node = self;
        while (!node.startsWith("organizations/")) {
            String current = node;
            Parent parent = ancestorStep(project, current, () -> current.startsWith("projects/")
                    ? projectParent(current) : folderParent(current));
            if (parent.evidence() != null && !evidence.contains(parent.evidence())) {
                evidence.add(parent.evidence());
            }
            String above = parent.name();
            if (above.isEmpty()) {
                break; // a project outside any organisation
            }
            if (!above.startsWith("folders/") && !above.startsWith("organizations/") || !visited.add(above)) {
                throw CallException.malformed(node.startsWith("projects/") ? "cloudresourcemanager.projects.get"
                        : "cloudresourcemanager.folders.get", node + " names parent '" + above + "', which is not a "
                        + "folder or organisation above it", parent.evidence());
            }
            Evidenced<Policy> policy = ancestorStep(project, above, () -> policy(above));
            levels.add(new Level(above, policy));
            evidence.add(policy.evidence());
            node = above;
        }
        Effective effective = merge(levels);
        sink.accept(new GcpProjectAuditLogging(Resources.project(project), effective.types().keySet(),
                effective.exempted(), evidence));
    }

    /** One step up the tree; a failure names the ancestor and says what it costs. */
    private <T> T ancestorStep(String project, String about, Supplier<T> step) {
        try {
            return step.get();
        } catch (CallException e) {
            if (about.equals("projects/" + project)) {
                throw e.explained("the parent of project " + project + " cannot be read, so the audit log "
                        + "configuration it inherits from folders and the organisation is unknown: no pass or failure "
                        + "is guessed (needs resourcemanager.projects.get)");
            }
            String kind = about.startsWith("folders/") ? "folders" : "organizations";
            throw e.explained("the audit log configuration of ancestor " + about + " (or its parent) cannot be read, "
                    + "so what project " + project + " inherits from it is unknown: no pass or failure is guessed "
                    + "(needs resourcemanager." + kind + ".getIamPolicy" + (kind.equals("folders")
                            ? " and resourcemanager.folders.get" : "") + " on " + about + ")");
        }
    }

    /** The parent of a project or folder: from the discovery, or one call per node for the whole scan. */
    private Parent projectParent(String self) {
        return parents.computeIfAbsent(self, name -> new Memo<>(() -> {
            Evidenced<Project> answer = GcpCalls.call(GcpCalls.build("cloudresourcemanager.projects.get",
                    token -> resourceManager.projects().get(name), null));
            return new Parent(answer.value().getParent() == null ? "" : answer.value().getParent(),
                    answer.evidence());
        })).get();
    }

    private Parent folderParent(String folder) {
        return parents.computeIfAbsent(folder, name -> new Memo<>(() -> {
            Evidenced<Folder> answer = GcpCalls.call(GcpCalls.build("cloudresourcemanager.folders.get",
                    token -> resourceManager.folders().get(name), null));
            if (answer.value().getParent() == null || answer.value().getParent().isBlank()) {
                throw CallException.malformed("cloudresourcemanager.folders.get", name + " without a parent",
                        answer.evidence());
            }
            return new Parent(answer.value().getParent(), answer.evidence());
        })).get();
    }

    /** A project's, folder's or organisation's IAM policy (version 3), one call per resource for the whole scan. */
    private Evidenced<Policy> policy(String resource) {
        return policies.computeIfAbsent(resource, name -> new Memo<>(() -> {
            GetIamPolicyRequest request = new GetIamPolicyRequest()
                    .setOptions(new GetPolicyOptions().setRequestedPolicyVersion(3));
            if (name.startsWith("folders/")) {
                return GcpCalls.call(GcpCalls.build("cloudresourcemanager.folders.getIamPolicy",
                        token -> resourceManager.folders().getIamPolicy(name, request), null));
            }
            if (name.startsWith("organizations/")) {
                return GcpCalls.call(GcpCalls.build("cloudresourcemanager.organizations.getIamPolicy",
                        token -> resourceManager.organizations().getIamPolicy(name, request), null));
            }
            return GcpCalls.call(GcpCalls.build("cloudresourcemanager.projects.getIamPolicy",
                    token -> resourceManager.projects().getIamPolicy(name, request), null));
        })).get();
    }

    /**
     * The effective configuration: each {@code allServices} log type turned on anywhere, with the levels that turn it
     * on; a principal exempted from a type only when every such level exempts them.
     */
    static Effective merge(List<Level> levels) {
        Map<String, Set<String>> types = new TreeMap<>();
        Map<String, Set<String>> exempt = new TreeMap<>();
        for (Level level : levels) {
            List<AuditConfig> configs = level.policy().value().getAuditConfigs();
            if (configs == null) {
                continue;
            }
            for (AuditConfig config : configs) {
                if (!"allServices".equals(config.getService()) || config.getAuditLogConfigs() == null) {
                    continue;
                }
                for (AuditLogConfig log : config.getAuditLogConfigs()) {
                    if (log.getLogType() == null) {
                        continue;
                    }
                    Set<String> members = log.getExemptedMembers() == null ? Set.of()
                            : new TreeSet<>(log.getExemptedMembers());
                    Set<String> from = types.computeIfAbsent(log.getLogType(), t -> new LinkedHashSet<>());
                    if (from.isEmpty()) {
                        exempt.put(log.getLogType(), new TreeSet<>(members));
                    } else {
                        exempt.get(log.getLogType()).retainAll(members);
                    }
                    from.add(level.resource());
                }
            }
        }
        List<String> exempted = new ArrayList<>();
        exempt.forEach((type, members) -> members.forEach(member -> exempted.add(type + " " + member)));
        return new Effective(types, exempted);
    }

    /** One level of the tree and its policy. */
    record Level(String resource, Evidenced<Policy> policy) {}

    /** The effective log types, each with the levels that turn it on, and the effective exemptions. */
    record Effective(Map<String, Set<String>> types, List<String> exempted) {}

    /** A value computed once, or the failure it gave, for every caller. */
    private static final class Memo<T> {
        private final Supplier<T> supplier;
        private T value;
        private RuntimeException failure;
        private boolean done;

        Memo(Supplier<T> supplier) {
            this.supplier = supplier;
        }

        static <T> Memo<T> of(T value) {
            return new Memo<>(() -> value);
        }

        synchronized T get() {
            if (!done) {
                try {
                    value = supplier.get();
                } catch (RuntimeException e) {
                    failure = e;
                }
                done = true;
            }
            if (failure != null) {
                throw failure;
            }
            return value;
        }
    }
}
