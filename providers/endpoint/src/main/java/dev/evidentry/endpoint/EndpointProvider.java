package dev.evidentry.endpoint;

import static java.util.Objects.requireNonNull;

import dev.evidentry.provider.support.ProviderVersion;
import dev.evidentry.spi.CollectContext;
import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.FactSink;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.Provider;
import dev.evidentry.spi.ProviderDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Endpoints (laptops, desktops, servers): malware protection, disk encryption, screen lock and operating system, from
 * every configured source, matched into devices by {@link Fleet}.
 *
 * <p>Order of work: read the options; read each source into sightings (one source failing costs only its own
 * devices); match the sightings into devices; emit each device's facts. Facts are emitted after every source has been
 * read, because a device's fact is the worst reading of all its sources.
 */
public final class EndpointProvider implements Provider {

    static final String ID = "endpoint";
    static final String DISPLAY_NAME = "Endpoints (osquery, CrowdStrike Falcon, Jamf Pro)";

    static final Set<String> FACT_KINDS = OsqueryResults.KINDS;

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
        List<Sighting> sightings = new ArrayList<>();
        options.osqueryResults().ifPresent(path -> {
            context.progress().planned(1);
            sightings.addAll(new OsqueryResults(context, sink).read(path));
            context.progress().done("osquery results");
        });
        options.falcon().ifPresent(falcon -> {
            context.registerSecret(falcon.clientSecret());
            context.progress().planned(1);
            sightings.addAll(new FalconHosts(new BearerApi(FalconHosts.DIALECT, context, falcon, sleeper), falcon, sink).read());
            context.progress().done("CrowdStrike Falcon hosts");
        });
        options.jamf().ifPresent(jamf -> {
            context.registerSecret(jamf.clientSecret());
            context.progress().planned(1);
            sightings.addAll(new JamfComputers(new BearerApi(JamfComputers.DIALECT, context, jamf, sleeper), jamf,
                    options.jamfPageSize(), sink).read());
            context.progress().done("Jamf Pro computers");
        });
        Fleet.facts(Fleet.match(sightings)).forEach(sink::accept);
    }
}
