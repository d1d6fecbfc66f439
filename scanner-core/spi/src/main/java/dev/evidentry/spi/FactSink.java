package dev.evidentry.spi;

/** Where a provider puts what it found and what it could not find. Thread-safe. */
public interface FactSink {

    void accept(Fact fact);

    void issue(CollectionIssue issue);
}
