package dev.evidentry.checks.identity;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckPack;
import java.time.Clock;
import java.util.List;

/** Who can sign in, and how: MFA, root user, access keys, passwords. */
public final class IdentityPack implements CheckPack {

    private final List<Check> checks;

    /** The pack as {@link java.util.ServiceLoader} builds it: credential ages are measured against the system clock. */
    public IdentityPack() {
        this(Clock.systemUTC());
    }

    /** The pack with the clock that credential ages are measured against. */
    public IdentityPack(Clock clock) {
        requireNonNull(clock, "clock is null");
        this.checks = List.of(
                new MfaInteractiveUsersCheck(),
                new RootAccountMfaCheck(),
                new RootAccountNoAccessKeysCheck(),
                new SingleActiveAccessKeyCheck(),
                new AccessKeyRotationCheck(clock),
                new UnusedCredentialsCheck(clock),
                new PasswordPolicyCheck());
    }

    @Override
    public String id() {
        return "identity";
    }

    @Override
    public List<Check> checks() {
        return checks;
    }
}
