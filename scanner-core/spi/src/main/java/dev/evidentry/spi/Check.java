package dev.evidentry.spi;

import java.util.stream.Stream;

/**
 * One rule, as a pure function of facts. A check never calls an API and never sees a vendor SDK.
 *
 * <p>A check judges the facts it is given and says nothing about facts it did not get: when collection of a needed
 * fact failed, the engine reports {@code ERROR} for that scope from the {@link CollectionIssue}.
 */
public interface Check {

    CheckDescriptor descriptor();

    Stream<Finding> evaluate(Facts facts);
}
