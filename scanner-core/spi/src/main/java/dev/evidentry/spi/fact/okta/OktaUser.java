package dev.evidentry.spi.fact.okta;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An Okta user as the Users API lists it (resource type {@code okta.user}, native id the user id).
 *
 * @param login the user's {@code profile.login}
 * @param status Okta's status: {@code ACTIVE}, {@code PASSWORD_EXPIRED}, {@code LOCKED_OUT}, {@code RECOVERY},
 *     {@code STAGED}, {@code PROVISIONED}, {@code SUSPENDED}, {@code DEPROVISIONED}
 * @param created when the user was created
 * @param lastLogin the last sign-in, or {@code null} when the user never signed in
 * @param statusChanged when the status last changed, or {@code null} when Okta does not say
 */
public record OktaUser(
        ResourceRef resource,
        String login,
        String status,
        Instant created,
        Instant lastLogin,
        Instant statusChanged,
        List<EvidenceId> evidence) implements Fact {

    public static final String KIND = "okta.user";

    /** Statuses in which the account can be used to sign in (or is one step from it: a reset, an unlock). */
    public static final Set<String> USABLE_STATUSES = Set.of("ACTIVE", "PASSWORD_EXPIRED", "LOCKED_OUT", "RECOVERY");

    public OktaUser {
        requireNonNull(resource, "resource is null");
        requireNonNull(login, "login is null");
        requireNonNull(status, "status is null");
        requireNonNull(created, "created is null");
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    /** Whether the account can sign in: its status is one of {@link #USABLE_STATUSES}. */
    public boolean usable() {
        return USABLE_STATUSES.contains(status);
    }

    public Optional<Instant> lastLoginIfAny() {
        return Optional.ofNullable(lastLogin);
    }

    public Optional<Instant> statusChangedIfAny() {
        return Optional.ofNullable(statusChanged);
    }

    @Override
    public String kind() {
        return KIND;
    }
}
