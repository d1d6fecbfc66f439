package dev.evidentry.core.testplugin;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.DataStoreEncryption;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Every data store is encrypted at rest: LOW, C1.1 only. */
public final class EncryptionCheck implements Check {

    public static final String ID = "testpack.storage.encrypted";
    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor(ID, "Data stores are encrypted at rest",
            Severity.LOW, Set.of(DataStoreEncryption.KIND), List.of("C1.1"),
            new CheckHelp("A copied disk is readable.", "Turn on default encryption."));

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        return facts.all(DataStoreEncryption.class).map(store -> switch (store.encryption()) {
            case NONE -> Finding.fail(DESCRIPTOR, store, store.resource().name() + " is not encrypted.");
            case PROVIDER_KEY, CUSTOMER_KEY -> Finding.pass(DESCRIPTOR, store, store.resource().name()
                    + " is encrypted (" + store.detail() + ").");
            case UNKNOWN -> Finding.error(DESCRIPTOR, store, "The encryption of " + store.resource().name()
                    + " could not be read.");
        });
    }
}
