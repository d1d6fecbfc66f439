package dev.evidentry.spi.fact;

/** Whether an endpoint's antivirus or EDR agent protects it. */
public enum ProtectionState {
    /** An agent is installed and running with real-time protection. */
    ACTIVE,
    /** An agent is installed but disabled, stopped or in passive mode. */
    INACTIVE,
    /** No known agent is installed. */
    ABSENT,
    /** The device is known but its protection could not be seen (a check reports ERROR). */
    UNKNOWN
}
