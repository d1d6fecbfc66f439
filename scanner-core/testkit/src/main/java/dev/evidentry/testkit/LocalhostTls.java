package dev.evidentry.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for {@code localhost} and {@code 127.0.0.1}, made with the JDK's own {@code keytool}: a
 * PKCS#12 key store for a WireMock HTTPS port, and the certificate as PEM for a provider's CA-file option. For vendor
 * SDKs that insist on HTTPS (Okta's, MSAL): the provider verifies certificates as always, and trusts this one because
 * the test tells it to.
 *
 * @param keyStore the PKCS#12 key store, password {@link #PASSWORD}
 * @param certificatePem the certificate alone, PEM
 */
public record LocalhostTls(Path keyStore, Path certificatePem) {

    public static final String PASSWORD = "evidentry-test";

    private static LocalhostTls shared;

    /** The one certificate of this test run, made on first use. */
    public static synchronized LocalhostTls shared() {
        if (shared == null) {
            shared = create();
        }
        return shared;
    }

    /** A new certificate, which signed nothing else: trusting it alone must not admit the shared one. */
    public static LocalhostTls create() {
        try {
            Path directory = Files.createTempDirectory("evidentry-tls-");
            Path keyStore = directory.resolve("localhost.p12");
            Path pem = directory.resolve("localhost.pem");
            keytool("-genkeypair", "-alias", "localhost", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                    "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                    "-keypass", PASSWORD);
            keytool("-exportcert", "-rfc", "-alias", "localhost", "-keystore", keyStore.toString(),
                    "-storepass", PASSWORD, "-file", pem.toString());
            // Registered in creation order, deleted in reverse: the files before their directory.
            directory.toFile().deleteOnExit();
            keyStore.toFile().deleteOnExit();
            pem.toFile().deleteOnExit();
            return new LocalhostTls(keyStore, pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void keytool(String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("keytool did not finish within a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for keytool", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException("keytool failed: " + new String(process.getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8));
        }
    }
}
