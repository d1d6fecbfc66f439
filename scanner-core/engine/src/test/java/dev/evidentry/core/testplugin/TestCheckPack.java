package dev.evidentry.core.testplugin;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckPack;
import java.util.List;

/** Lists its checks out of id order, so the loader's sorting shows. */
public final class TestCheckPack implements CheckPack {

    public static final String ID = "testpack";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Check> checks() {
        return List.of(new EncryptionCheck(), new MfaCheck());
    }
}
