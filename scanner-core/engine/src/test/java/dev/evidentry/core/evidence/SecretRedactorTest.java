package dev.evidentry.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretRedactorTest {

    private final SecretRedactor redactor = new SecretRedactor();

    @ParameterizedTest
    @ValueSource(strings = {"Base32StringSeed", "QRCodePNG", "SecretAccessKey", "SessionToken", "Password"})
    void redactsXmlElementsThatHoldSecrets(String element) {
        String xml = "<Result><" + element + ">c2VjcmV0LXZhbHVl==</" + element + "><UserName>alice</UserName></Result>";

        assertThat(redactor.redact(xml)).isEqualTo(
                "<Result><" + element + ">[REDACTED]</" + element + "><UserName>alice</UserName></Result>");
    }

    @Test
    void redactsEveryCredentialOfAnStsAnswerAndKeepsTheRest() {
        String xml = """
                <AssumeRoleResult><Credentials>
                  <AccessKeyId>ASIAEXAMPLE</AccessKeyId>
                  <SecretAccessKey xmlns="https://sts.amazonaws.com/doc/2011-06-15/">wJalrXUtnFEMI/K7MDENG</SecretAccessKey>
                  <SessionToken>FwoGZXIvYXdzEBYaD</SessionToken>
                  <Expiration>2026-01-01T00:00:00Z</Expiration>
                </Credentials></AssumeRoleResult>""";

        String redacted = redactor.redact(xml);

        assertThat(redacted)
                .doesNotContain("wJalrXUtnFEMI", "FwoGZXIvYXdzEBYaD")
                .contains("<SecretAccessKey xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">[REDACTED]</SecretAccessKey>",
                        "<SessionToken>[REDACTED]</SessionToken>", "<AccessKeyId>ASIAEXAMPLE</AccessKeyId>",
                        "<Expiration>2026-01-01T00:00:00Z</Expiration>");
    }

    @Test
    void keepsSettingsThatNameAPasswordButHoldOnlyAFlagOrADate() {
        String xml = "<PasswordPolicy><AllowUsersToChangePassword>true</AllowUsersToChangePassword>"
                + "<ExpirePasswords>false</ExpirePasswords><MinimumPasswordLength>14</MinimumPasswordLength>"
                + "</PasswordPolicy><User><PasswordLastUsed>2026-01-01T00:00:00Z</PasswordLastUsed></User>";

        assertThat(redactor.redact(xml)).isEqualTo(xml);
    }

    @Test
    void redactsJsonStringMembersThatHoldSecrets() {
        String json = "{\"client_id\":\"app-1\",\"client_secret\":\"cs-123\\\"456\",\"access_token\": \"at-789\","
                + "\"nested\":{\"password\" : \"hunter2\"},\"passwordLastChanged\":\"2026-01-01\",\"mfa\":true}";

        assertThat(redactor.redact(json)).isEqualTo("{\"client_id\":\"app-1\",\"client_secret\":\"[REDACTED]\","
                + "\"access_token\": \"[REDACTED]\",\"nested\":{\"password\" : \"[REDACTED]\"},"
                + "\"passwordLastChanged\":\"2026-01-01\",\"mfa\":true}");
    }

    @Test
    void redactsFormParameters() {
        String form = "Action=ChangePassword&OldPassword=old-pass-1&NewPassword=new%20pass&Version=2010-05-08";

        assertThat(redactor.redact(form))
                .isEqualTo("Action=ChangePassword&OldPassword=[REDACTED]&NewPassword=[REDACTED]&Version=2010-05-08");
        assertThat(redactor.redact("NewPassword=abc")).isEqualTo("NewPassword=[REDACTED]");
        assertThat(redactor.redact("https://idp.example/cb?code=1&client_secret=s3&state=x"))
                .isEqualTo("https://idp.example/cb?code=1&client_secret=[REDACTED]&state=x");
    }

    @Test
    void aQueryParameterInsideJsonIsRedactedWithoutSwallowingTheRestOfTheDocument() {
        String json = "{\"next\":\"https://api.example/users?page=2&access_token=tok-123456\",\"count\":2,"
                + "\"users\":[\"alice\",\"bob\"]}";

        assertThat(redactor.redact(json)).isEqualTo("{\"next\":\"https://api.example/users?page=2&access_token="
                + "[REDACTED]\",\"count\":2,\"users\":[\"alice\",\"bob\"]}");
    }

    @Test
    void aQueryParameterInsideXmlIsRedactedWithoutSwallowingTheRestOfTheDocument() {
        String xml = "<Link>https://api.example/x?apikey=k-123456</Link><Count>2</Count>";

        assertThat(redactor.redact(xml)).isEqualTo("<Link>https://api.example/x?apikey=[REDACTED]</Link><Count>2</Count>");
    }

    @Test
    void redactsRegisteredValuesAnywhereLongestFirst() {
        redactor.registerSecret("abcdef");
        redactor.registerSecret("  abcdefghij  ");

        assertThat(redactor.redact("token abcdefghij, prefix abcdef, and abcdefghij again"))
                .isEqualTo("token [REDACTED], prefix [REDACTED], and [REDACTED] again");
        assertThat(redactor.redactValues("Bearer abcdefghij")).isEqualTo("Bearer [REDACTED]");
        assertThat(redactor.redact("<Note>abcdefghij</Note>")).isEqualTo("<Note>[REDACTED]</Note>");
    }

    @Test
    void doesNotRegisterShortOrBlankValues() {
        redactor.registerSecret("abc12");
        redactor.registerSecret("      ");
        redactor.registerSecret(null);

        assertThat(redactor.redactValues("abc12 is a short value")).isEqualTo("abc12 is a short value");
    }

    @Test
    void leavesTextWithoutSecretsUnchanged() {
        String xml = "<ListUsersResponse><UserName>alice</UserName><Arn>arn:aws:iam::1:user/alice</Arn>"
                + "</ListUsersResponse>";
        String json = "{\"login\":\"alice\",\"secrets_count\":3,\"tokens\":[\"not-named\"]}";
        String form = "Action=ListUsers&MaxItems=100";

        assertThat(redactor.redact(xml)).isEqualTo(xml);
        assertThat(redactor.redact(json)).isEqualTo(json);
        assertThat(redactor.redact(form)).isEqualTo(form);
        assertThat(redactor.redact("")).isEmpty();
        assertThat(redactor.redact(null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Password", "NewPassword", "client_secret", "SecretAccessKey", "x_api_key", "apiKey",
            "Authorization", "refresh_token"})
    void recognisesSecretNames(String name) {
        assertThat(SecretRedactor.isSecretName(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"UserName", "PasswordLastUsed", "MaxItems", "Bucket", "AccessKeyId", "secret-name"})
    void doesNotTakeOrdinaryNamesForSecretNames(String name) {
        assertThat(SecretRedactor.isSecretName(name)).isFalse();
    }
}
