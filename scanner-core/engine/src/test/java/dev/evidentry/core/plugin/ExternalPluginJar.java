package dev.evidentry.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evidentry.spi.Provider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds the third-party provider in {@code src/test/resources/external-plugin} into a jar at test time: compiled with
 * the JDK's compiler against the SPI's location alone, as an outside author would, and registered by its own
 * {@code META-INF/services} file.
 */
final class ExternalPluginJar {

    static final String PROVIDER_CLASS = "com.example.ext.ExternalProvider";
    private static final List<String> SOURCES = List.of("com/example/Shared.java", "com/example/ext/ExternalProvider.java");

    private ExternalPluginJar() {
    }

    /** Compiles the plugin under {@code work} and writes {@code jar}, whose provider reports {@code providerId}. */
    static Path build(Path work, Path jar, String providerId) throws IOException {
        Path sources = work.resolve("src");
        Path classes = work.resolve("classes");
        Files.createDirectories(classes);
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-proc:none", "-Xlint:none",
                "-classpath", spiLocation().toString(), "-d", classes.toString()));
        for (String source : SOURCES) {
            Path file = sources.resolve(source);
            Files.createDirectories(file.getParent());
            try (InputStream in = ExternalPluginJar.class.getResourceAsStream("/external-plugin/" + source)) {
                assertThat(in).as("test resource external-plugin/" + source).isNotNull();
                Files.write(file, in.readAllBytes());
            }
            arguments.add(file.toString());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler).as("a JDK (not a JRE) runs the tests").isNotNull();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = compiler.run(null, diagnostics, diagnostics, arguments.toArray(String[]::new));
        assertThat(status).as("javac: %s", diagnostics.toString(StandardCharsets.UTF_8)).isZero();

        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                put(out, classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
            put(out, "com/example/ext/plugin-id.txt", (providerId + "\n").getBytes(StandardCharsets.UTF_8));
            put(out, "META-INF/services/" + Provider.class.getName(),
                    (PROVIDER_CLASS + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    /** The directory or jar the SPI was loaded from: all an outside plugin compiles against. */
    static Path spiLocation() {
        URL location = Provider.class.getProtectionDomain().getCodeSource().getLocation();
        try {
            return Path.of(location.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(location.toString(), e);
        }
    }

    private static void put(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }
}
