package dev.evidentry.aws;

import dev.evidentry.testkit.CollectionResult;
import dev.evidentry.testkit.ProviderTestKit;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The set-up every WireMock test of the AWS provider shares, as a JUnit extension: one {@link FakeAws} per test class
 * (started with the class, stopped after its last test), reset to the baseline account before each test, and test
 * credentials in the environment for the test's length. Register it first, then name its fake:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final AwsWireMockFixture fixture = new AwsWireMockFixture();
 * private static final FakeAws aws = fixture.aws();
 * }</pre>
 */
final class AwsWireMockFixture implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    private final FakeAws aws = FakeAws.start();
    private TestAwsEnvironment environment;

    FakeAws aws() {
        return aws;
    }

    /** The provider loaded through ServiceLoader, run against the fake over us-east-1 and eu-west-1. */
    CollectionResult collect() {
        return collect(Map.of());
    }

    /** The same, with {@code extra} options added or overriding the usual ones. */
    CollectionResult collect(Map<String, String> extra) {
        Map<String, String> options = new HashMap<>(Map.of("endpoint-url", aws.endpoint(),
                "regions", "us-east-1,eu-west-1", "max-attempts", "2", "api-call-timeout", "PT10S"));
        options.putAll(extra);
        return ProviderTestKit.load("aws").collect(options);
    }

    /** For the rest of this test, no credentials anywhere the default chain looks first. */
    void withoutCredentials() {
        environment.close();
        environment = TestAwsEnvironment.withoutCredentials();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        aws.reset();
        aws.baseline();
        environment = TestAwsEnvironment.withCredentials();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        environment.close();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        aws.close();
    }
}
