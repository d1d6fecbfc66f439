package dev.evidentry.spi.fact.okta;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Whom a policy or rule applies to, as Okta's {@code conditions.people} says: user and group ids included and excluded.
 * Empty includes mean everyone the policy reaches (a rule with no people condition applies to every user of its
 * policy; the default policy applies to the Everyone group).
 */
public record OktaPeople(List<String> includedUsers, List<String> excludedUsers, List<String> includedGroups,
        List<String> excludedGroups) {

    /** No people condition: everyone. */
    public static final OktaPeople EVERYONE = new OktaPeople(List.of(), List.of(), List.of(), List.of());

    public OktaPeople {
        includedUsers = List.copyOf(requireNonNull(includedUsers, "includedUsers is null"));
        excludedUsers = List.copyOf(requireNonNull(excludedUsers, "excludedUsers is null"));
        includedGroups = List.copyOf(requireNonNull(includedGroups, "includedGroups is null"));
        excludedGroups = List.copyOf(requireNonNull(excludedGroups, "excludedGroups is null"));
    }

    /** Whether some users or groups are carved out. */
    public boolean hasExclusions() {
        return !excludedUsers.isEmpty() || !excludedGroups.isEmpty();
    }

    /** A short description: "everyone", "groups 00g1, 00g2 except users 00u3". */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (includedUsers.isEmpty() && includedGroups.isEmpty()) {
            text.append("everyone");
        } else {
            if (!includedGroups.isEmpty()) {
                text.append("groups ").append(String.join(", ", includedGroups));
            }
            if (!includedUsers.isEmpty()) {
                text.append(text.length() == 0 ? "" : " and ").append("users ").append(String.join(", ", includedUsers));
            }
        }
        if (!excludedGroups.isEmpty()) {
            text.append(" except groups ").append(String.join(", ", excludedGroups));
        }
        if (!excludedUsers.isEmpty()) {
            text.append(excludedGroups.isEmpty() ? " except " : " and ").append("users ")
                    .append(String.join(", ", excludedUsers));
        }
        return text.toString();
    }
}
