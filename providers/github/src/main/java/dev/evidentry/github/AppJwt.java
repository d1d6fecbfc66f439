package dev.evidentry.github;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.CollectContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.kohsuke.github.authorization.AuthorizationProvider;

/**
 * The JSON Web Token a GitHub App signs with its private key to ask for an installation token
 * ({@code Authorization: Bearer <jwt>}, RS256, issued a minute in the past to allow for clock drift, valid nine
 * minutes: GitHub accepts at most ten). Signed with the JDK alone; every token made is registered as a secret.
 */
final class AppJwt implements AuthorizationProvider {

    static final Duration LIFETIME = Duration.ofMinutes(9);
    private static final Duration BACKDATE = Duration.ofSeconds(60);
    private static final Duration RENEW_BEFORE = Duration.ofMinutes(1);

    private final long appId;
    private final PrivateKey key;
    private final Clock clock;
    private final CollectContext context;

    private String token;
    private Instant expires = Instant.MIN;

    private AppJwt(long appId, PrivateKey key, Clock clock, CollectContext context) {
        this.appId = appId;
        this.key = requireNonNull(key, "key is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.context = requireNonNull(context, "context is null");
    }

    /**
     * Reads the App's private key.
     *
     * @throws InvalidKeyException when the file cannot be read or holds no RSA private key
     */
    static AppJwt load(long appId, Path privateKeyFile, Clock clock, CollectContext context) {
        String pem;
        try {
            pem = Files.readString(privateKeyFile, StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            throw new InvalidKeyException("cannot read the GitHub App private key " + privateKeyFile + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        return new AppJwt(appId, parsePrivateKey(pem, privateKeyFile), clock, context);
    }

    @Override
    public synchronized String getEncodedAuthorization() {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(expires.minus(RENEW_BEFORE))) {
            Instant issued = now.minus(BACKDATE);
            expires = now.plus(LIFETIME);
            token = sign("{\"iat\":" + issued.getEpochSecond() + ",\"exp\":" + expires.getEpochSecond()
                    + ",\"iss\":\"" + appId + "\"}");
            context.registerSecret(token);
        }
        return "Bearer " + token;
    }

    private String sign(String claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String unsigned = base64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(unsigned.getBytes(StandardCharsets.US_ASCII));
            return unsigned + "." + base64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the GitHub App JWT: " + e.getMessage(), e);
        }
    }

    /** A PKCS#1 ({@code BEGIN RSA PRIVATE KEY}, what GitHub hands out) or PKCS#8 ({@code BEGIN PRIVATE KEY}) PEM. */
    static PrivateKey parsePrivateKey(String pem, Path file) {
        boolean pkcs1 = pem.contains("-----BEGIN RSA PRIVATE KEY-----");
        boolean pkcs8 = pem.contains("-----BEGIN PRIVATE KEY-----");
        if (!pkcs1 && !pkcs8) {
            throw new InvalidKeyException("the GitHub App private key " + file + " is not a PEM RSA private key (it "
                    + "should start with -----BEGIN RSA PRIVATE KEY----- as GitHub hands it out)");
        }
        String base64 = pem.replaceAll("-----(BEGIN|END) (RSA )?PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs1 ? wrapPkcs1(der) : der));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new InvalidKeyException("the GitHub App private key " + file + " cannot be read as an RSA key: "
                    + e.getMessage());
        }
    }

    /** PKCS#8 PrivateKeyInfo around a PKCS#1 RSAPrivateKey: version 0, rsaEncryption with NULL parameters. */
    private static byte[] wrapPkcs1(byte[] pkcs1) {
        byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01,
            0x01, 0x05, 0x00};
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes(new byte[] {0x02, 0x01, 0x00});
        content.writeBytes(algorithm);
        content.write(0x04);
        content.writeBytes(derLength(pkcs1.length));
        content.writeBytes(pkcs1);
        ByteArrayOutputStream sequence = new ByteArrayOutputStream();
        sequence.write(0x30);
        sequence.writeBytes(derLength(content.size()));
        sequence.writeBytes(content.toByteArray());
        return sequence.toByteArray();
    }

    private static byte[] derLength(int length) {
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        if (length < 0x100) {
            return new byte[] {(byte) 0x81, (byte) length};
        }
        if (length < 0x10000) {
            return new byte[] {(byte) 0x82, (byte) (length >> 8), (byte) length};
        }
        return new byte[] {(byte) 0x83, (byte) (length >> 16), (byte) (length >> 8), (byte) length};
    }

    /** A private key that cannot be used: an INVALID_CREDENTIALS issue. */
    static final class InvalidKeyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidKeyException(String message) {
            super(message);
        }
    }
}
