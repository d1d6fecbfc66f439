package dev.evidentry.spi;

import java.util.List;

/** A group of checks for one control domain, found through {@link java.util.ServiceLoader}. */
public interface CheckPack {

    /** Stable lower-case identifier, such as {@code identity}. */
    String id();

    List<Check> checks();
}
