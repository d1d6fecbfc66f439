package dev.evidentry.spi.fact.okta;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import java.util.List;

/**
 * A password policy (Okta's {@code PASSWORD} type; resource type {@code okta.policy}, native id the policy id).
 * Every number is 0 when Okta gives none, which is also how Okta says "not enforced" (no expiry, no lockout).
 *
 * @param name the policy's name
 * @param status {@code ACTIVE} or {@code INACTIVE}
 * @param priority 1 is evaluated first
 * @param system whether it is the default policy
 * @param people the groups it applies to
 * @param authProvider whose passwords it governs: {@code OKTA}, {@code ACTIVE_DIRECTORY}, {@code LDAP}, or empty
 * @param minLength the shortest password accepted
 * @param minLowerCase lower-case letters required
 * @param minUpperCase upper-case letters required
 * @param minNumber digits required
 * @param minSymbol symbols required
 * @param excludeUsername whether the password may not contain the user name
 * @param excludeCommonPasswords whether passwords in Okta's common-password dictionary are refused
 * @param historyCount how many previous passwords cannot be reused
 * @param maxAgeDays days before a password expires
 * @param minAgeMinutes minutes before a password can be changed again
 * @param lockoutMaxAttempts failed sign-ins before the account locks
 * @param autoUnlockMinutes minutes before a locked account unlocks by itself
 */
public record OktaPasswordPolicy(ResourceRef resource, String name, String status, int priority, boolean system,
        OktaPeople people, String authProvider, int minLength, int minLowerCase, int minUpperCase, int minNumber,
        int minSymbol, boolean excludeUsername, boolean excludeCommonPasswords, int historyCount, int maxAgeDays,
        int minAgeMinutes, int lockoutMaxAttempts, int autoUnlockMinutes, List<EvidenceId> evidence) implements Fact {

    public static final String KIND = "okta.password-policy";

    public OktaPasswordPolicy {
        requireNonNull(resource, "resource is null");
        requireNonNull(name, "name is null");
        requireNonNull(status, "status is null");
        requireNonNull(people, "people is null");
        requireNonNull(authProvider, "authProvider is null");
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    public boolean active() {
        return status.equals("ACTIVE");
    }

    @Override
    public String kind() {
        return KIND;
    }
}
