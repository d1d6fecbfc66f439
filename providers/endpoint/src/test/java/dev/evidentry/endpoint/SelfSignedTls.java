package dev.evidentry.endpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A certificate for {@code localhost} made once per test run by the JDK's {@code keytool}: a PKCS#12 key store for
 * WireMock's HTTPS port and the same certificate as PEM for the option {@code microsoft-ca-file}. MSAL signs in over
 * https only; the provider verifies the certificate as always and trusts this one because the test says so.
 */
final class SelfSignedTls {

    static final String PASSWORD = "evidentry-endpoint-test";

    private static SelfSignedTls made;

    final Path keyStore;
    final Path certificate;

    private SelfSignedTls(Path keyStore, Path certificate) {
        this.keyStore = keyStore;
        this.certificate = certificate;
    }

    static synchronized SelfSignedTls get() {
        if (made == null) {
            try {
                Path directory = Files.createTempDirectory("evidentry-endpoint-tls-");
                Path keyStore = directory.resolve("localhost.p12");
                Path pem = directory.resolve("localhost.pem");
                keytool("-genkeypair", "-alias", "localhost", "-keyalg", "EC", "-groupname", "secp256r1",
                        "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                        "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                        "-keypass", PASSWORD);
                keytool("-exportcert", "-rfc", "-alias", "localhost", "-keystore", keyStore.toString(),
                        "-storepass", PASSWORD, "-file", pem.toString());
                for (Path path : List.of(pem, keyStore, directory)) {
                    path.toFile().deleteOnExit();
                }
                made = new SelfSignedTls(keyStore, pem);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return made;
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
