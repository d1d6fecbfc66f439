package dev.evidentry.provider.support;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** A plugin's version, as its descriptor reports it. */
public final class ProviderVersion {

    private ProviderVersion() {}

    /**
     * The {@code version} in {@code provider.properties} beside {@code providerClass} (filtered by the build), else
     * the {@code Implementation-Version} of its package's manifest, else {@code unknown}.
     */
    public static String of(Class<?> providerClass) {
        try (InputStream in = providerClass.getResourceAsStream("provider.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String version = properties.getProperty("version", "");
                if (!version.isBlank() && !version.startsWith("${")) {
                    return version;
                }
            }
        } catch (IOException e) {
            // fall through to the package's manifest, then to "unknown"
        }
        String manifest = providerClass.getPackage().getImplementationVersion();
        return manifest == null ? "unknown" : manifest;
    }
}
