package dev.evidentry.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.DataStoreEncryption;
import dev.evidentry.spi.fact.EncryptionAtRest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.Grantee;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionConfiguration;
import software.amazon.awssdk.services.s3.model.Type;

class S3MappingTest {

    private static final ResourceRef BUCKET = new ResourceRef("aws", "111122223333", "us-east-1", "aws.s3.bucket",
            "arn:aws:s3:::b", "b");

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(nullValues = "null", value = {
        "AES256, null, PROVIDER_KEY, ''",
        "aws:kms, null, PROVIDER_KEY, ''",
        "aws:kms, alias/aws/s3, PROVIDER_KEY, ''",
        "aws:kms, arn:aws:kms:us-east-1:111122223333:alias/aws/s3, PROVIDER_KEY, ''",
        "aws:kms, alias/my-key, CUSTOMER_KEY, alias/my-key",
        "aws:kms, arn:aws:kms:us-east-1:1:key/1234, CUSTOMER_KEY, arn:aws:kms:us-east-1:1:key/1234",
        "aws:kms:dsse, arn:aws:kms:us-east-1:1:key/1234, CUSTOMER_KEY, arn:aws:kms:us-east-1:1:key/1234",
        "aws:kms:dsse, null, PROVIDER_KEY, ''",
        "aws:fsx, null, UNKNOWN, ''"
    })
    void mapsDefaultEncryption(String algorithm, String key, EncryptionAtRest expected, String keyId) {
        ServerSideEncryptionConfiguration configuration = ServerSideEncryptionConfiguration.builder()
                .rules(rule -> rule.applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(algorithm)
                        .kmsMasterKeyID(key)))
                .build();

        DataStoreEncryption fact = S3Collector.encryption(BUCKET, configuration, List.of());

        assertThat(fact.encryption()).isEqualTo(expected);
        assertThat(fact.keyId()).isEqualTo(keyId);
        assertThat(fact.detail()).startsWith(algorithm);
    }

    @Test
    void aRuleWithoutDefaultEncryptionIsUnknownNotNone() {
        ServerSideEncryptionConfiguration configuration = ServerSideEncryptionConfiguration.builder()
                .rules(rule -> rule.bucketKeyEnabled(true)).build();

        assertThat(S3Collector.encryption(BUCKET, configuration, List.of()).encryption())
                .isEqualTo(EncryptionAtRest.UNKNOWN);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {"null, us-east-1", "'', us-east-1", "EU, eu-west-1",
        "eu-west-1, eu-west-1", "ap-southeast-2, ap-southeast-2"})
    void mapsLocationConstraints(String constraint, String region) {
        assertThat(S3Collector.regionOfLocation(constraint)).isEqualTo(region);
    }

    @Test
    void keepsOnlyGrantsToEveryoneOrEveryAccount() {
        List<Grant> grants = List.of(
                grant(Grantee.builder().type(Type.CANONICAL_USER).id("owner").build(), "FULL_CONTROL"),
                grant(group("http://acs.amazonaws.com/groups/global/AuthenticatedUsers"), "WRITE"),
                grant(group("http://acs.amazonaws.com/groups/global/AllUsers"), "READ"),
                grant(group("http://acs.amazonaws.com/groups/global/AllUsers"), "READ"),
                grant(group("http://acs.amazonaws.com/groups/s3/LogDelivery"), "WRITE"),
                grant(Grantee.builder().type(Type.AMAZON_CUSTOMER_BY_EMAIL).emailAddress("a@example.com").build(),
                        "READ"));

        assertThat(S3Collector.publicGrants(grants)).containsExactly("AllUsers:READ", "AuthenticatedUsers:WRITE");
    }

    private static Grantee group(String uri) {
        return Grantee.builder().type(Type.GROUP).uri(uri).build();
    }

    private static Grant grant(Grantee grantee, String permission) {
        return Grant.builder().grantee(grantee).permission(permission).build();
    }
}
