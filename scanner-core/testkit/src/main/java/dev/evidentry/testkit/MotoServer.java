package dev.evidentry.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code moto_server} (the AWS emulator) on a free loopback port, for the tests of the AWS provider. Plain JDK, no
 * AWS dependency. Start it once per test class and reset it between tests:
 *
 * <pre>{@code
 * private static MotoServer moto;
 *
 * @BeforeAll static void startMoto() { moto = MotoServer.start(); }
 * @AfterAll static void stopMoto() { moto.close(); }
 * @BeforeEach void resetMoto() { moto.reset(); }
 * }</pre>
 *
 * <p>The executable is {@code moto_server} on the PATH unless the system property {@code moto.server} names another
 * (the parent POM passes it to Surefire). Any credentials work; moto maps them all to account 123456789012.
 */
public final class MotoServer implements AutoCloseable {

    /** The system property naming the executable. */
    public static final String EXECUTABLE_PROPERTY = "moto.server";

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final int PORT_ATTEMPTS = 3;

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http;
    private final Thread shutdownHook;

    private MotoServer(Process process, int port, Path log, HttpClient http) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.http = http;
        this.shutdownHook = new Thread(this::stop, "moto-server-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts {@code moto_server -H 127.0.0.1 -p <free port>} and waits until it answers.
     *
     * @throws IllegalStateException when the executable is missing, exits, or does not answer in time
     */
    public static MotoServer start() {
        String executable = System.getProperty(EXECUTABLE_PROPERTY, "moto_server");
        if (executable.isBlank()) {
            executable = "moto_server";
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        IllegalStateException last = null;
        for (int attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
            int port = freePort();
            Path log = createLog();
            Process process = launch(executable, port, log);
            try {
                waitUntilAnswering(process, port, log, http);
                return new MotoServer(process, port, log, http);
            } catch (IllegalStateException e) {
                destroy(process);
                last = e;
                // Another process may have taken the port between our check and moto's bind: try another.
                if (!logText(log).contains("Address already in use")) {
                    break;
                }
            }
        }
        throw last;
    }

    /** The base URL, such as {@code http://127.0.0.1:41234}, for {@code endpoint-url} or {@code AWS_ENDPOINT_URL}. */
    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Forgets every resource created so far (POST /moto-api/reset). */
    public void reset() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint() + "/moto-api/reset"))
                .timeout(REQUEST_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("moto_server did not reset: HTTP " + response.statusCode() + " "
                        + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("moto_server did not reset" + logTail(log), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while resetting moto_server", e);
        }
    }

    /** Stops the server and any process it started. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs or ran anyway
        }
    }

    private void stop() {
        destroy(process);
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // a temporary file left behind is harmless
        }
    }

    private static Process launch(String executable, int port, Path log) {
        ProcessBuilder builder = new ProcessBuilder(List.of(executable, "-H", "127.0.0.1", "-p", String.valueOf(port)))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            return builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + executable + " (the moto_server executable; "
                    + "install it with: pip install 'moto[server]', or name it with -D" + EXECUTABLE_PROPERTY
                    + "=/path/to/moto_server): " + e.getMessage(), e);
        }
    }

    private static void waitUntilAnswering(Process process, int port, Path log, HttpClient http) {
        URI probe = URI.create("http://127.0.0.1:" + port + "/moto-api/data.json");
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited with status " + process.exitValue()
                        + " before answering on port " + port + logTail(log));
            }
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(2)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for moto_server", e);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for moto_server", e);
            }
        }
        throw new IllegalStateException("moto_server did not answer " + probe + " within " + STARTUP_TIMEOUT
                + logTail(log));
    }

    private static void destroy(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for moto_server", e);
        }
    }

    private static Path createLog() {
        try {
            return Files.createTempFile("moto-server-", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a log file for moto_server", e);
        }
    }

    private static String logText(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String logTail(Path log) {
        String text = logText(log).strip();
        if (text.isEmpty()) {
            return "";
        }
        return "; its output ended with:\n" + (text.length() > 2000 ? text.substring(text.length() - 2000) : text);
    }
}
