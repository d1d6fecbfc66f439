package dev.evidentry.aws;

/** An answer the SDK accepted but that lacks what AWS always sends, so no fact can honestly be built from it. */
final class MalformedResponseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MalformedResponseException(String message) {
        super(message);
    }

    MalformedResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
