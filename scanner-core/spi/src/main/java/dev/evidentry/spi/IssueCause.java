package dev.evidentry.spi;

/** Why something could not be collected, with what a person can do about it. */
public enum IssueCause {
    ACCESS_DENIED("access denied", "grant the read-only permission named in the provider's documentation"),
    INVALID_CREDENTIALS("credentials missing or rejected", "check the credentials the provider's documentation names"),
    THROTTLED("throttled past the retries", "scan again later or lower --concurrency"),
    SERVER_ERROR("the vendor's service failed", "scan again later; report it if it persists"),
    TIMEOUT("timed out", "check connectivity, or raise the timeout"),
    UNSUPPORTED("not supported by this account or endpoint", "enable the service, or exclude the check"),
    MALFORMED_RESPONSE("answer could not be read", "report it with the evidence file named here"),
    CONFIGURATION("configuration problem", "fix the configuration named in the message"),
    PLUGIN_FAILURE("plugin failed", "report it to the plugin's authors; run with --debug for the stack trace"),
    UNKNOWN("failed", "run with --debug for details");

    private final String label;
    private final String advice;

    IssueCause(String label, String advice) {
        this.label = label;
        this.advice = advice;
    }

    public String label() {
        return label;
    }

    public String advice() {
        return advice;
    }
}
