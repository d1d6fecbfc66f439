package dev.evidentry.core.testplugin;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckPack;
import java.util.List;

/** A second pack, listed after {@code testpack} in the services file although its id sorts first. */
public final class AuxCheckPack implements CheckPack {

    public static final String ID = "auxpack";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Check> checks() {
        return List.of(new ActiveAccountCheck());
    }
}
