package dev.evidentry.demo;

import dev.evidentry.core.cli.EvidentryCli;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code evidentry demo}: a scan of a small recorded estate (an AWS account, a GitHub organisation, an Okta org and a
 * small device fleet's osquery results), with no cloud or SaaS account.
 *
 * <p>The scan itself is the ordinary one: the real providers from {@code plugins/aws}, {@code plugins/github} and
 * {@code plugins/okta} with their real SDKs and static demo credentials, and only where they connect pointed at the
 * local {@link DemoEstate}: {@code --endpoint-url} for AWS, exactly as a user would point it at LocalStack or moto,
 * the GitHub and Okta providers' own {@code api-url}, {@code org-url} and {@code ca-file} options, and the endpoint
 * provider's {@code osquery-results} (plugins/endpoint) at the fleet's result log.
 */
public final class DemoScan {

    private DemoScan() {
    }

    public static void main(String[] args) {
        System.exit(run(args, EvidentryCli.Environment.system()));
    }

    /** Serves the estate, runs {@code evidentry scan} against it with the user's extra arguments, returns its code. */
    public static int run(String[] extraArguments, EvidentryCli.Environment environment) {
        try (DemoEstate estate = DemoEstate.start()) {
            // The AWS default credential chain reads these first; nothing about the provider changes for the demo.
            System.setProperty("aws.accessKeyId", DemoEstate.ACCESS_KEY_ID);
            System.setProperty("aws.secretAccessKey", DemoEstate.SECRET_ACCESS_KEY);
            System.setProperty("aws.region", "us-east-1");
            environment.out().println("Demo: scanning a recorded estate: AWS account " + DemoEstate.ACCOUNT
                    + " served at " + estate.endpoint() + ", GitHub organisation " + DemoEstate.GITHUB_ORGANIZATION
                    + " at " + estate.githubApiUrl() + ", Okta org at " + estate.oktaOrgUrl()
                    + ", device fleet's osquery results in " + estate.fleetResults());
            return EvidentryCli.run(arguments(estate, extraArguments), environment);
        }
    }

    /** {@code scan}, the estate's arguments, {@code --output evidentry-demo} unless the user chose, the user's. */
    public static String[] arguments(DemoEstate estate, String... extraArguments) {
        List<String> arguments = new ArrayList<>(List.of("scan"));
        arguments.addAll(estate.scanArguments());
        List<String> extra = List.of(extraArguments);
        if (extra.stream().noneMatch(argument -> argument.equals("-o") || argument.startsWith("--output"))) {
            arguments.addAll(List.of("--output", "evidentry-demo"));
        }
        arguments.addAll(extra);
        return arguments.toArray(String[]::new);
    }
}
