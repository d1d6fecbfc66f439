package dev.evidentry.demo;

import dev.evidentry.core.cli.EvidentryCli;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code evidentry demo}: a scan of a small recorded AWS estate, with no cloud account.
 *
 * <p>The scan itself is the ordinary one: the real AWS provider from {@code plugins/aws}, the real AWS SDK signing with
 * static demo credentials, and only the endpoint pointed at the local {@link DemoEstate} with {@code --endpoint-url},
 * exactly as a user would point it at LocalStack or moto.
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
            environment.out().println("Demo: scanning a recorded AWS estate (account " + DemoEstate.ACCOUNT
                    + ") served at " + estate.endpoint());
            return EvidentryCli.run(arguments(estate.endpoint(), extraArguments), environment);
        }
    }

    static String[] arguments(String endpoint, String[] extraArguments) {
        List<String> arguments = new ArrayList<>(List.of("scan", "--provider", "aws", "--endpoint-url", endpoint));
        List<String> extra = List.of(extraArguments);
        if (extra.stream().noneMatch(argument -> argument.equals("-o") || argument.startsWith("--output"))) {
            arguments.addAll(List.of("--output", "evidentry-demo"));
        }
        arguments.addAll(extra);
        return arguments.toArray(String[]::new);
    }
}
