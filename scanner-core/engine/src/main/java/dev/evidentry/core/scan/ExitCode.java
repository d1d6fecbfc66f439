package dev.evidentry.core.scan;

/** The pipeline contract (docs/user-guide.md): stable numbers, precedence USAGE > FAILURES > ERRORS. */
public enum ExitCode {
    /** Nothing failed. */
    OK(0),
    /** Failing findings at or above the chosen severity. */
    FAILURES(1),
    /** Usage or configuration error: bad flags, bad configuration, missing or rejected credentials. */
    USAGE(2),
    /** Some checks could not be evaluated (ERROR findings), unless the user opted out. */
    ERRORS(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
