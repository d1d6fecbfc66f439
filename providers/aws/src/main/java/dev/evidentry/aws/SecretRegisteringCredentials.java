package dev.evidentry.aws;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.CollectContext;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Hands the SDK its credentials and tells the engine, once per value, that the secret key and session token are
 * secrets, so that no output of the scan can ever contain them, whatever an API echoes back. Refreshed credentials
 * (SSO, assumed roles) are registered as they arrive. Nothing here logs or keeps them.
 */
final class SecretRegisteringCredentials implements AwsCredentialsProvider, SdkAutoCloseable {

    private final AwsCredentialsProvider delegate;
    private final CollectContext context;

    SecretRegisteringCredentials(AwsCredentialsProvider delegate, CollectContext context) {
        this.delegate = requireNonNull(delegate, "delegate is null");
        this.context = requireNonNull(context, "context is null");
    }

    @Override
    public AwsCredentials resolveCredentials() {
        AwsCredentials credentials = delegate.resolveCredentials();
        // Cheap and idempotent: the engine keeps a set. Registering on every resolution covers refreshed credentials.
        context.registerSecret(credentials.secretAccessKey());
        if (credentials instanceof AwsSessionCredentials session) {
            context.registerSecret(session.sessionToken());
        }
        return credentials;
    }

    @Override
    public void close() {
        if (delegate instanceof SdkAutoCloseable closeable) {
            closeable.close();
        }
    }

    @Override
    public String toString() {
        return "SecretRegisteringCredentials(" + delegate.getClass().getSimpleName() + ")";
    }
}
