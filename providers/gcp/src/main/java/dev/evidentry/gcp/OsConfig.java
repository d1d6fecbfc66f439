package dev.evidentry.gcp;

import com.google.api.client.googleapis.services.json.AbstractGoogleJsonClient;
import com.google.api.client.googleapis.services.json.AbstractGoogleJsonClientRequest;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.json.GenericJson;
import com.google.api.client.json.JsonFactory;
import com.google.api.client.util.Key;
import java.util.Map;

/**
 * The one OS Config API v1 method the provider calls, {@code osconfig.projects.locations.instances.inventories.list},
 * as a discovery-style (apiary) client on {@code google-api-client}: {@code google-api-services-osconfig} is not
 * served by the package registry this project builds from, so the request and the few resource fields read are
 * declared here, the way the generated clients declare them (REST reference:
 * {@code https://cloud.google.com/compute/docs/osconfig/rest/v1/projects.locations.instances.inventories/list}).
 * The nested class names make {@link GcpCalls#operation} give Google's method id.
 */
public final class OsConfig extends AbstractGoogleJsonClient {

    static final String DEFAULT_ROOT_URL = "https://osconfig.googleapis.com/";

    OsConfig(Builder builder) {
        super(builder);
    }

    /**
     * Lists the inventories under {@code projects/P/locations/ZONE/instances/-}, with the client's request initializer
     * applied, as the generated clients do.
     */
    Projects.Locations.Instances.Inventories.List listInventories(String parent) throws java.io.IOException {
        Projects.Locations.Instances.Inventories.List request =
                new Projects.Locations.Instances.Inventories.List(this, parent);
        initialize(request);
        return request;
    }

    /** Builds the client; {@code setRootUrl} replaces {@code https://osconfig.googleapis.com/}. */
    static final class Builder extends AbstractGoogleJsonClient.Builder {
        Builder(HttpTransport transport, JsonFactory json, HttpRequestInitializer initializer) {
            super(transport, json, DEFAULT_ROOT_URL, "", initializer, false);
        }

        @Override
        public OsConfig build() {
            return new OsConfig(this);
        }
    }

    /** Holders that spell the method id. */
    public static final class Projects {
        private Projects() {}

        public static final class Locations {
            private Locations() {}

            public static final class Instances {
                private Instances() {}

                public static final class Inventories {
                    private Inventories() {}

                    /** {@code GET v1/{+parent}/inventories}. */
                    public static final class List extends AbstractGoogleJsonClientRequest<ListInventoriesResponse> {
                        @Key
                        private String parent;
                        @Key
                        private String view;
                        @Key
                        private Integer pageSize;
                        @Key
                        private String pageToken;

                        List(OsConfig client, String parent) {
                            super(client, "GET", "v1/{+parent}/inventories", null, ListInventoriesResponse.class);
                            this.parent = parent;
                        }

                        List setView(String view) {
                            this.view = view;
                            return this;
                        }

                        List setPageSize(Integer pageSize) {
                            this.pageSize = pageSize;
                            return this;
                        }

                        List setPageToken(String pageToken) {
                            this.pageToken = pageToken;
                            return this;
                        }

                        @Override
                        public List set(String fieldName, Object value) {
                            return (List) super.set(fieldName, value);
                        }
                    }
                }
            }
        }
    }

    /** {@code ListInventoriesResponse}. */
    public static final class ListInventoriesResponse extends GenericJson {
        @Key
        private java.util.List<Inventory> inventories;
        @Key
        private String nextPageToken;

        public java.util.List<Inventory> getInventories() {
            return inventories;
        }

        public String getNextPageToken() {
            return nextPageToken;
        }
    }

    /** {@code Inventory}: {@code name}, {@code osInfo}, {@code items} (a map of item id to item), {@code updateTime}. */
    public static final class Inventory extends GenericJson {
        @Key
        private String name;
        @Key
        private OsInfo osInfo;
        @Key
        private Map<String, InventoryItem> items;
        @Key
        private String updateTime;

        public String getName() {
            return name;
        }

        public OsInfo getOsInfo() {
            return osInfo;
        }

        public Map<String, InventoryItem> getItems() {
            return items;
        }

        public String getUpdateTime() {
            return updateTime;
        }
    }

    /** {@code Inventory.OsInfo}: the fields read. */
    public static final class OsInfo extends GenericJson {
        @Key
        private String hostname;
        @Key
        private String longName;
        @Key
        private String shortName;
        @Key
        private String version;
        @Key
        private String kernelVersion;
        @Key
        private String kernelRelease;

        public String getShortName() {
            return shortName;
        }

        public String getVersion() {
            return version;
        }

        public String getKernelVersion() {
            return kernelVersion;
        }

        public String getKernelRelease() {
            return kernelRelease;
        }

        public String getHostname() {
            return hostname;
        }

        public String getLongName() {
            return longName;
        }
    }

    /** {@code Inventory.Item}: {@code type} {@code INSTALLED_PACKAGE} or {@code AVAILABLE_PACKAGE}. */
    public static final class InventoryItem extends GenericJson {
        @Key
        private String type;
        @Key
        private SoftwarePackage installedPackage;

        public String getType() {
            return type;
        }

        public SoftwarePackage getInstalledPackage() {
            return installedPackage;
        }
    }

    /** {@code Inventory.SoftwarePackage}: one of its package kinds is set. */
    public static final class SoftwarePackage extends GenericJson {
        @Key
        private VersionedPackage yumPackage;
        @Key
        private VersionedPackage aptPackage;
        @Key
        private VersionedPackage zypperPackage;
        @Key
        private VersionedPackage googetPackage;
        @Key
        private VersionedPackage cosPackage;
        @Key
        private WindowsApplication windowsApplication;

        /** The package's name, whichever kind it is, or {@code null}. */
        public String name() {
            for (VersionedPackage p : new VersionedPackage[] {yumPackage, aptPackage, zypperPackage, googetPackage,
                    cosPackage}) {
                if (p != null && p.packageName != null) {
                    return p.packageName;
                }
            }
            // Windows updates (wuaPackage, qfePackage) are not applications: a Defender signature update is not read
            // as an installed agent.
            return windowsApplication == null ? null : windowsApplication.displayName;
        }
    }

    /** {@code Inventory.VersionedPackage}. */
    public static final class VersionedPackage extends GenericJson {
        @Key
        private String packageName;
        @Key
        private String version;
    }

    /** {@code Inventory.WindowsApplication}. */
    public static final class WindowsApplication extends GenericJson {
        @Key
        private String displayName;
        @Key
        private String displayVersion;
    }
}
