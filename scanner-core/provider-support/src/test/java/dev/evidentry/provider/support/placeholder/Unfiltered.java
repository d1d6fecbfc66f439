package dev.evidentry.provider.support.placeholder;

/** A class whose provider.properties still holds the build's placeholder, as an unfiltered copy would. */
public final class Unfiltered {

    private Unfiltered() {}
}
