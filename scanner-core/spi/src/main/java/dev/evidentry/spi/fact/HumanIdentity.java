package dev.evidentry.spi.fact;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import java.util.List;

/**
 * A person's account in any system: an AWS IAM user, an Okta user, a GitHub member, an Entra ID user.
 *
 * @param login the sign-in name
 * @param active whether the account can be used at all (not suspended, deactivated or deprovisioned)
 * @param interactiveSignIn whether it can sign in interactively (console, web); MFA rules apply only then
 * @param mfa the MFA state
 * @param strongestMethod the strongest second factor enrolled
 */
public record HumanIdentity(
        ResourceRef resource,
        String login,
        boolean active,
        boolean interactiveSignIn,
        MfaState mfa,
        MfaMethod strongestMethod,
        List<EvidenceId> evidence) implements Fact {

    public static final String KIND = "identity.human";

    public HumanIdentity {
        requireNonNull(resource, "resource is null");
        requireNonNull(login, "login is null");
        requireNonNull(mfa, "mfa is null");
        requireNonNull(strongestMethod, "strongestMethod is null");
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    @Override
    public String kind() {
        return KIND;
    }
}
