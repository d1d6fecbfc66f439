package dev.evidentry.gcp;

import dev.evidentry.spi.ResourceRef;

/** How the provider names Google resources: Cloud Asset full resource names as native ids. */
final class Resources {

    static final String PROJECT = "gcp.project";
    static final String BUCKET = "gcp.storage.bucket";
    static final String DISK = "gcp.compute.disk";
    static final String INSTANCE = "gcp.compute.instance";
    static final String SQL_INSTANCE = "gcp.sql.instance";
    static final String KMS_KEY = "gcp.kms.key";
    static final String WORKSPACE_USER = "workspace.user";

    private Resources() {}

    static ResourceRef project(String project) {
        return ResourceRef.global(GcpProvider.ID, project, PROJECT,
                "//cloudresourcemanager.googleapis.com/projects/" + project, project);
    }

    static ResourceRef bucket(String project, String location, String name) {
        return new ResourceRef(GcpProvider.ID, project, location, BUCKET,
                "//storage.googleapis.com/projects/_/buckets/" + name, name);
    }

    static ResourceRef disk(String project, String zone, String name) {
        return new ResourceRef(GcpProvider.ID, project, zone, DISK,
                "//compute.googleapis.com/projects/" + project + "/zones/" + zone + "/disks/" + name, name);
    }

    static ResourceRef instance(String project, String zone, String name) {
        return new ResourceRef(GcpProvider.ID, project, zone, INSTANCE,
                "//compute.googleapis.com/projects/" + project + "/zones/" + zone + "/instances/" + name, name);
    }

    static ResourceRef sqlInstance(String project, String region, String name) {
        return new ResourceRef(GcpProvider.ID, project, region, SQL_INSTANCE,
                "//sqladmin.googleapis.com/projects/" + project + "/instances/" + name, name);
    }

    /** A key from its name {@code projects/P/locations/L/keyRings/R/cryptoKeys/K}. */
    static ResourceRef kmsKey(String project, String location, String keyName) {
        String[] parts = keyName.split("/");
        String shortName = parts.length >= 8 ? parts[5] + "/" + parts[7] : keyName;
        return new ResourceRef(GcpProvider.ID, project, location, KMS_KEY, "//cloudkms.googleapis.com/" + keyName,
                shortName);
    }

    static ResourceRef workspaceUser(String customer, String id, String email) {
        return ResourceRef.global(GcpProvider.ID, customer, WORKSPACE_USER, id, email);
    }

    /** The last segment of a URL or a resource name, such as the zone of {@code .../zones/us-central1-a}. */
    static String lastSegment(String url) {
        if (url == null) {
            return "";
        }
        int slash = url.lastIndexOf('/');
        return slash < 0 ? url : url.substring(slash + 1);
    }
}
