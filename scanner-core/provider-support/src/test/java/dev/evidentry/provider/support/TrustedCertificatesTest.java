package dev.evidentry.provider.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustedCertificatesTest {

    @Test
    void aPemFileWithoutACertificateIsRefusedNamingTheFile(@TempDir Path directory) throws Exception {
        Path empty = Files.writeString(directory.resolve("empty.pem"), "");
        assertThatThrownBy(() -> TrustedCertificates.sslContext(empty))
                .isInstanceOf(GeneralSecurityException.class).hasMessage("no certificate in " + empty);
        Path garbage = Files.writeString(directory.resolve("garbage.pem"),
                "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n");
        assertThatThrownBy(() -> TrustedCertificates.sslContext(garbage)).isInstanceOf(CertificateException.class);
    }

    @Test
    void aMissingFileIsAnIoError(@TempDir Path directory) {
        assertThatThrownBy(() -> TrustedCertificates.sslContext(directory.resolve("absent.pem")))
                .isInstanceOf(java.nio.file.NoSuchFileException.class);
    }
}
