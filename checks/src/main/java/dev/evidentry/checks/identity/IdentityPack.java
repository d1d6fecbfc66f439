package dev.evidentry.checks.identity;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckPack;
import java.util.List;

/** Who can sign in, and how: MFA, root user, access keys, passwords. */
public final class IdentityPack implements CheckPack {

    private final List<Check> checks = List.of(
            new MfaInteractiveUsersCheck(),
            new RootAccountMfaCheck(),
            new RootAccountNoAccessKeysCheck(),
            new SingleActiveAccessKeyCheck(),
            new AccessKeyRotationCheck(),
            new UnusedCredentialsCheck(),
            new PasswordPolicyCheck(),
            new EntraMfaEnforcedCheck(),
            new OktaMfaRequiredCheck(),
            new OktaAdminStrongFactorCheck(),
            new OktaPasswordPolicyCheck(),
            new OktaSessionIdleTimeoutCheck(),
            new OktaInactiveUsersCheck(),
            new GithubTwoFactorRequiredCheck(),
            new GithubDefaultRepositoryPermissionCheck());

    /** The pack as {@link java.util.ServiceLoader} builds it: credential ages are measured against each scan's clock. */
    public IdentityPack() {
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
