package dev.evidentry.endpoint;

import java.time.Duration;

/** Waits: for a rate limit to reset, between retries. Tests give one that records and returns at once. */
@FunctionalInterface
interface Sleeper {

    Sleeper REAL = duration -> Thread.sleep(Math.max(0, duration.toMillis()));

    void sleep(Duration duration) throws InterruptedException;
}
