package dev.evidentry.checks.logging;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckPack;
import java.util.List;

/** Whether access and change leave a record, and whether something watches it. */
public final class LoggingPack implements CheckPack {

    private final List<Check> checks = List.of(
            new S3AccessLoggingCheck(),
            new CloudTrailMultiRegionLoggingCheck(),
            new CloudTrailLogFileValidationCheck(),
            new CloudTrailKmsEncryptionCheck(),
            new GuardDutyEnabledCheck(),
            new ConfigRecordingCheck(),
            new SqlAuditingCheck(),
            new DefenderPlansCheck(),
            new ActivityLogExportCheck(),
            new GcpDataAccessAuditLogsCheck());

    @Override
    public String id() {
        return "logging";
    }

    @Override
    public List<Check> checks() {
        return checks;
    }
}
