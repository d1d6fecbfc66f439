package dev.evidentry.demo;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Notifier;

/**
 * A small AWS account (111122223333) replayed by WireMock on a loopback port: the stubs in {@code demo-estate/}
 * answer like IAM, STS, S3 and S3 Control would, and in us-east-1 and eu-west-1 (told apart by the region a request
 * is signed for) like EC2, RDS, KMS, DynamoDB, CloudTrail, GuardDuty, AWS Config and SSM would, including an
 * access-denied answer and an instance SSM does not manage. {@code src/demo/generate_demo_estate.py} writes them.
 */
public final class DemoEstate implements AutoCloseable {

    /** Credentials the demo server accepts; they open nothing anywhere else. */
    public static final String ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    public static final String SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    public static final String ACCOUNT = "111122223333";

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

    private final WireMockServer server;

    private DemoEstate(WireMockServer server) {
        this.server = server;
    }

    public static DemoEstate start() {
        WireMockServer server = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .usingFilesUnderClasspath("demo-estate")
                .notifier(QUIET));
        server.start();
        return new DemoEstate(server);
    }

    public String endpoint() {
        return server.baseUrl();
    }

    /** The running server, for tests that read what the scan asked of it. */
    public WireMockServer server() {
        return server;
    }

    @Override
    public void close() {
        server.stop();
    }
}
