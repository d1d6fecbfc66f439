package dev.evidentry.core.scan;

/** A problem with what the user asked for; the message names it and what to do. Exit code 2, no stack trace. */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
