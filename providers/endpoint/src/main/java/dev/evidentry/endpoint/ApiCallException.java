package dev.evidentry.endpoint;

import dev.evidentry.spi.IssueCause;

/** A Falcon call that failed for good, already classified; its message holds no secret. */
final class ApiCallException extends Exception {

    private final String operation;
    private final IssueCause cause;

    ApiCallException(String operation, IssueCause cause, String message) {
        super(message);
        this.operation = operation;
        this.cause = cause;
    }

    String operation() {
        return operation;
    }

    IssueCause issueCause() {
        return cause;
    }
}
