package dev.evidentry.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evidentry.provider.support.CallException;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.fact.EndpointProtection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Falcon's prevention policies ({@code getPreventionPolicies}, scope Prevention policies: Read), each read at most
 * once and in batches, however many hosts share it. A batch that fails is one issue for {@code endpoint.protection};
 * after a 403 no other policy is asked for.
 */
final class FalconPreventionPolicies {

    static final String OPERATION = "getPreventionPolicies";
    static final String PATH = "/policy/entities/prevention/v1";
    /** Ids per call, as for the hosts' details: well inside a URL's length. */
    static final int BATCH_SIZE = 100;
    static final Set<String> KINDS = Set.of(EndpointProtection.KIND);

    /** What is known of one policy. */
    sealed interface Outcome {
    }

    record Known(PreventionPolicy policy) implements Outcome {
    }

    /** Not read; an issue says why, or Falcon did not return it. */
    record Unread(String why) implements Outcome {
    }

    private final BearerApi api;
    private final FactSink sink;
    private final String account;
    private final Map<String, Outcome> byId = new HashMap<>();
    private String denied;

    FalconPreventionPolicies(BearerApi api, FactSink sink, String account) {
        this.api = api;
        this.sink = sink;
        this.account = account;
    }

    /** Reads the policies among {@code ids} not read before. */
    void load(Collection<String> ids) {
        List<String> wanted = new ArrayList<>(new LinkedHashSet<>(ids));
        wanted.removeIf(byId::containsKey);
        for (int from = 0; from < wanted.size(); from += BATCH_SIZE) {
            read(wanted.subList(from, Math.min(wanted.size(), from + BATCH_SIZE)));
        }
    }

    /** The policy of that id; {@link #load} must have been called with it. */
    Outcome get(String id) {
        return byId.getOrDefault(id, new Unread("prevention policy " + id + " was not read"));
    }

    private void read(List<String> batch) {
        if (denied != null) {
            batch.forEach(id -> byId.put(id, new Unread(denied)));
            return;
        }
        BearerApi.Response response;
        try {
            response = api.get(OPERATION, PATH, batch.stream().map(id -> Map.entry("ids", id)).toList());
        } catch (CallException e) {
            String why;
            if (e.issueCause() == IssueCause.ACCESS_DENIED) {
                denied = "the API client may not read prevention policies (" + e.getMessage() + ")";
                why = denied;
                issue(e.issueCause(), e.getMessage() + "; add the API scope Prevention policies: Read to the "
                        + "Falcon API client; hosts with an applied prevention policy are reported as unknown");
            } else {
                why = "its policy could not be read (" + e.getMessage() + ")";
                issue(e.issueCause(), e.getMessage() + "; " + batch.size() + " prevention policies could not be "
                        + "read, the protection of their hosts is unknown");
            }
            batch.forEach(id -> byId.put(id, new Unread(why)));
            return;
        }
        JsonNode resources = response.body().path("resources");
        if (!resources.isArray()) {
            String why = "the answer has no resources array (evidence " + response.evidence() + ")";
            issue(IssueCause.MALFORMED_RESPONSE, why);
            batch.forEach(id -> byId.put(id, new Unread("its policy could not be read: " + why)));
            return;
        }
        for (JsonNode policy : resources) {
            String id = policy.path("id").asText("");
            if (batch.contains(id)) {
                byId.put(id, new Known(PreventionPolicy.of(policy, response.evidence())));
            }
        }
        batch.forEach(id -> byId.putIfAbsent(id, new Unread("Falcon returned no prevention policy " + id
                + " (evidence " + response.evidence() + ")")));
    }

    private void issue(IssueCause cause, String message) {
        sink.issue(new CollectionIssue(EndpointProvider.ID, account, "", null, "falcon:" + OPERATION, KINDS, cause,
                message));
    }
}
