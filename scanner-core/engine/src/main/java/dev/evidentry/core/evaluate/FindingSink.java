package dev.evidentry.core.evaluate;

import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.Finding;

/** Receives findings as checks produce them. */
@FunctionalInterface
public interface FindingSink {

    void accept(CheckDescriptor check, Finding finding);
}
