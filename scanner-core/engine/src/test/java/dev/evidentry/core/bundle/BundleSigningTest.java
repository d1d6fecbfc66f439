package dev.evidentry.core.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evidentry.core.bundle.BundleVerifier.SignatureStatus;
import dev.evidentry.core.scan.ScanResult;
import dev.evidentry.core.scan.UsageException;
import dev.evidentry.core.testsupport.TestScans;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ed25519 signatures over the manifest: what a signed bundle proves, and what verify says when it does not. */
class BundleSigningTest {

    @TempDir
    Path temp;

    private PublicKey publicKey;
    private Path privateKeyFile;

    @BeforeEach
    void keys() throws IOException {
        KeyPair pair = Ed25519Keys.generate();
        privateKeyFile = temp.resolve("signing.pem");
        Ed25519Keys.write(privateKeyFile, "PRIVATE KEY", pair.getPrivate().getEncoded());
        publicKey = pair.getPublic();
    }

    private Path signedBundle() throws Exception {
        Path bundle = temp.resolve("signed");
        ScanResult result = TestScans.scan(TestScans.withSigningKey(TestScans.request(bundle, Map.of()),
                privateKeyFile));
        assertThat(result.signed()).isTrue();
        return bundle;
    }

    @Test
    void aSignedBundleVerifiesWithTheSignersPublicKey() throws Exception {
        Path bundle = signedBundle();

        BundleVerifier.Report report = BundleVerifier.verify(bundle, publicKey);

        assertThat(report.signature()).isEqualTo(SignatureStatus.VALID);
        assertThat(report.problems()).isEmpty();
        assertThat(report.intact()).isTrue();
        JsonNode signature = new ObjectMapper().readTree(bundle.resolve("manifest.json").toFile()).path("signature");
        assertThat(signature.path("algorithm").asText()).isEqualTo("Ed25519");
        assertThat(signature.path("file").asText()).isEqualTo("manifest.sig");
    }

    @Test
    void aKeyReadBackFromItsPemFilesSignsAndVerifiesToo() throws Exception {
        KeyPair pair = Ed25519Keys.generate();
        Path privateFile = temp.resolve("k.pem");
        Path publicFile = temp.resolve("k.pub.pem");
        Ed25519Keys.write(privateFile, "PRIVATE KEY", pair.getPrivate().getEncoded());
        Ed25519Keys.write(publicFile, "PUBLIC KEY", pair.getPublic().getEncoded());
        Path bundle = signedBundle();

        BundleSigner.sign(bundle, Ed25519Keys.readPrivate(privateFile));

        assertThat(BundleSigner.verify(bundle, Ed25519Keys.readPublic(publicFile))).isTrue();
        assertThat(BundleSigner.verify(bundle, publicKey)).as("the old signature was replaced").isFalse();
    }

