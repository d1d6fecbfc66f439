package dev.evidentry.aws;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Puts test credentials and a region into the system properties the SDK's default chain reads first, and restores
 * what was there before. The secret and the session token are distinctive so leak assertions can look for them.
 */
final class TestAwsEnvironment implements AutoCloseable {

    static final String ACCESS_KEY_ID = "AKIAEVIDENTRYTESTKEY";
    static final String SECRET_ACCESS_KEY = "evidentry/Secret+AccessKey/Do-Not-Leak-9f3b2c";
    static final String SESSION_TOKEN = "evidentrySessionTokenDoNotLeak/IQoJb3JpZ2luX2VjEXAMPLE+token==";

    private final Map<String, String> previous = new HashMap<>();

    private TestAwsEnvironment() {}

    /** Static session credentials, region us-east-1, no instance metadata, empty profile files. */
    static TestAwsEnvironment withCredentials() {
        TestAwsEnvironment environment = new TestAwsEnvironment();
        environment.isolateProfiles();
        environment.set("aws.accessKeyId", ACCESS_KEY_ID);
        environment.set("aws.secretAccessKey", SECRET_ACCESS_KEY);
        environment.set("aws.sessionToken", SESSION_TOKEN);
        environment.set("aws.region", "us-east-1");
        return environment;
    }

    /** No credentials anywhere the default chain looks first (system properties, profile files, instance metadata). */
    static TestAwsEnvironment withoutCredentials() {
        TestAwsEnvironment environment = new TestAwsEnvironment();
        environment.isolateProfiles();
        environment.set("aws.accessKeyId", null);
        environment.set("aws.secretAccessKey", null);
        environment.set("aws.sessionToken", null);
        environment.set("aws.region", "us-east-1");
        return environment;
    }

    private void isolateProfiles() {
        try {
            Path empty = Files.createTempFile("evidentry-aws-empty-", ".ini");
            empty.toFile().deleteOnExit();
            set("aws.sharedCredentialsFile", empty.toString());
            set("aws.configFile", empty.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        set("aws.disableEc2Metadata", "true");
        set("aws.profile", null);
    }

    private void set(String key, String value) {
        if (!previous.containsKey(key)) {
            previous.put(key, System.getProperty(key));
        }
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @Override
    public void close() {
        previous.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
    }
}
