package dev.evidentry.checks.endpoint;

import java.time.Duration;
import java.time.Instant;

/**
 * How old a device's last report is: what the staleness rule judges, and what every other endpoint check says when
 * it judges a stale device on its last report. The limit is {@value #DEFAULT_MAX_AGE_DAYS} days, or the system property
 * {@value #MAX_AGE_PROPERTY}.
 */
final class LastReport {

    static final String MAX_AGE_PROPERTY = "evidentry.endpoint.maxReportAgeDays";
    static final int DEFAULT_MAX_AGE_DAYS = 14;

    private LastReport() {}

    /** The limit the scan runs with. */
    static int maxAgeDays() {
        int days = Integer.getInteger(MAX_AGE_PROPERTY, DEFAULT_MAX_AGE_DAYS);
        if (days < 1) {
            throw new IllegalArgumentException(MAX_AGE_PROPERTY + " must be at least 1 day: " + days);
        }
        return days;
    }

    /** Whether a report at {@code reported} is older than {@code maxAgeDays} full days at {@code now}. */
    static boolean stale(Instant reported, Instant now, int maxAgeDays) {
        return Duration.between(reported, now).toDays() > maxAgeDays;
    }

    /**
     * For a device whose last report is stale, a sentence saying the verdict rests on that old report; otherwise
     * nothing (a current report needs no warning, an unknown one is the staleness check's to judge).
     */
    static String caveat(Instant reported, Instant now, int maxAgeDays) {
        if (reported == null || !stale(reported, now, maxAgeDays)) {
            return "";
        }
        return " This is as of its last report, " + age(reported, now) + " ago.";
    }

    /** Whole days, or whole hours under a day: {@code 1 day}, {@code 20 days}, {@code 5 hours}. */
    static String age(Instant reported, Instant now) {
        Duration age = Duration.between(reported, now);
        if (age.isNegative()) {
            return "less than an hour";
        }
        long days = age.toDays();
        long hours = age.toHours();
        if (days >= 1) {
            return days + (days == 1 ? " day" : " days");
        }
        return hours >= 1 ? hours + (hours == 1 ? " hour" : " hours") : "less than an hour";
    }
}
