package dev.evidentry.spi;

/** The verdict of one check on one resource. */
public enum Outcome {
    /** The rule holds. */
    PASS,
    /** The rule is broken. */
    FAIL,
    /** We could not tell: a fact the rule needs could not be collected. Never silently a pass. */
    ERROR,
    /** The rule does not apply to this resource (such as console MFA for an API-only user). */
    NOT_APPLICABLE
}
