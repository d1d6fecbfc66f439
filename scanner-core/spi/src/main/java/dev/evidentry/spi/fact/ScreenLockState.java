package dev.evidentry.spi.fact;

/** Whether an endpoint locks its screen when left idle, worst first. */
public enum ScreenLockState {
    /** The device never asks for a password after being left idle. */
    DISABLED,
    /** The device is known but its screen lock could not be seen (a check reports ERROR). */
    UNKNOWN,
    /** The device asks for a password after being left idle. */
    ENABLED,
    /** The device has no screen to lock: a server without a display server or display manager running. */
    NO_DISPLAY
}
