package dev.evidentry.demo;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Notifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The demo's estate, replayed by WireMock on loopback ports from the stubs in {@code demo-estate/} (written by
 * {@code src/demo/generate_demo_estate.py}):
 * <ul>
 * <li>a small AWS account (111122223333): IAM, STS, S3 and S3 Control, and in us-east-1 and eu-west-1 (told apart by
 *     the region a request is signed for) EC2, RDS, KMS, DynamoDB, CloudTrail, GuardDuty, AWS Config and SSM,
 *     including an access-denied answer and an instance SSM does not manage;</li>
 * <li>a GitHub organisation ({@value #GITHUB_ORGANIZATION}) over HTTP, as GitHub's REST API answers;</li>
 * <li>an Okta org over HTTPS, as Okta's Management API answers: the Okta SDK speaks HTTPS only, so the demo makes a
 *     self-signed certificate for {@code localhost} at start (with the JDK's {@code keytool}) and the scan trusts it
 *     through the Okta provider's own {@code ca-file} option; no client's verification is weakened;</li>
 * <li>a small device fleet for the endpoint provider's offline osquery source: an osqueryd snapshot result log
 *     (written by {@code src/demo/demo_endpoint.py} as a template) filled in at start with times relative to now,
 *     since the endpoint checks measure a report's age against the scan's clock, in a temporary directory deleted at
 *     close.</li>
 * </ul>
 */
public final class DemoEstate implements AutoCloseable {

    /** Credentials the demo servers accept; they open nothing anywhere else. */
    public static final String ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    public static final String SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    public static final String ACCOUNT = "111122223333";
    public static final String GITHUB_ORGANIZATION = "acme-corp";
    public static final String GITHUB_TOKEN = "ghp_EvidentryDemo0000000000000000000000";
    public static final String OKTA_API_TOKEN = "00EvidentryDemo-apiToken-0000000000000000";
    /** The Okta org's host, and so its account in the report. */
    public static final String OKTA_ORG = "localhost";

    private static final String TLS_PASSWORD = "evidentry-demo";
    private static final String FLEET_TEMPLATE = "demo-estate/endpoint/osqueryd.snapshots.log.template";
    /** In the template, a time this many seconds before the demo starts, as osquery logs it. */
    private static final Pattern FLEET_TIME = Pattern.compile("@@(calendarTime|unixTime)-(\\d+)@@");

    /** The scan reports what the estate could not answer; WireMock's own tables would only garble the terminal. */
    private static final Notifier QUIET = new Notifier() {
        @Override
        public void info(String message) {
        }

        @Override
        public void error(String message) {
        }

        @Override
        public void error(String message, Throwable t) {
        }
    };

    private final WireMockServer aws;
    private final WireMockServer github;
    private final WireMockServer okta;
    private final Path tls;
    private final Path fleet;

    private DemoEstate(WireMockServer aws, WireMockServer github, WireMockServer okta, Path tls, Path fleet) {
        this.aws = aws;
        this.github = github;
        this.okta = okta;
        this.tls = tls;
        this.fleet = fleet;
    }

    public static DemoEstate start() {
        Path tls = selfSignedCertificate();
        Path fleet = null;
        List<WireMockServer> started = new ArrayList<>();
        try {
            fleet = fleetResults(Instant.now().truncatedTo(ChronoUnit.SECONDS));
            WireMockServer aws = start(started, options().bindAddress("127.0.0.1").dynamicPort()
                    .usingFilesUnderClasspath("demo-estate/aws").notifier(QUIET));
            WireMockServer github = start(started, options().bindAddress("127.0.0.1").dynamicPort()
                    .usingFilesUnderClasspath("demo-estate/github").notifier(QUIET));
            WireMockServer okta = start(started, options().bindAddress("127.0.0.1").httpDisabled(true)
                    .dynamicHttpsPort().keystorePath(tls.resolve("okta.p12").toString()).keystoreType("PKCS12")
                    .keystorePassword(TLS_PASSWORD).keyManagerPassword(TLS_PASSWORD)
                    .usingFilesUnderClasspath("demo-estate/okta").notifier(QUIET));
            return new DemoEstate(aws, github, okta, tls, fleet);
        } catch (RuntimeException e) {
            started.forEach(WireMockServer::stop);
            delete(tls);
            delete(fleet);
            throw e;
        }
    }

    private static WireMockServer start(List<WireMockServer> started,
            com.github.tomakehurst.wiremock.core.WireMockConfiguration configuration) {
        WireMockServer server = new WireMockServer(configuration);
        server.start();
        started.add(server);
        return server;
    }

    /** The AWS endpoint, for {@code --endpoint-url}. */
    public String endpoint() {
        return aws.baseUrl();
    }

    /** The GitHub API base URL, for the GitHub provider's {@code api-url}. */
    public String githubApiUrl() {
        return "http://127.0.0.1:" + github.port();
    }

    /** The Okta org URL, for the Okta provider's {@code org-url}: the certificate names {@code localhost}. */
    public String oktaOrgUrl() {
        return "https://" + OKTA_ORG + ":" + okta.httpsPort();
    }

    /** The demo certificate as PEM, for the Okta provider's {@code ca-file}. */
    public Path oktaCertificate() {
        return tls.resolve("okta.pem");
    }

    /** The directory holding the fleet's osqueryd result log, for the endpoint provider's {@code osquery-results}. */
    public Path fleetResults() {
        return fleet;
    }

    /**
     * What {@code evidentry scan} needs to scan the whole estate: the providers, and for each where to find its part
     * and with which demo credentials (the AWS ones are the SDK's {@code aws.*} system properties, see
     * {@link DemoScan}).
     */
    public List<String> scanArguments() {
        return List.of("--provider", "aws,github,okta,endpoint", "--endpoint-url", endpoint(),
                "--option", "github.api-url=" + githubApiUrl(),
                "--option", "github.organizations=" + GITHUB_ORGANIZATION,
                "--option", "github.token=" + GITHUB_TOKEN,
                "--option", "okta.org-url=" + oktaOrgUrl(),
                "--option", "okta.api-token=" + OKTA_API_TOKEN,
                "--option", "okta.ca-file=" + oktaCertificate(),
                "--option", "endpoint.osquery-results=" + fleetResults());
    }

    /** The running servers (AWS, GitHub, Okta), for tests that read what the scan asked of them. */
    public List<WireMockServer> servers() {
        return List.of(aws, github, okta);
    }

    /** The AWS server. */
    public WireMockServer server() {
        return aws;
    }

    @Override
    public void close() {
        try {
            servers().forEach(WireMockServer::stop);
        } finally {
            delete(tls);
            delete(fleet);
        }
    }

    /**
     * The fleet's result log, {@code osqueryd.snapshots.log} in a new directory: the template with each
     * {@code @@calendarTime-<s>@@} and {@code @@unixTime-<s>@@} replaced by the time {@code s} seconds before
     * {@code now}, as osqueryd writes it ({@code calendarTime} in C's asctime form with " UTC", {@code unixTime} in
     * epoch seconds).
     */
    private static Path fleetResults(Instant now) {
        Path directory = null;
        try (InputStream in = DemoEstate.class.getClassLoader().getResourceAsStream(FLEET_TEMPLATE)) {
            if (in == null) {
                throw new IOException(FLEET_TEMPLATE + " is missing from the class path");
            }
            String template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher matcher = FLEET_TIME.matcher(template);
            StringBuilder log = new StringBuilder();
            while (matcher.find()) {
                Instant time = now.minusSeconds(Long.parseLong(matcher.group(2)));
                matcher.appendReplacement(log, Matcher.quoteReplacement(matcher.group(1).equals("unixTime")
                        ? String.valueOf(time.getEpochSecond()) : calendarTime(time)));
            }
            matcher.appendTail(log);
            directory = Files.createTempDirectory("evidentry-demo-fleet-");
            Files.writeString(directory.resolve("osqueryd.snapshots.log"), log, StandardCharsets.UTF_8);
            return directory;
        } catch (IOException e) {
            delete(directory);
            throw new UncheckedIOException("the demo could not write its device fleet's osquery results: "
                    + e.getMessage(), e);
        }
    }

    /** {@code Mon Nov  2 09:05:00 2026 UTC}: asctime's layout (the day padded to two places), as osquery logs it. */
    private static String calendarTime(Instant time) {
        ZonedDateTime utc = time.atZone(ZoneOffset.UTC);
        return String.format(Locale.ROOT, "%s %s %2d %02d:%02d:%02d %d UTC",
                utc.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT),
                utc.getMonth().getDisplayName(TextStyle.SHORT, Locale.ROOT), utc.getDayOfMonth(), utc.getHour(),
                utc.getMinute(), utc.getSecond(), utc.getYear());
    }

    /** A fresh key pair and self-signed certificate for localhost and 127.0.0.1, valid two days, in a new directory. */
    private static Path selfSignedCertificate() {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("evidentry-demo-tls-");
            Path keyStore = directory.resolve("okta.p12");
            keytool("-genkeypair", "-alias", "okta", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                    "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype",
                    "PKCS12", "-keystore", keyStore.toString(), "-storepass", TLS_PASSWORD, "-keypass", TLS_PASSWORD);
            keytool("-exportcert", "-rfc", "-alias", "okta", "-keystore", keyStore.toString(), "-storepass",
                    TLS_PASSWORD, "-file", directory.resolve("okta.pem").toString());
            return directory;
        } catch (IOException e) {
            delete(directory);
            throw new UncheckedIOException("the demo could not make a certificate for its Okta server: " + e.getMessage(),
                    e);
        }
    }

    private static void keytool(String... arguments) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        if (!Files.isExecutable(keytool)) {
            throw new IOException(keytool + " is missing: run the demo with a full JDK or JRE");
        }
        List<String> command = new ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("keytool did not finish in 60 seconds");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while keytool ran", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException("keytool failed: " + new String(process.getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8).strip());
        }
    }

    private static void delete(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
