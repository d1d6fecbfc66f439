package dev.evidentry.core.testplugin;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.HumanIdentity;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Every identity is in use: MEDIUM, CC6.3. */
public final class ActiveAccountCheck implements Check {

    public static final String ID = "auxpack.identity.active";
    static final CheckDescriptor DESCRIPTOR = new CheckDescriptor(ID, "Identities are active", Severity.MEDIUM,
            Set.of(HumanIdentity.KIND), List.of("CC6.3"),
            new CheckHelp("Dormant accounts are unwatched doors.", "Remove accounts nobody uses."));

    @Override
    public CheckDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        return facts.all(HumanIdentity.class).map(user -> user.active()
                ? Finding.pass(DESCRIPTOR, user, user.login() + " is active.")
                : Finding.fail(DESCRIPTOR, user, user.login() + " is deactivated but still present."));
    }
}
