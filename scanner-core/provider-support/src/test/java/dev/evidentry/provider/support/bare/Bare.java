package dev.evidentry.provider.support.bare;

/** A class with no provider.properties beside it. */
public final class Bare {

    private Bare() {}
}
