package dev.evidentry.spi.fact.okta;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.Fact;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.MfaMethod;
import java.util.List;

/**
 * Every factor one user has enrolled, whatever its status (resource: the {@code okta.user}).
 *
 * @param login the user's login
 * @param factors the factors, in the order Okta listed them
 */
public record OktaUserFactors(ResourceRef resource, String login, List<OktaFactor> factors, List<EvidenceId> evidence)
        implements Fact {

    public static final String KIND = "okta.user.factors";

    public OktaUserFactors {
        requireNonNull(resource, "resource is null");
        requireNonNull(login, "login is null");
        factors = List.copyOf(requireNonNull(factors, "factors is null"));
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    /** The strongest second factor that is active, or {@link MfaMethod#NONE}. */
    public MfaMethod strongestActiveMethod() {
        return strongestActive(factors);
    }

    /** The strongest second factor among the active ones, or {@link MfaMethod#NONE}. */
    public static MfaMethod strongestActive(List<OktaFactor> factors) {
        return factors.stream().filter(OktaFactor::active).map(OktaFactor::method)
                .reduce(MfaMethod.NONE, MfaMethod::strongest);
    }

    @Override
    public String kind() {
        return KIND;
    }
}
