package dev.evidentry.gcp;

import java.io.IOException;

/** The credentials could not give an access token: refreshing, impersonating or delegating failed. */
final class CredentialsException extends IOException {

    private static final long serialVersionUID = 1L;

    CredentialsException(IOException cause) {
        super(cause.getMessage(), cause);
    }
}
