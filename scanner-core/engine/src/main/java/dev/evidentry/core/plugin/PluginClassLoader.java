package dev.evidentry.core.plugin;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * Loads one plugin directory child-first, so each plugin brings its own vendor SDK and its own versions of Jackson,
 * Netty or Guava. Only the SPI (and SLF4J, so vendor SDKs log through the scanner's one logging backend) come from the
 * scanner, parent-first: that is the whole contract between a plugin and the core.
 */
final class PluginClassLoader extends URLClassLoader {

    static final List<String> SHARED_PACKAGES = List.of("dev.evidentry.spi.", "org.slf4j.");

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader scannerLoader;

    PluginClassLoader(String name, URL[] jars, ClassLoader scannerLoader) {
        super(name, jars, ClassLoader.getPlatformClassLoader());
        this.scannerLoader = requireNonNull(scannerLoader, "scannerLoader is null");
    }

    static boolean isShared(String className) {
        return SHARED_PACKAGES.stream().anyMatch(className::startsWith);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isShared(name)) {
            return scannerLoader.loadClass(name);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null && !name.startsWith("java.")) {
                try {
                    loaded = findClass(name);
                } catch (ClassNotFoundException notInPlugin) {
                    loaded = null;
                }
            }
            if (loaded == null) {
                loaded = getParent().loadClass(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    public URL getResource(String name) {
        URL own = findResource(name);
        return own != null ? own : getParent().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> urls = new ArrayList<>(Collections.list(findResources(name)));
        urls.addAll(Collections.list(getParent().getResources(name)));
        return Collections.enumeration(urls);
    }
}
