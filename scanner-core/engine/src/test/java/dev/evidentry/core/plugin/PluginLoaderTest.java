package dev.evidentry.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.Shared;
import dev.evidentry.core.plugin.LoadedPlugins.LoadedCheckPack;
import dev.evidentry.core.plugin.LoadedPlugins.LoadedProvider;
import dev.evidentry.core.testplugin.ActiveAccountCheck;
import dev.evidentry.core.testplugin.AlphaSaasProvider;
import dev.evidentry.core.testplugin.EncryptionCheck;
import dev.evidentry.core.testplugin.MfaCheck;
import dev.evidentry.core.testplugin.TestCloudProvider;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.Provider;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginLoaderTest {

    @TempDir
    Path temp;

    @Test
    void findsTheClasspathPluginsRegisteredInMetaInfServicesSortedById() {
        LoadedPlugins plugins = new PluginLoader().load(null);

        // The services files list testcloud before alpha-saas and testpack before auxpack.
        assertThat(plugins.providers()).extracting(LoadedProvider::id).containsExactly("alpha-saas", "testcloud");
        assertThat(plugins.providers()).extracting(LoadedProvider::version).containsExactly("0.9.0", "1.2.3");
        assertThat(plugins.providers()).extracting(LoadedProvider::location).containsOnly("classpath");
        assertThat(plugins.checkPacks()).extracting(LoadedCheckPack::id).containsExactly("auxpack", "testpack");
        assertThat(plugins.checks()).extracting(check -> check.descriptor().id())
                .containsExactly(ActiveAccountCheck.ID, MfaCheck.ID, EncryptionCheck.ID);
        assertThat(plugins.problems()).isEmpty();
    }

    @Test
    void aMissingPluginsDirectoryIsNotAnError() {
        LoadedPlugins plugins = new PluginLoader().load(temp.resolve("no-such-directory"));

        assertThat(plugins.providers()).extracting(LoadedProvider::id).containsExactly("alpha-saas", "testcloud");
        assertThat(plugins.problems()).isEmpty();
    }

    @Test
    void blankAndMalformedIdsAreRejectedWithAClearMessage() {
        LoadedPlugins plugins = loadFixture("invalid-ids");

        assertThat(plugins.providers()).extracting(LoadedProvider::id).containsExactly(AlphaSaasProvider.ID);
        assertThat(plugins.checkPacks()).extracting(LoadedCheckPack::id).containsExactly("auxpack");
        assertThat(messages(plugins)).satisfiesExactlyInAnyOrder(
                message -> assertThat(message).contains("BrokenProviders$BlankId", "has the id ' '",
                        "lower-case letters, digits and dashes"),
                message -> assertThat(message).contains("BrokenProviders$InvalidId", "has the id 'Not Valid'",
                        "lower-case letters, digits and dashes"),
                message -> assertThat(message).contains("check pack", "DuplicateCheckPacks$BlankId", "has the id ''"));
        assertThat(plugins.problems()).allSatisfy(problem -> {
            assertThat(problem.cause()).isEqualTo(IssueCause.PLUGIN_FAILURE);
            assertThat(problem.provider()).isEqualTo("evidentry");
            assertThat(problem.operation()).isEqualTo("plugin:classpath");
            assertThat(problem.factKinds()).as("a rejected plugin blocks no check by itself").isEmpty();
        });
    }

    @Test
    void aDuplicateProviderIdOnTheClasspathKeepsTheFirstAndReportsTheSecond() {
        LoadedPlugins plugins = loadFixture("duplicate-ids");

        assertThat(plugins.providers()).singleElement().satisfies(provider -> {
            assertThat(provider.id()).isEqualTo(TestCloudProvider.ID);
            assertThat(provider.provider()).isInstanceOf(TestCloudProvider.class);
        });
        assertThat(messages(plugins)).anySatisfy(message ->
                assertThat(message).contains("provider id 'testcloud' is already taken by classpath",
                        "the copy in classpath was not loaded"));
    }

    @Test
    void aDuplicateCheckIdIsLoadedOnceAndADuplicatePackIdNotAtAll() {
        LoadedPlugins plugins = loadFixture("duplicate-ids");

        assertThat(plugins.checkPacks()).extracting(LoadedCheckPack::id).containsExactly("dupe-first", "dupe-second");
        assertThat(plugins.checkPacks().get(0).checks()).extracting(check -> check.descriptor().id())
                .containsExactly("dupe.shared.check");
        assertThat(plugins.checkPacks().get(1).checks()).extracting(check -> check.descriptor().id())
                .as("the second pack keeps its own check and loses the duplicate")
                .containsExactly("dupe.second.own");
        assertThat(plugins.checks()).extracting(check -> check.descriptor().id())
                .doesNotContain("dupe.other.check")
                .containsOnlyOnce("dupe.shared.check");
        assertThat(messages(plugins)).contains(
                "check id 'dupe.shared.check' of pack dupe-second is already defined by pack dupe-first; "
                        + "it was not loaded",
                "check pack id 'dupe-first' is already taken by classpath; the copy in classpath was not loaded");
    }

    @Test
    void aProviderThatThrowsFromItsDescriptorOrConstructorBecomesAProblemAndTheRestLoad() {
        LoadedPlugins plugins = loadFixture("throwing");

        assertThat(plugins.providers()).extracting(LoadedProvider::id).containsExactly(AlphaSaasProvider.ID);
        assertThat(messages(plugins)).satisfiesExactlyInAnyOrder(
                message -> assertThat(message).contains("BrokenProviders$ThrowingDescriptor",
                        "threw from descriptor()", "descriptor exploded"),
                message -> assertThat(message).contains("a Provider could not be loaded",
                        "BrokenProviders$ThrowingConstructor"));
    }

    @Test
    void aServicesFileNamingAMissingClassBecomesAProblemAndLoadingGoesOn() {
        LoadedPlugins plugins = loadFixture("missing-class");

        assertThat(plugins.providers()).extracting(LoadedProvider::id).containsExactly(AlphaSaasProvider.ID);
        assertThat(messages(plugins)).satisfiesExactlyInAnyOrder(
                message -> assertThat(message).contains("a Provider could not be loaded",
                        "dev.evidentry.core.testplugin.DoesNotExist", "not found"),
                message -> assertThat(message).contains("a Provider could not be loaded", MfaCheck.class.getName(),
                        "not a subtype"));
        assertThat(plugins.problems()).extracting(CollectionIssue::cause).containsOnly(IssueCause.PLUGIN_FAILURE);
    }

    @Test
    void anExternalPluginDirectoryIsLoadedInItsOwnChildFirstClassLoaderSharingTheSpi() throws Exception {
        Path plugins = temp.resolve("plugins");
        ExternalPluginJar.build(temp.resolve("build"), plugins.resolve("external").resolve("external-demo.jar"),
                "external-demo");

        LoadedPlugins loaded = new PluginLoader().load(plugins);

        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.providers()).extracting(LoadedProvider::id)
                .containsExactly("alpha-saas", "external-demo", "testcloud");
        LoadedProvider external = loaded.providers().get(1);
        assertThat(external.location()).isEqualTo("plugins/external");

        Provider provider = external.provider();
        ClassLoader pluginLoader = provider.getClass().getClassLoader();
        assertThat(provider.getClass().getName()).isEqualTo(ExternalPluginJar.PROVIDER_CLASS);
        assertThat(pluginLoader).isInstanceOf(PluginClassLoader.class)
                .isNotSameAs(ClassLoader.getSystemClassLoader())
                .isNotSameAs(PluginLoaderTest.class.getClassLoader());
        assertThat(pluginLoader.getName()).isEqualTo("evidentry-plugin-external");

        // The SPI is shared: the interface the plugin implements is our very Provider class.
        assertThat(provider.getClass().getInterfaces()).containsExactly(Provider.class);
        assertThat(pluginLoader.loadClass(Provider.class.getName())).isSameAs(Provider.class);

        // A class both in the plugin and on the scanner's class path resolves to the plugin's own copy.
        Class<?> pluginShared = pluginLoader.loadClass(Shared.class.getName());
        assertThat(pluginShared).isNotSameAs(Shared.class);
        assertThat(pluginShared.getClassLoader()).isSameAs(pluginLoader);
        Method origin = pluginShared.getMethod("origin");
        assertThat(origin.invoke(null)).isEqualTo("plugin");
        assertThat(Shared.origin()).isEqualTo("app");
        assertThat(external.version()).as("the plugin's code linked its own copy").isEqualTo("plugin");
    }

    @Test
    void aDuplicateProviderIdInThePluginsDirectoryIsRejectedNamingBothLocations() throws IOException {
        Path plugins = temp.resolve("plugins");
        ExternalPluginJar.build(temp.resolve("build"), plugins.resolve("shadow").resolve("shadow.jar"),
                TestCloudProvider.ID);

        LoadedPlugins loaded = new PluginLoader().load(plugins);

        assertThat(loaded.providers()).filteredOn(provider -> provider.id().equals(TestCloudProvider.ID))
                .singleElement()
                .satisfies(provider -> {
                    assertThat(provider.location()).isEqualTo("classpath");
                    assertThat(provider.provider()).isInstanceOf(TestCloudProvider.class);
                });
        assertThat(loaded.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.message()).contains("provider id 'testcloud'", "already taken by classpath",
                    "the copy in plugins/shadow was not loaded");
            assertThat(problem.operation()).isEqualTo("plugin:plugins/shadow");
        });
    }

    @Test
    void onlyTheSpiAndSlf4jAreSharedWithPlugins() {
        assertThat(PluginClassLoader.isShared(Provider.class.getName())).isTrue();
        assertThat(PluginClassLoader.isShared("dev.evidentry.spi.fact.HumanIdentity")).isTrue();
        assertThat(PluginClassLoader.isShared("org.slf4j.Logger")).isTrue();
        assertThat(PluginClassLoader.isShared(PluginLoader.class.getName())).isFalse();
        assertThat(PluginClassLoader.isShared("com.fasterxml.jackson.databind.ObjectMapper")).isFalse();
        assertThat(PluginClassLoader.isShared("dev.evidentry.spiffy.Thing")).isFalse();
    }

    private static List<String> messages(LoadedPlugins plugins) {
        return plugins.problems().stream().map(CollectionIssue::message).toList();
    }

    /** Loads with a scanner class loader whose only services files are those of one fixture directory. */
    private static LoadedPlugins loadFixture(String name) {
        URL directory = PluginLoaderTest.class.getResource("/plugin-fixtures/" + name + "/");
        assertThat(directory).as("fixture plugin-fixtures/" + name).isNotNull();
        try (FixtureClassLoader loader = new FixtureClassLoader(directory)) {
            return new PluginLoader(loader).load(null);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Classes from the test class path, but {@code META-INF/services} files from one fixture directory only, so each
     * test sees exactly the plugins its fixture registers.
     */
    private static final class FixtureClassLoader extends URLClassLoader {
        FixtureClassLoader(URL directory) {
            super(new URL[] {directory}, PluginLoaderTest.class.getClassLoader());
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return name.startsWith("META-INF/services/") ? findResources(name) : super.getResources(name);
        }
    }
}