    @Test
    void aTamperedManifestBreaksTheSignature() throws Exception {
        Path bundle = signedBundle();
        Path manifest = bundle.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"issues\" : 0", "\"issues\" : 7"));

        BundleVerifier.Report report = BundleVerifier.verify(bundle, publicKey);

        assertThat(report.signature()).isEqualTo(SignatureStatus.INVALID);
        assertThat(report.problems()).as("the files themselves still match").isEmpty();
        assertThat(report.intact()).isFalse();
    }

    @Test
    void aFileRehashedIntoTheManifestIsCaughtByTheSignature() throws Exception {
        Path bundle = signedBundle();
        Path findings = bundle.resolve("findings.jsonl");
        String before = Sha256.ofFile(findings);
        Files.writeString(findings, "");
        Path manifest = bundle.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace(before, Sha256.ofFile(findings)));

        BundleVerifier.Report report = BundleVerifier.verify(bundle, publicKey);

        assertThat(report.problems()).as("the hashes agree now: only the signature tells").isEmpty();
        assertThat(report.signature()).isEqualTo(SignatureStatus.INVALID);
        assertThat(report.intact()).isFalse();
    }

    @Test
    void anotherKeyDoesNotVerify() throws Exception {
        Path bundle = signedBundle();

        BundleVerifier.Report report = BundleVerifier.verify(bundle, Ed25519Keys.generate().getPublic());

        assertThat(report.signature()).isEqualTo(SignatureStatus.INVALID);
        assertThat(report.intact()).isFalse();
    }

    @Test
    void aGarbledSignatureIsInvalidNotAnError() throws Exception {
        Path bundle = signedBundle();
        Files.writeString(bundle.resolve("manifest.sig"), "not base64 at all!\n");

        assertThat(BundleVerifier.verify(bundle, publicKey).signature()).isEqualTo(SignatureStatus.INVALID);
    }

    @Test
    void aKeyGivenForAnUnsignedBundleReportsTheSignatureMissing() throws Exception {
        Path bundle = temp.resolve("unsigned");
        TestScans.scan(TestScans.request(bundle, Map.of()));

        BundleVerifier.Report report = BundleVerifier.verify(bundle, publicKey);

        assertThat(report.signature()).isEqualTo(SignatureStatus.MISSING);
        assertThat(report.problems()).isEmpty();
        assertThat(report.intact()).isFalse();
    }

    @Test
    void aSignedBundleCheckedWithoutAKeyIsIntactButNotChecked() throws Exception {
        BundleVerifier.Report report = BundleVerifier.verify(signedBundle(), null);

        assertThat(report.signature()).isEqualTo(SignatureStatus.NOT_CHECKED);
        assertThat(report.intact()).isTrue();
    }

    @Test
    void anUnusableSigningKeyIsAUsageErrorBeforeAnythingIsWritten() throws IOException {
        Path notAKey = Files.writeString(temp.resolve("not-a-key.pem"), "hello");
        Path publicOnly = temp.resolve("public.pem");
        Ed25519Keys.write(publicOnly, "PUBLIC KEY", publicKey.getEncoded());
        Path output = temp.resolve("never-written");

        assertThatThrownBy(() -> TestScans.scan(TestScans.withSigningKey(TestScans.request(output, Map.of()), notAKey)))
                .isInstanceOf(UsageException.class).hasMessageContaining("--sign-key")
                .hasMessageContaining("BEGIN PRIVATE KEY");
        assertThatThrownBy(() -> TestScans.scan(TestScans.withSigningKey(TestScans.request(output, Map.of()),
                publicOnly))).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> TestScans.scan(TestScans.withSigningKey(TestScans.request(output, Map.of()),
                temp.resolve("missing.pem")))).isInstanceOf(UsageException.class).hasMessageContaining("does not exist");
        assertThat(output).doesNotExist();
    }

    @Test
    void keyFilesOfTheWrongKindAreRefusedWithAMessage() throws IOException {
        Path publicFile = temp.resolve("public.pem");
        Ed25519Keys.write(publicFile, "PUBLIC KEY", publicKey.getEncoded());
        Path garbled = Files.writeString(temp.resolve("garbled.pem"),
                "-----BEGIN PUBLIC KEY-----\n%%%%\n-----END PUBLIC KEY-----\n");
        Path rsaShaped = temp.resolve("rsa.pem");
        Ed25519Keys.write(rsaShaped, "PUBLIC KEY", new byte[] {0x30, 0x03, 0x02, 0x01, 0x00});

        assertThatThrownBy(() -> Ed25519Keys.readPrivate(publicFile))
                .isInstanceOf(Ed25519Keys.InvalidKeyFileException.class).hasMessageContaining("BEGIN PRIVATE KEY");
        assertThatThrownBy(() -> Ed25519Keys.readPublic(garbled))
                .isInstanceOf(Ed25519Keys.InvalidKeyFileException.class).hasMessageContaining(garbled.toString());
        assertThatThrownBy(() -> Ed25519Keys.readPublic(rsaShaped))
                .isInstanceOf(Ed25519Keys.InvalidKeyFileException.class)
                .hasMessageContaining("not an Ed25519 public key");
        assertThat(Files.readString(publicFile)).startsWith("-----BEGIN PUBLIC KEY-----\n")
                .endsWith("-----END PUBLIC KEY-----\n");
    }
}
