package dev.evidentry.checks.encryption;

import static dev.evidentry.checks.Fixtures.bucket;
import static dev.evidentry.checks.Fixtures.evaluate;
import static dev.evidentry.checks.Fixtures.evidence;
import static dev.evidentry.spi.Outcome.ERROR;
import static dev.evidentry.spi.Outcome.FAIL;
import static dev.evidentry.spi.Outcome.PASS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.evidentry.spi.Finding;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.DataStoreEncryption;
import dev.evidentry.spi.fact.EncryptionAtRest;
import org.junit.jupiter.api.Test;

class DataStoreEncryptionAtRestCheckTest {

    private static final String KEY = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    private final DataStoreEncryptionAtRestCheck check = new DataStoreEncryptionAtRestCheck();

    @Test
    void customerManagedKeyPassesAsTheStrongerSettingNamingTheKey() {
        assertThat(evaluate(check, new DataStoreEncryption(bucket("payroll"), EncryptionAtRest.CUSTOMER_KEY, KEY,
                "aws:kms", evidence('a'))))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(PASS, "S3 bucket payroll is encrypted at rest with the customer-managed key "
                        + KEY + " (aws:kms), the stronger setting: you can audit and revoke the key."));
    }

    @Test
    void providerManagedKeyPasses() {
        assertThat(evaluate(check, new DataStoreEncryption(bucket("assets"), EncryptionAtRest.PROVIDER_KEY, "",
                "AES256", evidence('a'))))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(PASS, "S3 bucket assets is encrypted at rest with a provider-managed key"
                        + " (AES256); a customer-managed key would be stronger."));
    }

    @Test
    void ebsVolumesRdsInstancesAndDynamoDbTablesAreNamedAsPeopleKnowThem() {
        assertThat(evaluate(check,
                new DataStoreEncryption(store("aws.ec2.volume", "vol-0a1b2c3d"), EncryptionAtRest.CUSTOMER_KEY, KEY, "",
                        evidence('a')),
                new DataStoreEncryption(store("aws.rds.instance", "orders-db"), EncryptionAtRest.NONE, "", "",
                        evidence('b')),
                new DataStoreEncryption(store("aws.dynamodb.table", "sessions"), EncryptionAtRest.PROVIDER_KEY, "",
                        "AWS owned key", evidence('c')),
                new DataStoreEncryption(store("aws.dynamodb.table", "payments"), EncryptionAtRest.CUSTOMER_KEY, "",
                        "KMS", evidence('d'))))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(
                        tuple(PASS, "DynamoDB table payments is encrypted at rest with a customer-managed key (KMS),"
                                + " the stronger setting: you can audit and revoke the key."),
                        tuple(PASS, "DynamoDB table sessions is encrypted at rest with a provider-managed key"
                                + " (AWS owned key); a customer-managed key would be stronger."),
                        tuple(PASS, "EBS volume vol-0a1b2c3d is encrypted at rest with the customer-managed key " + KEY
                                + ", the stronger setting: you can audit and revoke the key."),
                        tuple(FAIL, "RDS instance orders-db is not encrypted at rest."));
    }

    @Test
    void unencryptedStoreOfATypeWithoutAKnownNameIsNamedByItsType() {
        ResourceRef disk = new ResourceRef("azure", "sub-1", "westeurope", "azure.compute.disk",
                "/subscriptions/sub-1/resourceGroups/rg/providers/Microsoft.Compute/disks/data-1", "data-1");
        assertThat(evaluate(check, new DataStoreEncryption(disk, EncryptionAtRest.NONE, "", "", evidence('a'))))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(FAIL, "azure.compute.disk data-1 is not encrypted at rest."));
    }

    @Test
    void unknownEncryptionIsAnError() {
        assertThat(evaluate(check, new DataStoreEncryption(bucket("mystery"), EncryptionAtRest.UNKNOWN, "", "",
                evidence('a'))))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(ERROR, "The encryption at rest of S3 bucket mystery could not be read."));
    }

    private static ResourceRef store(String type, String name) {
        return new ResourceRef("aws", "123456789012", "eu-west-1", type, "arn:aws:test:::" + name, name);
    }
}
