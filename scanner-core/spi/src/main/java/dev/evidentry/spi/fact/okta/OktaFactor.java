package dev.evidentry.spi.fact.okta;

import static java.util.Objects.requireNonNull;

import dev.evidentry.spi.fact.MfaMethod;

/**
 * One factor a user has enrolled, as {@code GET /api/v1/users/{id}/factors} lists it.
 *
 * @param factorType Okta's {@code factorType}: {@code webauthn}, {@code u2f}, {@code signed_nonce} (Okta FastPass),
 *     {@code token:hardware}, {@code token:software:totp}, {@code push}, {@code sms}, {@code call}, {@code email},
 *     {@code question}..., or {@code unknown} when the SDK did not recognise it
 * @param provider {@code OKTA}, {@code GOOGLE}, {@code YUBICO}, {@code RSA}, {@code DUO}... or empty
 * @param status {@code ACTIVE}, {@code PENDING_ACTIVATION}, {@code NOT_SETUP}, {@code INACTIVE}... or empty
 * @param method the shared method it counts as; {@link MfaMethod#NONE} for what is not a second factor (a security
 *     question is something else the user knows)
 */
public record OktaFactor(String factorType, String provider, String status, MfaMethod method) {

    public OktaFactor {
        requireNonNull(factorType, "factorType is null");
        requireNonNull(provider, "provider is null");
        requireNonNull(status, "status is null");
        requireNonNull(method, "method is null");
    }

    /** Whether it can be used at sign-in now: enrolled and activated. */
    public boolean active() {
        return status.equals("ACTIVE");
    }
}
