package dev.evidentry.checks.resilience;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckPack;
import java.util.List;

/** Whether data can be recovered when something goes wrong. */
public final class ResiliencePack implements CheckPack {

    private final List<Check> checks = List.of(new S3VersioningCheck(), new RdsBackupRetentionCheck(),
            new KeyVaultRecoverableCheck(), new CloudSqlBackupsCheck());

    @Override
    public String id() {
        return "resilience";
    }

    @Override
    public List<Check> checks() {
        return checks;
    }
}
