package dev.evidentry.gcp;

import static java.util.Objects.requireNonNull;

import com.google.api.services.cloudresourcemanager.v3.CloudResourceManager;
import com.google.api.services.cloudresourcemanager.v3.model.AuditConfig;
import com.google.api.services.cloudresourcemanager.v3.model.AuditLogConfig;
import com.google.api.services.cloudresourcemanager.v3.model.GetIamPolicyRequest;
import com.google.api.services.cloudresourcemanager.v3.model.GetPolicyOptions;
import com.google.api.services.cloudresourcemanager.v3.model.Policy;
import dev.evidentry.gcp.GcpCalls.Evidenced;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.fact.gcp.GcpProjectAuditLogging;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A project's audit log configuration, from its IAM policy ({@code projects.getIamPolicy}, policy version 3). */
final class AuditLoggingCollector {

    static final Set<String> KINDS = Set.of(GcpProjectAuditLogging.KIND);

    private final CloudResourceManager resourceManager;
    private final FactSink sink;
    private final Work work;

    AuditLoggingCollector(GcpClients clients, FactSink sink, Work work) {
        this.resourceManager = requireNonNull(clients, "clients is null").resourceManager();
        this.sink = requireNonNull(sink, "sink is null");
        this.work = requireNonNull(work, "work is null");
    }

    void start(String project) {
        work.add(Task.on("cloudresourcemanager.projects.getIamPolicy", Resources.project(project), KINDS,
                () -> collect(project)));
    }

    private void collect(String project) {
        Evidenced<Policy> answer = GcpCalls.call(GcpCalls.build("cloudresourcemanager.projects.getIamPolicy",
                token -> resourceManager.projects().getIamPolicy("projects/" + project, new GetIamPolicyRequest()
                        .setOptions(new GetPolicyOptions().setRequestedPolicyVersion(3))), null));
        Set<String> types = new TreeSet<>();
        Set<String> exempted = new TreeSet<>();
        List<AuditConfig> configs = answer.value().getAuditConfigs();
        if (configs != null) {
            for (AuditConfig config : configs) {
                if (!"allServices".equals(config.getService()) || config.getAuditLogConfigs() == null) {
                    continue;
                }
                for (AuditLogConfig log : config.getAuditLogConfigs()) {
                    if (log.getLogType() == null) {
                        continue;
                    }
                    types.add(log.getLogType());
                    if (log.getExemptedMembers() != null) {
                        log.getExemptedMembers().forEach(member -> exempted.add(log.getLogType() + " " + member));
                    }
                }
            }
        }
        sink.accept(new GcpProjectAuditLogging(Resources.project(project), types, List.copyOf(exempted),
                List.of(answer.evidence())));
    }
}
