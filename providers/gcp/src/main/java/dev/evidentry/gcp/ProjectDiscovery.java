package dev.evidentry.gcp;

import static java.util.Objects.requireNonNull;

import com.google.api.services.cloudresourcemanager.v3.CloudResourceManager;
import com.google.api.services.cloudresourcemanager.v3.model.Folder;
import com.google.api.services.cloudresourcemanager.v3.model.ListFoldersResponse;
import com.google.api.services.cloudresourcemanager.v3.model.ListProjectsResponse;
import com.google.api.services.cloudresourcemanager.v3.model.Project;
import com.google.api.services.cloudresourcemanager.v3.model.SearchProjectsResponse;
import dev.evidentry.provider.support.CallException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The projects to scan: the {@code projects} option as given; or every ACTIVE project under a folder or organisation,
 * at any depth ({@code projects.list} and {@code folders.list} under each container, all pages, the containers of a
 * level at once); or, with neither, every ACTIVE project the credentials can see ({@code projects.search}).
 */
final class ProjectDiscovery {

    static final int PAGE_SIZE = 1000;

    private final CloudResourceManager resourceManager;
    private final Work work;
    private final Set<String> projectKinds;
    private final SortedSet<String> projects = new ConcurrentSkipListSet<>();
    /** The parents the listings named, by {@code projects/ID} and {@code folders/N}: not asked for again. */
    private final Map<String, AuditLoggingCollector.Parent> parents = new ConcurrentHashMap<>();

    ProjectDiscovery(GcpClients clients, Work work, Set<String> projectKinds) {
        this.resourceManager = requireNonNull(clients, "clients is null").resourceManager();
        this.work = requireNonNull(work, "work is null");
        this.projectKinds = Set.copyOf(projectKinds);
    }

    /** Plans the discovery; {@link #projects()} holds the answer once the work has run. */
    void start(GcpOptions options) {
        if (!options.projects().isEmpty()) {
            projects.addAll(options.projects());
        } else if (!options.folder().isEmpty()) {
            container("folders/" + options.folder());
        } else if (!options.organization().isEmpty()) {
            container("organizations/" + options.organization());
        } else {
            work.add(Task.onAccount("cloudresourcemanager.projects.search", "", projectKinds, this::search));
        }
    }

    List<String> projects() {
        return List.copyOf(projects);
    }

    /** The parent of each project and folder the listings showed, with the page that showed it. */
    Map<String, AuditLoggingCollector.Parent> parents() {
        return Map.copyOf(parents);
    }

    private void container(String parent) {
        work.add(Task.onAccount("cloudresourcemanager.projects.list", parent, projectKinds, () -> projects(parent)));
        work.add(Task.onAccount("cloudresourcemanager.folders.list", parent, projectKinds, () -> folders(parent)));
    }

    private void projects(String parent) {
        GcpCalls.<ListProjectsResponse>pages("cloudresourcemanager.projects.list",
                token -> resourceManager.projects().list().setParent(parent).setPageSize(PAGE_SIZE)
                        .setPageToken(token),
                ListProjectsResponse::getNextPageToken,
                page -> add(page.value().getProjects(), page.evidence()));
    }

    private void folders(String parent) {
        GcpCalls.<ListFoldersResponse>pages("cloudresourcemanager.folders.list",
                token -> resourceManager.folders().list().setParent(parent).setPageSize(PAGE_SIZE)
                        .setPageToken(token),
                ListFoldersResponse::getNextPageToken,
                page -> {
                    if (page.value().getFolders() == null) {
                        return;
                    }
                    for (Folder folder : page.value().getFolders()) {
                        if (folder.getName() == null) {
                            throw CallException.malformed("cloudresourcemanager.folders.list",
                                    "a folder without a name", page.evidence());
                        }
                        if (folder.getParent() != null && !folder.getParent().isBlank()) {
                            parents.put(folder.getName(), new AuditLoggingCollector.Parent(folder.getParent(),
                                    page.evidence()));
                        }
                        if ("ACTIVE".equals(folder.getState())) {
                            container(folder.getName());
                        }
                    }
                });
    }

    private void search() {
        GcpCalls.<SearchProjectsResponse>pages("cloudresourcemanager.projects.search",
                token -> resourceManager.projects().search().setQuery("state:ACTIVE").setPageSize(PAGE_SIZE)
                        .setPageToken(token),
                SearchProjectsResponse::getNextPageToken,
                page -> add(page.value().getProjects(), page.evidence()));
    }

    private void add(List<Project> found, dev.evidentry.spi.EvidenceId evidence) {
        if (found == null) {
            return;
        }
        for (Project project : found) {
            if (project.getProjectId() == null) {
                throw CallException.malformed("cloudresourcemanager.projects.list", "a project without projectId",
                        evidence);
            }
            if ("ACTIVE".equals(project.getState())) {
                projects.add(project.getProjectId());
                if (project.getParent() != null && !project.getParent().isBlank()) {
                    parents.put("projects/" + project.getProjectId(),
                            new AuditLoggingCollector.Parent(project.getParent(), evidence));
                }
            }
        }
    }
}
