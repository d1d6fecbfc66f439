package dev.evidentry.spi.fact;

/** Second factors, strongest first. */
public enum MfaMethod {
    /** FIDO2, WebAuthn, U2F, smart cards: bound to the origin, so phishing-resistant. */
    SECURITY_KEY,
    /** A hardware one-time-password token. */
    HARDWARE_TOKEN,
    /** An authenticator app: TOTP codes or push approval. */
    AUTHENTICATOR_APP,
    /** A code sent by SMS or a voice call. */
    SMS_OR_VOICE,
    /** A code sent by e-mail. */
    EMAIL,
    /** Some second factor whose type the vendor does not say. */
    UNSPECIFIED,
    /** No second factor. */
    NONE;

    public boolean phishingResistant() {
        return this == SECURITY_KEY;
    }

    /** The stronger of two methods. */
    public MfaMethod strongest(MfaMethod other) {
        return compareTo(other) <= 0 ? this : other;
    }
}
