package dev.evidentry.spi.fact;

/** Multi-factor authentication for one identity. */
public enum MfaState {
    /** A policy requires a second factor at every interactive sign-in. */
    ENFORCED,
    /** A second factor is enrolled, though no policy is known to require it. */
    ENROLLED,
    /** No second factor. */
    NONE,
    /** The provider could see the identity but not its MFA (a check reports ERROR). */
    UNKNOWN
}
