package dev.evidentry.checks.endpoint;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.EndpointScreenLock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every endpoint asks for a password after at most {@value #DEFAULT_LIMIT_MINUTES} idle minutes, or the system property
 * {@value #LIMIT_PROPERTY}.
 */
public final class EndpointScreenLockCheck implements Check {

    public static final String ID = "endpoint.screen-lock.idle";
    static final String LIMIT_PROPERTY = "evidentry.endpoint.maxScreenLockMinutes";
    static final int DEFAULT_LIMIT_MINUTES = 15;

    private final Duration limit;
    private final int maxReportAgeDays = LastReport.maxAgeDays();
    private final CheckDescriptor descriptor;

    /** The check as the pack builds it: the limit from {@value #LIMIT_PROPERTY}, else 15 minutes. */
    public EndpointScreenLockCheck() {
        this(Integer.getInteger(LIMIT_PROPERTY, DEFAULT_LIMIT_MINUTES));
    }

    EndpointScreenLockCheck(int limitMinutes) {
        if (limitMinutes < 1) {
            throw new IllegalArgumentException(LIMIT_PROPERTY + " must be at least 1 minute: " + limitMinutes);
        }
        this.limit = Duration.ofMinutes(limitMinutes);
        this.descriptor = new CheckDescriptor(ID, "Endpoints lock the screen after at most " + limitMinutes
                + " idle minutes", Severity.MEDIUM, Set.of(EndpointScreenLock.KIND), List.of("CC6.1"),
                CheckHelp.load(EndpointScreenLockCheck.class, ID));
    }

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        Instant now = facts.clock().instant();
        return facts.all(EndpointScreenLock.class).map(lock -> judge(lock, now));
    }

    private Finding judge(EndpointScreenLock lock, Instant now) {
        String host = lock.hostname().isEmpty() ? lock.resource().name() : lock.hostname();
        String detail = lock.detail().isEmpty() ? "." : ": " + lock.detail() + ".";
        String caveat = LastReport.caveat(lock.lastReported(), now, maxReportAgeDays);
        return switch (lock.state()) {
            case DISABLED -> Finding.fail(descriptor, lock, "Endpoint " + host + " never locks its screen when left "
                    + "idle" + detail + caveat);
            case UNKNOWN -> Finding.error(descriptor, lock, "The screen lock of endpoint " + host + " could not be "
                    + "seen" + detail + caveat);
            case ENABLED -> lock.lockAfterIfKnown()
                    .map(after -> after.compareTo(limit) > 0
                            ? Finding.fail(descriptor, lock, "Endpoint " + host + " locks only after " + minutes(after)
                                    + " idle (limit " + limit.toMinutes() + " minutes)." + caveat)
                            : Finding.pass(descriptor, lock, "Endpoint " + host + " locks after " + minutes(after)
                                    + " idle." + caveat))
                    .orElseGet(() -> Finding.error(descriptor, lock, "Endpoint " + host + " locks its screen, but "
                            + "after how long could not be seen" + detail + caveat));
            case NO_DISPLAY -> Finding.notApplicable(descriptor, lock, "Endpoint " + host + " has no screen to lock"
                    + detail + caveat);
        };
    }

    /** {@code 5 minutes}, {@code 1 minute}, {@code 5 minutes 5 seconds}, {@code 45 seconds}. */
    private static String minutes(Duration duration) {
        long minutes = duration.toMinutes();
        long seconds = duration.toSecondsPart();
        String whole = minutes + (minutes == 1 ? " minute" : " minutes");
        if (minutes == 0) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        return seconds == 0 ? whole : whole + " " + seconds + (seconds == 1 ? " second" : " seconds");
    }
}
