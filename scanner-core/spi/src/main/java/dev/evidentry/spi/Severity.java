package dev.evidentry.spi;

/** How much a failing finding matters. The score is SARIF's {@code security-severity} (CVSS-like, 0.0 to 10.0). */
public enum Severity {
    CRITICAL(9.5),
    HIGH(8.0),
    MEDIUM(5.5),
    LOW(3.0),
    INFO(0.0);

    private final double securitySeverity;

    Severity(double securitySeverity) {
        this.securitySeverity = securitySeverity;
    }

    public double securitySeverity() {
        return securitySeverity;
    }

    /** Whether this severity is at least as severe as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return compareTo(threshold) <= 0;
    }
}
