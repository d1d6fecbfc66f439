package dev.evidentry.spi.fact;

/** Whether an endpoint's system disk is encrypted, worst first. */
public enum DiskEncryptionState {
    /** The system disk is not encrypted, or its encryption is switched off (suspended BitLocker protection). */
    NOT_ENCRYPTED,
    /** The device is known but its disk encryption could not be seen (a check reports ERROR). */
    UNKNOWN,
    /** The system disk is encrypted with full-disk encryption (FileVault, BitLocker, LUKS...). */
    ENCRYPTED
}
