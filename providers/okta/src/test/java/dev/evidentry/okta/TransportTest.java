package dev.evidentry.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.okta.sdk.resource.model.UserFactorType;
import dev.evidentry.provider.support.CallException;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.fact.MfaMethod;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small readings the provider does itself: Link headers, cursors, factor types. */
class TransportTest {

    @Test
    void theNextLinkIsFoundWhateverTheOrderOrTheNumberOfHeaders() {
        assertThat(EvidenceRecorder.nextLink(List.of("<https://a.okta.com/api/v1/users?limit=2>; rel=\"self\"",
                "<https://a.okta.com/api/v1/users?after=00u2&limit=2>; rel=\"next\"")))
                .isEqualTo("https://a.okta.com/api/v1/users?after=00u2&limit=2");
        assertThat(EvidenceRecorder.nextLink(List.of("<https://a.okta.com/x?after=b>; rel=next, "
                + "<https://a.okta.com/x>; rel=\"self\""))).isEqualTo("https://a.okta.com/x?after=b");
        assertThat(EvidenceRecorder.nextLink(List.of("<https://a.okta.com/api/v1/users?limit=2>; rel=\"self\"")))
                .isNull();
    }

    @Test
    void theCursorIsTheAfterParameterAndAMissingOneIsMalformed() {
        assertThat(OktaCalls.cursor(OktaOperation.LIST_USERS, "https://a.okta.com/api/v1/users?limit=2&after=00u%2B2",
                null)).isEqualTo("00u+2");
        assertThatThrownBy(() -> OktaCalls.cursor(OktaOperation.LIST_USERS, "https://a.okta.com/api/v1/users?limit=2",
                null)).isInstanceOfSatisfying(CallException.class, e -> assertThat(e.issueCause())
                .isEqualTo(IssueCause.MALFORMED_RESPONSE));
    }

    @Test
    void factorTypesCountAsTheMethodsOktaDescribes() {
        assertThat(Factors.method(UserFactorType.WEBAUTHN)).isEqualTo(MfaMethod.SECURITY_KEY);
        assertThat(Factors.method(UserFactorType.U2F)).isEqualTo(MfaMethod.SECURITY_KEY);
        assertThat(Factors.method(UserFactorType.SIGNED_NONCE)).isEqualTo(MfaMethod.SECURITY_KEY);
        assertThat(Factors.method(UserFactorType.TOKEN_HARDWARE)).isEqualTo(MfaMethod.HARDWARE_TOKEN);
        assertThat(Factors.method(UserFactorType.TOKEN_SOFTWARE_TOTP)).isEqualTo(MfaMethod.AUTHENTICATOR_APP);
        assertThat(Factors.method(UserFactorType.PUSH)).isEqualTo(MfaMethod.AUTHENTICATOR_APP);
        assertThat(Factors.method(UserFactorType.SMS)).isEqualTo(MfaMethod.SMS_OR_VOICE);
        assertThat(Factors.method(UserFactorType.CALL)).isEqualTo(MfaMethod.SMS_OR_VOICE);
        assertThat(Factors.method(UserFactorType.EMAIL)).isEqualTo(MfaMethod.EMAIL);
        assertThat(Factors.method(UserFactorType.QUESTION)).isEqualTo(MfaMethod.NONE);
        assertThat(Factors.method(UserFactorType.WEB)).isEqualTo(MfaMethod.UNSPECIFIED);
        assertThat(Factors.method(UserFactorType.UNKNOWN_DEFAULT_OPEN_API)).isEqualTo(MfaMethod.UNSPECIFIED);
        assertThat(Factors.method(null)).isEqualTo(MfaMethod.UNSPECIFIED);
    }
}
