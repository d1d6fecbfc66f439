package dev.evidentry.checks.exposure;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.azure.AzureStorageAccount;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** No Azure storage account lets its containers be made public (allowBlobPublicAccess off). */
public final class StorageNoPublicBlobAccessCheck implements Check {

    public static final String ID = "azure.storage.no-public-blob-access";

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "Storage accounts do not allow public blob access", Severity.HIGH, Set.of(AzureStorageAccount.KIND),
            List.of("CC6.1", "CC6.6"), CheckHelp.load(StorageNoPublicBlobAccessCheck.class, ID));

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        return facts.all(AzureStorageAccount.class).map(this::judge);
    }

    private Finding judge(AzureStorageAccount account) {
        String name = "Storage account " + account.resource().name();
        return account.allowBlobPublicAccess()
                ? Finding.fail(descriptor, account, name + " allows public blob access: any container can be made"
                        + " readable by anyone on the internet.")
                : Finding.pass(descriptor, account, name + " does not allow public blob access.");
    }
}
