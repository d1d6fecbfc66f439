package dev.evidentry.provider.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.evidentry.spi.CollectionIssue;
import dev.evidentry.spi.EvidenceId;
import dev.evidentry.spi.IssueCause;
import dev.evidentry.spi.ResourceRef;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallExceptionTest {

    private static final EvidenceId EVIDENCE = new EvidenceId("a".repeat(64));

    @Test
    void messageIsTheDetailAndTheEvidence() {
        CallException failure = new CallException("s3:GetBucketEncryption", IssueCause.ACCESS_DENIED,
                "AccessDenied: no", EVIDENCE, null);

        assertThat(failure.getMessage()).isEqualTo("AccessDenied: no");
        assertThat(failure.detail()).isEqualTo("AccessDenied: no");
        assertThat(failure.message()).isEqualTo("AccessDenied: no (evidence " + EVIDENCE + ")");
        assertThat(new CallException("op", IssueCause.TIMEOUT, "slow", null, null).message()).isEqualTo("slow");
    }

    @Test
    void describeNamesOperationSubjectCauseAndEvidence() {
        CallException failure = new CallException("kms:GetKeyRotationStatus", IssueCause.ACCESS_DENIED, "denied",
                EVIDENCE, null);

        assertThat(failure.describe("key k1")).isEqualTo("kms:GetKeyRotationStatus failed for key k1: "
                + IssueCause.ACCESS_DENIED.label() + ": denied (evidence " + EVIDENCE + ")");
        assertThat(failure.describe("")).startsWith("kms:GetKeyRotationStatus failed: ");
    }

    @Test
    void malformedAnswersKeepTheirEvidence() {
        CallException failure = CallException.malformed("op", "no field x", EVIDENCE);

        assertThat(failure.issueCause()).isEqualTo(IssueCause.MALFORMED_RESPONSE);
        assertThat(failure.evidence()).contains(EVIDENCE);
        assertThat(failure.getCause()).isNull();
    }

    @Test
    void explainedAddsASentenceAndMayChangeTheCause() {
        IllegalStateException root = new IllegalStateException("root");
        CallException failure = new CallException("op", IssueCause.UNSUPPORTED, "404", EVIDENCE, root);

        CallException explained = failure.explained(IssueCause.CONFIGURATION, "check the name");

        assertThat(explained.issueCause()).isEqualTo(IssueCause.CONFIGURATION);
        assertThat(explained.detail()).isEqualTo("404; check the name");
        assertThat(explained.operation()).isEqualTo("op");
        assertThat(explained.evidence()).contains(EVIDENCE);
        assertThat(explained.getCause()).isSameAs(root);
        assertThat(failure.explained("after 3 attempts")).satisfies(same -> {
            assertThat(same.issueCause()).isEqualTo(IssueCause.UNSUPPORTED);
            assertThat(same.detail()).isEqualTo("404; after 3 attempts");
        });
    }

    @Test
    void issueIsOnTheResourceOrElseTheWholeAccount() {
        CallException failure = new CallException("op", IssueCause.THROTTLED, "slow down", null, null);
        ResourceRef bucket = new ResourceRef("aws", "123456789012", "eu-west-1", "aws.s3.bucket", "arn:b", "b");

        CollectionIssue onAccount = failure.issue("aws", "123456789012", null, Set.of("k"));
        CollectionIssue onResource = failure.issue("aws", "123456789012", bucket, Set.of("k"));

        assertThat(onAccount).isEqualTo(new CollectionIssue("aws", "123456789012", "", null, "op", Set.of("k"),
                IssueCause.THROTTLED, "slow down"));
        assertThat(onResource).isEqualTo(CollectionIssue.forResource(bucket, "op", Set.of("k"), IssueCause.THROTTLED,
                "slow down"));
    }

    @Test
    void requiresOperationCauseAndDetail() {
        assertThatNullPointerException().isThrownBy(() -> new CallException(null, IssueCause.TIMEOUT, "d", null, null))
                .withMessage("operation is null");
        assertThatNullPointerException().isThrownBy(() -> new CallException("op", null, "d", null, null))
                .withMessage("issueCause is null");
        assertThatNullPointerException().isThrownBy(() -> new CallException("op", IssueCause.TIMEOUT, null, null,
                null)).withMessage("detail is null");
    }
}
