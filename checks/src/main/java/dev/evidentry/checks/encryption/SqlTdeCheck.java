package dev.evidentry.checks.encryption;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.azure.AzureSqlDatabaseTde;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Every Azure SQL database has transparent data encryption on. */
public final class SqlTdeCheck implements Check {

    public static final String ID = "azure.sql.tde-enabled";

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "Azure SQL databases use transparent data encryption", Severity.HIGH, Set.of(AzureSqlDatabaseTde.KIND),
            List.of("CC6.1", "CC6.7"), CheckHelp.load(SqlTdeCheck.class, ID));

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        return facts.all(AzureSqlDatabaseTde.class).map(this::judge);
    }

    private Finding judge(AzureSqlDatabaseTde database) {
        String name = "SQL database " + database.resource().name();
        return database.enabled()
                ? Finding.pass(descriptor, database, name + " has transparent data encryption on.")
                : Finding.fail(descriptor, database, name + " has transparent data encryption " + database.state()
                        + ": its data files, logs and backups are stored unencrypted.");
    }
}
