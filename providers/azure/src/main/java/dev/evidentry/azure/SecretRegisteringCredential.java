package dev.evidentry.azure;

import static java.util.Objects.requireNonNull;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import dev.evidentry.spi.CollectContext;
import reactor.core.publisher.Mono;

/** Hands out the wrapped credential's tokens, registering each with the engine as a secret first. */
final class SecretRegisteringCredential implements TokenCredential {

    private final TokenCredential delegate;
    private final CollectContext context;

    SecretRegisteringCredential(TokenCredential delegate, CollectContext context) {
        this.delegate = requireNonNull(delegate, "delegate is null");
        this.context = requireNonNull(context, "context is null");
    }

    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
        return delegate.getToken(request).doOnNext(this::register);
    }

    @Override
    public AccessToken getTokenSync(TokenRequestContext request) {
        AccessToken token = delegate.getTokenSync(request);
        register(token);
        return token;
    }

    private void register(AccessToken token) {
        if (token != null && token.getToken() != null && !token.getToken().isEmpty()) {
            context.registerSecret(token.getToken());
        }
    }
}
