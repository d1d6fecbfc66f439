package dev.evidentry.core.testplugin.broken;

import dev.evidentry.spi.CollectContext;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.Provider;
import dev.evidentry.spi.ProviderDescriptor;
import dev.evidentry.spi.fact.HumanIdentity;
import java.util.Set;

/** Providers that a plugin loader must refuse, each registered only in a fixture under {@code plugin-fixtures/}. */
public final class BrokenProviders {

    private BrokenProviders() {
    }

    private static ProviderDescriptor describe(String id) {
        return new ProviderDescriptor(id, "Broken " + id, "0.0.1", Set.of(HumanIdentity.KIND), Set.of(), Set.of());
    }

    /** Its id is blank. */
    public static final class BlankId implements Provider {
        @Override
        public ProviderDescriptor descriptor() {
            return describe(" ");
        }

        @Override
        public void collect(CollectContext context, FactSink sink) {
        }
    }

    /** Its id has upper case and a space. */
    public static final class InvalidId implements Provider {
        @Override
        public ProviderDescriptor descriptor() {
            return describe("Not Valid");
        }

        @Override
        public void collect(CollectContext context, FactSink sink) {
        }
    }

    /** Its descriptor cannot be built. */
    public static final class ThrowingDescriptor implements Provider {
        @Override
        public ProviderDescriptor descriptor() {
            throw new IllegalStateException("descriptor exploded");
        }

        @Override
        public void collect(CollectContext context, FactSink sink) {
        }
    }

    /** Cannot even be instantiated. */
    public static final class ThrowingConstructor implements Provider {
        public ThrowingConstructor() {
            throw new IllegalStateException("constructor exploded");
        }

        @Override
        public ProviderDescriptor descriptor() {
            return describe("never");
        }

        @Override
        public void collect(CollectContext context, FactSink sink) {
        }
    }

    /** Claims the id of {@code testcloud}. */
    public static final class Impostor implements Provider {
        @Override
        public ProviderDescriptor descriptor() {
            return describe("testcloud");
        }

        @Override
        public void collect(CollectContext context, FactSink sink) {
        }
    }
}
