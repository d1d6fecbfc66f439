package dev.evidentry.aws;

import java.util.List;

/**
 * The collection of one AWS service, in two phases that the provider runs for every service at once on the engine's
 * pool: first the listings and account- or region-wide calls, then the per-item calls that need what the listings
 * found, started as soon as this service's own first tasks have finished ({@link ServicePhases}). A service's phases
 * may therefore overlap another service's: none waits for what another collects ({@link RootVolumes}
 * joins two services' listings without waiting: whichever arrives second emits). Facts are emitted as soon as what they
 * rest on is known.
 */
interface ServiceCollector {

    /** The calls that need nothing but the scope: one task per call (per region for regional services). */
    List<Task> firstTasks();

    /**
     * Called once, when every first task of this service has finished (successfully or not), on the thread that ran the
     * last of them: emits what the listings alone prove and returns the per-item calls still needed.
     */
    List<Task> followUpTasks();
}
