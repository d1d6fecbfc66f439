package dev.evidentry.spi.fact;

/** How a data store encrypts what it keeps, weakest first. */
public enum EncryptionAtRest {
    /** Not encrypted. */
    NONE,
    /** Encrypted with a key the vendor manages. */
    PROVIDER_KEY,
    /** Encrypted with a key the customer manages (KMS CMK, Key Vault key, Cloud KMS key): revocable by the customer. */
    CUSTOMER_KEY,
    /** The provider could see the store but not its encryption (a check reports ERROR). */
    UNKNOWN
}
