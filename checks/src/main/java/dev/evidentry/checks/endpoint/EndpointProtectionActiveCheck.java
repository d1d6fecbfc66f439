package dev.evidentry.checks.endpoint;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.EndpointProtection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every endpoint, laptop or server, whatever source reports it, runs an active antivirus or EDR agent; when the source
 * reports the age of its signatures, they are at most {@value #DEFAULT_MAX_SIGNATURE_AGE_DAYS} full days old (or the
 * system property {@value #MAX_SIGNATURE_AGE_PROPERTY}). A device whose
 * last report is stale ({@link LastReport}) is judged on that report, and the finding says how old it is.
 */
public final class EndpointProtectionActiveCheck implements Check {

    public static final String ID = "endpoint.protection.active";
    static final String MAX_SIGNATURE_AGE_PROPERTY = "evidentry.endpoint.maxSignatureAgeDays";
    static final int DEFAULT_MAX_SIGNATURE_AGE_DAYS = 7;

    private final int maxSignatureAgeDays;
    private final int maxReportAgeDays = LastReport.maxAgeDays();

    /** The check as the pack builds it: the signature age limit from {@value #MAX_SIGNATURE_AGE_PROPERTY}, else 7. */
    public EndpointProtectionActiveCheck() {
        this(Integer.getInteger(MAX_SIGNATURE_AGE_PROPERTY, DEFAULT_MAX_SIGNATURE_AGE_DAYS));
    }

    EndpointProtectionActiveCheck(int maxSignatureAgeDays) {
        if (maxSignatureAgeDays < 0) {
            throw new IllegalArgumentException(MAX_SIGNATURE_AGE_PROPERTY + " must not be negative: "
                    + maxSignatureAgeDays);
        }
        this.maxSignatureAgeDays = maxSignatureAgeDays;
    }

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "Endpoints run active antivirus or EDR protection", Severity.HIGH, Set.of(EndpointProtection.KIND),
            List.of("CC6.8"), CheckHelp.load(EndpointProtectionActiveCheck.class, ID));

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        Instant now = facts.clock().instant();
        return facts.all(EndpointProtection.class).map(endpoint -> judge(endpoint, now));
    }

    private Finding judge(EndpointProtection endpoint, Instant now) {
        String caveat = LastReport.caveat(endpoint.lastReported(), now, maxReportAgeDays);
        String host = endpoint.hostname().isEmpty() ? endpoint.resource().name() : endpoint.hostname();
        String agent = endpoint.agent().isEmpty() ? "an unnamed agent" : endpoint.agent();
        String detail = endpoint.detail().isEmpty() ? "." : ": " + endpoint.detail() + ".";
        return switch (endpoint.protection()) {
            case ACTIVE -> active(endpoint, "Endpoint " + host + " is protected by " + agent, caveat);
            case INACTIVE -> Finding.fail(descriptor, endpoint, "Endpoint " + host + " has " + agent
                    + " installed, but it is not protecting the device" + detail + caveat);
            case ABSENT -> Finding.fail(descriptor, endpoint, "Endpoint " + host + " has no known antivirus/EDR agent"
                    + detail + caveat);
            case UNKNOWN -> Finding.error(descriptor, endpoint, "The protection of endpoint " + host
                    + " could not be seen" + detail + caveat);
        };
    }

    private Finding active(EndpointProtection endpoint, String protectedBy, String caveat) {
        if (endpoint.signatureAgeIfKnown().isEmpty()) {
            return Finding.pass(descriptor, endpoint, protectedBy + "." + caveat);
        }
        Duration age = endpoint.signatureAge();
        return age.toDays() > maxSignatureAgeDays
                ? Finding.fail(descriptor, endpoint, protectedBy + ", but its signatures are " + describe(age)
                        + " old (limit " + maxSignatureAgeDays + " days)." + caveat)
                : Finding.pass(descriptor, endpoint, protectedBy + "; its signatures are " + describe(age) + " old."
                        + caveat);
    }

    /** Whole days, or whole hours under a day: {@code 1 day}, {@code 9 days}, {@code 5 hours}. */
    private static String describe(Duration age) {
        long days = age.toDays();
        long hours = age.toHours();
        if (days >= 1) {
            return days + (days == 1 ? " day" : " days");
        }
        return hours >= 1 ? hours + (hours == 1 ? " hour" : " hours") : "less than an hour";
    }
}
