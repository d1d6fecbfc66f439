package dev.evidentry.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evidentry.spi.fact.aws.AwsIamUser.AccessKey;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CredentialReportTest {

    private static final String HEADER = "user,arn,user_creation_time,password_enabled,password_last_used,"
            + "password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
            + "access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
            + "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,"
            + "access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,"
            + "cert_2_active,cert_2_last_rotated";

    @Test
    void readsUsersAndTheRootRowAndTreatsAbsenceMarkersAsAbsent() {
        List<CredentialReport.Row> rows = CredentialReport.parse(HEADER + "\n"
                + "<root_account>,arn:aws:iam::111122223333:root,2019-03-01T09:00:00+00:00,not_supported,"
                + "2025-12-01T08:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,"
                + "N/A,false,N/A,false,N/A\n"
                + "bob,arn:aws:iam::111122223333:user/bob,2020-01-01T00:00:00+00:00,true,no_information,N/A,N/A,false,"
                + "true,2021-01-01T00:00:00+00:00,N/A,N/A,N/A,false,2022-02-02T02:02:02+00:00,"
                + "2023-03-03T03:03:03+00:00,us-east-1,s3,false,N/A,false,N/A\n");

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).isRoot()).isTrue();
        assertThat(rows.get(0).passwordEnabled()).isFalse(); // not_supported
        assertThat(rows.get(0).mfaActive()).isTrue();
        CredentialReport.Row bob = rows.get(1);
        assertThat(bob.isRoot()).isFalse();
        assertThat(bob.user()).isEqualTo("bob");
        assertThat(bob.createdAt()).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
        assertThat(bob.passwordEnabled()).isTrue();
        assertThat(bob.passwordLastUsed()).isNull();
        assertThat(bob.accessKeys()).containsExactly(
                new AccessKey(1, true, Instant.parse("2021-01-01T00:00:00Z"), null),
                new AccessKey(2, false, Instant.parse("2022-02-02T02:02:02Z"), Instant.parse("2023-03-03T03:03:03Z")));
    }

    @Test
    void readsColumnsByNameInAnyOrderAndIgnoresNewOnes() {
        List<CredentialReport.Row> rows = CredentialReport.parse(
                "arn,user,future_column,mfa_active,password_enabled,user_creation_time,access_key_2_active,"
                        + "access_key_2_last_rotated,access_key_1_active,access_key_1_last_rotated\r\n"
                        + "arn:aws:iam::1:user/x,x,whatever,false,false,2024-01-01T00:00:00Z,false,N/A,false,N/A\r\n");

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.user()).isEqualTo("x");
            assertThat(row.arn()).isEqualTo("arn:aws:iam::1:user/x");
            assertThat(row.accessKeys()).isEmpty();
        });
    }

    @Test
    void aMissingColumnIsMalformed() {
        assertThatThrownBy(() -> CredentialReport.parse("user,arn\nx,arn:aws:iam::1:user/x\n"))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("mfa_active");
    }

    @Test
    void anUnreadableCellIsMalformedAndNamed() {
        assertThatThrownBy(() -> CredentialReport.parse(HEADER + "\n"
                + "bob,arn:aws:iam::1:user/bob,2020-01-01T00:00:00+00:00,maybe,N/A,N/A,N/A,false,false,N/A,N/A,N/A,"
                + "N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n"))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("line 2").hasMessageContaining("password_enabled").hasMessageContaining("maybe");
    }

    @Test
    void anEmptyReportIsMalformedButAHeaderAloneHasNoUsers() {
        assertThatThrownBy(() -> CredentialReport.parse("")).isInstanceOf(MalformedResponseException.class);
        assertThat(CredentialReport.parse(HEADER + "\n")).isEmpty();
    }
}
