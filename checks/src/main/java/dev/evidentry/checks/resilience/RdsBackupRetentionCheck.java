package dev.evidentry.checks.resilience;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.aws.AwsRdsInstance;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** RDS instances keep automated backups, and so point-in-time recovery, for at least 7 days. */
public final class RdsBackupRetentionCheck implements Check {

    public static final String ID = "aws.rds.backup-retention";
    static final int MIN_DAYS = 7;

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "RDS instances keep automated backups for at least 7 days", Severity.MEDIUM, Set.of(AwsRdsInstance.KIND),
            List.of("A1.2"), CheckHelp.load(RdsBackupRetentionCheck.class, ID));

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        return facts.all(AwsRdsInstance.class).map(this::judge);
    }

    private Finding judge(AwsRdsInstance instance) {
        String name = "RDS instance " + instance.resource().name();
        int days = instance.backupRetentionDays();
        if (days >= MIN_DAYS) {
            return Finding.pass(descriptor, instance, name + " keeps automated backups for " + days + " days.");
        }
        return days <= 0
                ? Finding.fail(descriptor, instance, name + " has automated backups off: it cannot be restored to a"
                        + " point in time.")
                : Finding.fail(descriptor, instance, name + " keeps automated backups for only " + days
                        + (days == 1 ? " day" : " days") + " (needs " + MIN_DAYS + ").");
    }
}
