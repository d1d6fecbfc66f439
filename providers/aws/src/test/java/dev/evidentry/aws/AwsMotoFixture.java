package dev.evidentry.aws;

import dev.evidentry.testkit.CollectionResult;
import dev.evidentry.testkit.MotoServer;
import dev.evidentry.testkit.ProviderTestKit;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The set-up every moto test of the AWS provider shares, as a JUnit extension: one moto server and its seeding clients
 * per test class (started with the class, stopped after its last test), moto reset to an empty account and test
 * credentials in the environment before each test. Register it first, then name its parts:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final AwsMotoFixture fixture = new AwsMotoFixture();
 * private static final SeedClients seed = fixture.seed();
 * }</pre>
 */
final class AwsMotoFixture implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    private final MotoServer moto = MotoServer.start();
    private final SeedClients seed = new SeedClients(moto.endpoint());
    private TestAwsEnvironment environment;

    MotoServer moto() {
        return moto;
    }

    SeedClients seed() {
        return seed;
    }

    /** The provider loaded through ServiceLoader, run against moto over us-east-1 and eu-west-1. */
    CollectionResult collect() {
        return ProviderTestKit.load("aws").collect(Map.of(
                "endpoint-url", moto.endpoint(),
                "regions", "us-east-1,eu-west-1",
                "max-attempts", "2",
                "api-call-timeout", "PT20S"));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        moto.reset();
        environment = TestAwsEnvironment.withCredentials();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        environment.close();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        seed.close();
        moto.close();
    }
}
