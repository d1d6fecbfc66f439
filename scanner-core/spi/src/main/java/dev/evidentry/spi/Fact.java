package dev.evidentry.spi;

import java.util.List;

/**
 * A typed observation about one resource, resting on raw evidence.
 *
 * <p>Implementations are immutable records. Shared kinds in {@code dev.evidentry.spi.fact} carry vendor-neutral states
 * so one check judges every vendor; vendor-specific kinds live in a sub-package per vendor.
 */
public interface Fact {

    /** Stable kind identifier, such as {@code identity.human}; checks declare the kinds they need. */
    String kind();

    ResourceRef resource();

    /** The raw API exchanges this fact was read from. */
    List<EvidenceId> evidence();
}
