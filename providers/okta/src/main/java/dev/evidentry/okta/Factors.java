package dev.evidentry.okta;

import com.okta.sdk.resource.model.UserFactor;
import com.okta.sdk.resource.model.UserFactorType;
import dev.evidentry.spi.fact.MfaMethod;
import dev.evidentry.spi.fact.okta.OktaFactor;

/**
 * What each Okta factor type counts as.
 *
 * <table>
 * <caption>Factor types and methods</caption>
 * <tr><th>{@code factorType}</th><th>Method</th></tr>
 * <tr><td>{@code webauthn}, {@code u2f}, {@code signed_nonce} (Okta FastPass)</td><td>SECURITY_KEY
 *     (phishing-resistant)</td></tr>
 * <tr><td>{@code token:hardware} (YubiKey OTP)</td><td>HARDWARE_TOKEN</td></tr>
 * <tr><td>{@code token:software:totp}, {@code push}, {@code token:hotp}, {@code token} (RSA SecurID, Symantec VIP:
 *     hardware or software, so the weaker is assumed)</td><td>AUTHENTICATOR_APP</td></tr>
 * <tr><td>{@code sms}, {@code call}</td><td>SMS_OR_VOICE</td></tr>
 * <tr><td>{@code email}</td><td>EMAIL</td></tr>
 * <tr><td>{@code question}: something else the user knows, not a second factor</td><td>NONE</td></tr>
 * <tr><td>{@code web} (Duo) and types the SDK does not know</td><td>UNSPECIFIED</td></tr>
 * </table>
 */
final class Factors {

    private Factors() {}

    static MfaMethod method(UserFactorType type) {
        if (type == null) {
            return MfaMethod.UNSPECIFIED;
        }
        return switch (type) {
            case WEBAUTHN, U2F, SIGNED_NONCE -> MfaMethod.SECURITY_KEY;
            case TOKEN_HARDWARE -> MfaMethod.HARDWARE_TOKEN;
            case TOKEN_SOFTWARE_TOTP, PUSH, TOKEN_HOTP, TOKEN -> MfaMethod.AUTHENTICATOR_APP;
            case SMS, CALL -> MfaMethod.SMS_OR_VOICE;
            case EMAIL -> MfaMethod.EMAIL;
            case QUESTION -> MfaMethod.NONE;
            default -> MfaMethod.UNSPECIFIED;
        };
    }

    static OktaFactor of(UserFactor factor) {
        UserFactorType type = factor.getFactorType();
        String typeName = type == null || type == UserFactorType.UNKNOWN_DEFAULT_OPEN_API ? "unknown"
                : type.getValue();
        return new OktaFactor(typeName, SdkValues.value(factor.getProvider()),
                SdkValues.value(factor.getStatus()), method(type));
    }
}
