package dev.evidentry.aws;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.model.DescribeInstancePatchStatesResponse;
import software.amazon.awssdk.services.ssm.model.InstancePatchState;

/**
 * Patch Manager's last patching operation of managed machines (SSM DescribeInstancePatchStates), up to
 * {@value #BATCH} machines a call as the API allows. A machine Patch Manager has never scanned or patched is simply not
 * in the answer.
 */
final class PatchStates {

    static final String OPERATION = "ssm:DescribeInstancePatchStates";
    /** The most instance ids one call takes. */
    static final int BATCH = 50;

    private final AwsClients clients;

    PatchStates(AwsClients clients) {
        this.clients = requireNonNull(clients, "clients is null");
    }

    /**
     * The patch state of each machine of {@code instanceIds} Patch Manager knows, by instance id, every page read.
     *
     * @throws dev.evidentry.provider.support.CallException when a page could not be read
     */
    Map<String, Patched> of(Region region, List<String> instanceIds) {
        if (instanceIds.size() > BATCH) {
            throw new IllegalArgumentException("at most " + BATCH + " instance ids a call: " + instanceIds.size());
        }
        Map<String, Patched> found = new HashMap<>();
        AwsCalls.<DescribeInstancePatchStatesResponse>pages(OPERATION,
                (token, override) -> clients.ssm(region).describeInstancePatchStates(b -> b.instanceIds(instanceIds)
                        .maxResults(BATCH).nextToken(token).overrideConfiguration(override)),
                DescribeInstancePatchStatesResponse::nextToken,
                page -> {
                    for (InstancePatchState state : page.value().instancePatchStates()) {
                        if (state.instanceId() == null || state.instanceId().isBlank()) {
                            throw new MalformedResponseException("a patch state without an InstanceId");
                        }
                        found.put(state.instanceId(), new Patched(state.operationAsString(),
                                state.operationEndTime(), page.evidence()));
                    }
                });
        return Map.copyOf(found);
    }

    /**
     * A machine's last Patch Manager operation.
     *
     * @param operation {@code Install} or {@code Scan}, as AWS names it, or {@code null}
     * @param ended when it ended, or {@code null}
     */
    record Patched(String operation, Instant ended, EvidenceId page) {
        Patched {
            requireNonNull(page, "page is null");
        }

        /** When updates were last installed: only an Install operation's end says so, a Scan's does not. */
        Instant lastInstalled() {
            return "Install".equals(operation) ? ended : null;
        }

        /** In a few words, for the fact's detail. */
        String describe() {
            return "Patch Manager " + (operation == null ? "operation" : operation) + " ended "
                    + (ended == null ? "at an unknown time" : ended.toString());
        }
    }
}
