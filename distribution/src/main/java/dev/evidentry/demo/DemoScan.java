package dev.evidentry.demo;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import dev.evidentry.core.cli.EvidentryCli;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code evidentry demo}: a scan of a small recorded AWS estate, with no cloud account.
 *
 * <p>The estate is served by an in-process WireMock on a loopback port. The scan itself is the ordinary one: the real
 * AWS provider from {@code plugins/aws}, the real AWS SDK, signing with static demo credentials, and only the endpoint
 * pointed at the local server with {@code --endpoint-url}, exactly as a user would point it at LocalStack or moto.
 */
public final class DemoScan {

    /** Credentials the demo server accepts; they open nothing anywhere else. */
    static final String ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private DemoScan() {
    }

    public static void main(String[] args) {
        System.exit(run(args, EvidentryCli.Environment.system()));
    }

    /** Serves the estate, runs {@code evidentry scan} against it with the user's extra arguments, returns its code. */
    public static int run(String[] extraArguments, EvidentryCli.Environment environment) {
        WireMockServer estate = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .usingFilesUnderClasspath("demo-estate")
                .notifier(new ConsoleNotifier(false)));
        estate.start();
        // The AWS default credential chain reads these first; nothing else about the provider changes for the demo.
        System.setProperty("aws.accessKeyId", ACCESS_KEY_ID);
        System.setProperty("aws.secretAccessKey", SECRET_ACCESS_KEY);
        System.setProperty("aws.region", "us-east-1");
        try {
            environment.out().println("Demo: scanning a recorded AWS estate (account 111122223333) served at "
                    + estate.baseUrl());
            List<String> arguments = new ArrayList<>(List.of("scan", "--provider", "aws",
                    "--endpoint-url", estate.baseUrl()));
            List<String> extra = List.of(extraArguments);
            if (extra.stream().noneMatch(argument -> argument.equals("-o") || argument.startsWith("--output"))) {
                arguments.addAll(List.of("--output", "evidentry-demo"));
            }
            arguments.addAll(extra);
            return EvidentryCli.run(arguments.toArray(String[]::new), environment);
        } finally {
            estate.stop();
        }
    }
}
