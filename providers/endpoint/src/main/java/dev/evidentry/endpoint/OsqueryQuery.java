package dev.evidentry.endpoint;

import dev.evidentry.spi.fact.EndpointDiskEncryption;
import dev.evidentry.spi.fact.EndpointOperatingSystem;
import dev.evidentry.spi.fact.EndpointProtection;
import dev.evidentry.spi.fact.EndpointScreenLock;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The named osquery queries this provider reads (docs/providers/endpoint/osquery.md gives their SQL), and the fact kinds each
 * one feeds: what is missing when its result line cannot be read.
 */
enum OsqueryQuery {
    SYSTEM_INFO("evidentry_system_info", OsqueryResults.KINDS),
    OS("evidentry_os", Set.of(EndpointOperatingSystem.KIND)),
    PATCHES("evidentry_patches", Set.of(EndpointOperatingSystem.KIND)),
    DISK_ENCRYPTION("evidentry_disk_encryption", Set.of(EndpointDiskEncryption.KIND)),
    BITLOCKER("evidentry_bitlocker", Set.of(EndpointDiskEncryption.KIND)),
    ANTIVIRUS("evidentry_antivirus", Set.of(EndpointProtection.KIND)),
    SCREENLOCK("evidentry_screenlock", Set.of(EndpointScreenLock.KIND));

    private final String queryName;
    private final Set<String> factKinds;

    OsqueryQuery(String queryName, Set<String> factKinds) {
        this.queryName = queryName;
        this.factKinds = factKinds;
    }

    String queryName() {
        return queryName;
    }

    Set<String> factKinds() {
        return factKinds;
    }

    /**
     * The query a result line's {@code name} stands for: the query name itself in a schedule, or the pack's
     * {@code pack<delimiter><pack><delimiter><query>} form ({@code pack_evidentry_evidentry_os},
     * {@code pack/evidentry/evidentry_os}).
     */
    static Optional<OsqueryQuery> forResultName(String name) {
        return Arrays.stream(values())
                .filter(query -> name.equals(query.queryName) || (name.startsWith("pack")
                        && name.endsWith(query.queryName) && name.length() > query.queryName.length()
                        && !Character.isLetterOrDigit(name.charAt(name.length() - query.queryName.length() - 1))))
                .findFirst();
    }
}
