package dev.evidentry.okta;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for {@code localhost} and {@code 127.0.0.1}, made once per test run with the JDK's own
 * {@code keytool}: a PKCS#12 key store for WireMock's HTTPS port, and the certificate as PEM for the provider's
 * {@code ca-file} option. The Okta SDK insists on HTTPS; the provider verifies certificates as always, and trusts
 * this one because the test tells it to.
 */
final class TestTls {

    static final String PASSWORD = "evidentry-test";

    private static TestTls instance;

    final Path keyStore;
    final Path certificatePem;

    private TestTls(Path keyStore, Path certificatePem) {
        this.keyStore = keyStore;
        this.certificatePem = certificatePem;
    }

    static synchronized TestTls get() {
        if (instance == null) {
            instance = create();
        }
        return instance;
    }

    private static Path other;

    /** Another self-signed certificate, which did not sign the server's: trusting it alone must fail. */
    static synchronized Path other() {
        if (other == null) {
            other = create().certificatePem;
        }
        return other;
    }

    private static TestTls create() {
        try {
            Path directory = Files.createTempDirectory("evidentry-okta-tls-");
            Path keyStore = directory.resolve("wiremock.p12");
            Path pem = directory.resolve("wiremock.pem");
            keytool("-genkeypair", "-alias", "wiremock", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                    "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                    "-keypass", PASSWORD);
            keytool("-exportcert", "-rfc", "-alias", "wiremock", "-keystore", keyStore.toString(),
                    "-storepass", PASSWORD, "-file", pem.toString());
            directory.toFile().deleteOnExit();
            keyStore.toFile().deleteOnExit();
            pem.toFile().deleteOnExit();
            return new TestTls(keyStore, pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void keytool(String... arguments) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("keytool did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException("keytool failed: " + new String(process.getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8));
        }
    }
}
