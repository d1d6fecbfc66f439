package dev.evidentry.checks.encryption;

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

/** Azure storage accounts accept HTTPS only (secure transfer) with TLS 1.2 or later. */
public final class StorageSecureTransferCheck implements Check {

    public static final String ID = "azure.storage.secure-transfer";

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "Storage accounts require secure transfer with TLS 1.2 or later", Severity.HIGH,
            Set.of(AzureStorageAccount.KIND), List.of("CC6.1", "CC6.7"),
            CheckHelp.load(StorageSecureTransferCheck.class, ID));

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
        String tls = account.minimumTlsVersion().isEmpty() ? "TLS 1.0 (the default)" : account.minimumTlsVersion();
        if (!account.httpsTrafficOnly()) {
            return Finding.fail(descriptor, account, name + " accepts plain HTTP: secure transfer is off.");
        }
        return account.tls12OrLater()
                ? Finding.pass(descriptor, account, name + " accepts HTTPS only, with at least " + tls + ".")
                : Finding.fail(descriptor, account, name + " accepts HTTPS only but allows " + tls
                        + ": set the minimum TLS version to TLS1_2.");
    }
}
