package dev.evidentry.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evidentry.spi.fact.MfaMethod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MfaMethodMappingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "null", value = {
        "arn:aws:iam::111122223333:u2f/user/erin/fidosecuritykey-7XNL7NFNLZ, SECURITY_KEY",
        "arn:aws:iam::111122223333:mfa/alice, AUTHENTICATOR_APP",
        "GAHT12345678, HARDWARE_TOKEN",
        "arn:aws:iam::111122223333:something-new/x, UNSPECIFIED",
        "null, UNSPECIFIED"
    })
    void namesTheDeviceKindFromItsSerialNumber(String serial, MfaMethod expected) {
        assertThat(IamCollector.method(serial)).isEqualTo(expected);
    }
}
