package dev.evidentry.github;

import java.time.Duration;

/** Waits: for a rate limit to reset, or between retries. Tests give one that records the wait and returns at once. */
@FunctionalInterface
interface Sleeper {

    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
