package dev.evidentry.checks.encryption;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckPack;
import java.util.List;

/** How data is protected where it is kept, and the keys that protect it. */
public final class EncryptionPack implements CheckPack {

    private final List<Check> checks = List.of(
            new DataStoreEncryptionAtRestCheck(),
            new EbsEncryptionByDefaultCheck(),
            new KmsKeyRotationCheck(),
            new StorageSecureTransferCheck(),
            new SqlTdeCheck(),
            new GcpKmsKeyRotationCheck(),
            new KeyVaultKeyExpiryCheck());

    @Override
    public String id() {
        return "encryption";
    }

    @Override
    public List<Check> checks() {
        return checks;
    }
}
