package dev.evidentry.endpoint;

import static java.util.Objects.requireNonNull;

import dev.evidentry.provider.support.FactKinds;
import dev.evidentry.provider.support.ProviderVersion;
import dev.evidentry.provider.support.TaskRunner;
import dev.evidentry.provider.support.TrustedCertificates;
import dev.evidentry.spi.CollectContext;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.Provider;
import dev.evidentry.spi.ProviderDescriptor;
import java.io.IOException;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Endpoints (laptops, desktops, servers): malware protection, disk encryption, screen lock and operating system, from
 * every configured source, matched into devices by {@link Fleet}.
 *
 * <p>Order of work: read the options; read the sources into sightings, concurrently on the engine's pool (one source
 * failing costs only its own kinds); match the sightings into devices; emit each device's facts. Facts are emitted after every source has been
 * read, because a device's fact is the worst reading of all its sources.
 */
public final class EndpointProvider implements Provider {

    static final String ID = "endpoint";
    static final String DISPLAY_NAME = "Endpoints (osquery, CrowdStrike Falcon, Jamf Pro, Microsoft Intune, "
            + "Microsoft Defender for Endpoint)";

    static final Set<String> FACT_KINDS = FactKinds.union(OsqueryResults.KINDS, FalconHosts.KINDS,
            JamfComputers.KINDS, IntuneDevices.KINDS, DefenderMachines.KINDS);

    /** One source of sightings, read on the pool; a failure costs its {@code kinds} under {@code account}. */
    private record Source(String label, String operation, String account, Set<String> kinds,
            Supplier<List<Sighting>> read) {
    }

    private static final String VERSION = ProviderVersion.of(EndpointProvider.class);

    private final Sleeper sleeper;
    private final Function<String, String> environment;

    public EndpointProvider() {
        this(Sleeper.REAL, System::getenv);
    }

    /** For tests: a sleeper that records instead of sleeping, a fake environment. */
    EndpointProvider(Sleeper sleeper, Function<String, String> environment) {
        this.sleeper = requireNonNull(sleeper, "sleeper is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public ProviderDescriptor descriptor() {
        return new ProviderDescriptor(ID, DISPLAY_NAME, VERSION, FACT_KINDS, EndpointOptions.DESCRIPTIONS,
                EndpointOptions.SECRET_OPTIONS);
    }

    @Override
    public void collect(CollectContext context, FactSink sink) {
        EndpointOptions options;
        try {
            options = EndpointOptions.parse(context::option, environment);
        } catch (EndpointOptions.InvalidOptionException e) {
            sink.issue(new CollectionIssue(ID, "", "", null, "endpoint:options", FACT_KINDS,
                    IssueCause.CONFIGURATION, e.getMessage()));
            return;
        }
        List<Source> sources = new ArrayList<>();
        options.osqueryResults().ifPresent(path -> sources.add(new Source("osquery results", "osquery:read",
                OsqueryResults.SOURCE, OsqueryResults.KINDS, () -> new OsqueryResults(context, sink).read(path))));
        options.falcon().ifPresent(falcon -> {
            context.registerSecret(falcon.clientSecret());
            sources.add(new Source("CrowdStrike Falcon hosts", "falcon:hosts", falcon.account(), FalconHosts.KINDS,
                    () -> new FalconHosts(new BearerApi(FalconHosts.DIALECT, context, falcon, sleeper), falcon,
                            options.falconPageSize(), sink).read()));
        });
        options.jamf().ifPresent(jamf -> {
            context.registerSecret(jamf.clientSecret());
            sources.add(new Source("Jamf Pro computers", "jamf:computers", jamf.account(), JamfComputers.KINDS,
                    () -> new JamfComputers(new BearerApi(JamfComputers.DIALECT, context, jamf, sleeper), jamf,
                            options.jamfPageSize(), sink).read()));
        });
        options.microsoft().ifPresent(microsoft -> microsoftSources(context, sink, microsoft, sources));
        // Each source reads on the pool on its own: one that fails, or has a bug, costs only its own kinds.
        List<Sighting> sightings = new CopyOnWriteArrayList<>();
        TaskRunner.runAll(context, sources, Source::label, source -> TaskRunner.runGuarded(source.operation(),
                () -> sightings.addAll(source.read().get()),
                bug -> "the endpoint provider failed reading " + source.label() + ": " + bug,
                failure -> sink.issue(failure.issue(ID, source.account(), null, source.kinds()))));
        Fleet.facts(Fleet.match(sightings)).forEach(sink::accept);
    }

    /** Intune and Defender for Endpoint: one app, one HTTP client and MSAL's token cache, a token per API. */
    private void microsoftSources(CollectContext context, FactSink sink, MicrosoftOptions microsoft,
            List<Source> sources) {
        context.registerSecret(microsoft.app().clientSecret());
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(microsoft.app().requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (microsoft.caFile().isPresent()) {
            try {
                builder.sslContext(TrustedCertificates.sslContext(microsoft.caFile().get()));
            } catch (IOException | GeneralSecurityException e) {
                sink.issue(new CollectionIssue(ID, microsoft.app().account(), "", null, "endpoint:options",
                        FactKinds.union(IntuneDevices.KINDS, DefenderMachines.KINDS), IssueCause.CONFIGURATION,
                        "cannot read the certificates of " + EndpointOptions.MICROSOFT_CA_FILE + " ("
                                + microsoft.caFile().get() + "): " + e.getMessage()));
                return;
            }
        }
        HttpClient http = builder.build();
        MicrosoftTokens tokens;
        try {
            tokens = new MicrosoftTokens(microsoft, context, http);
        } catch (RuntimeException e) {
            // MSAL checks the authority as it builds its client: a refusal is a configuration problem, not a bug.
            sink.issue(new CollectionIssue(ID, microsoft.app().account(), "", null, "endpoint:options",
                    FactKinds.union(IntuneDevices.KINDS, DefenderMachines.KINDS), IssueCause.CONFIGURATION,
                    "MSAL refused the authority " + microsoft.authority() + ": " + e.getMessage()));
            return;
        }
        microsoft.graph().ifPresent(graph -> sources.add(new Source("Microsoft Intune devices", "intune:devices",
                graph.account(), IntuneDevices.KINDS, () -> new IntuneDevices(new BearerApi(IntuneDevices.DIALECT,
                        context, graph, sleeper, http, tokens.forScope(MicrosoftTokens.GRAPH_SCOPE)), graph,
                        microsoft.protectionConcurrency(), sink).read())));
        microsoft.defender().ifPresent(defender -> sources.add(new Source("Microsoft Defender for Endpoint machines",
                "defender:machines", defender.account(), DefenderMachines.KINDS, () -> new DefenderMachines(
                        new BearerApi(DefenderMachines.DIALECT, context, defender, sleeper, http,
                                tokens.forScope(MicrosoftTokens.DEFENDER_SCOPE)), defender, sink).read())));
    }
}
