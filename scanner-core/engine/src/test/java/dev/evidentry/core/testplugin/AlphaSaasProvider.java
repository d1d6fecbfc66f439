package dev.evidentry.core.testplugin;

import dev.evidentry.spi.CollectContext;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.Provider;
import dev.evidentry.spi.ProviderDescriptor;
import dev.evidentry.spi.RawEvidence;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.HumanIdentity;
import dev.evidentry.spi.fact.MfaMethod;
import dev.evidentry.spi.fact.MfaState;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A SaaS directory with one member whose MFA is enforced; listed before {@code testcloud} in the services file. */
public final class AlphaSaasProvider implements Provider {

    public static final String ID = "alpha-saas";
    public static final String ORG = "org-1";

    @Override
    public ProviderDescriptor descriptor() {
        return new ProviderDescriptor(ID, "Alpha SaaS", "0.9.0", Set.of(HumanIdentity.KIND), Set.of(), Set.of());
    }

    public static ResourceRef member(String login) {
        return ResourceRef.global(ID, ORG, "alpha-saas.member", "alpha:" + ORG + "/" + login, login);
    }

    @Override
    public void collect(CollectContext context, FactSink sink) {
        EvidenceId members = context.recordEvidence(new RawEvidence(ID, "directory", "ListMembers", "",
                Map.of("org", ORG), 200, "application/json",
                "{\"members\":[{\"login\":\"dora\",\"mfa\":\"enforced\"}],\"access_token\":\"at-0123456789\"}"));
        sink.accept(new HumanIdentity(member("dora"), "dora", true, true, MfaState.ENFORCED,
                MfaMethod.SECURITY_KEY, List.of(members)));
    }
}
