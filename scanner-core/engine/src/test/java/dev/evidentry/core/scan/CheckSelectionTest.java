package dev.evidentry.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Severity;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckSelectionTest {

    private static final CheckDescriptor ROOT_MFA = check("aws.iam.root-mfa", Severity.CRITICAL, "CC6.1");
    private static final CheckDescriptor VERSIONING = check("aws.s3.bucket-versioning", Severity.LOW, "A1.2");

    private static CheckDescriptor check(String id, Severity severity, String... criteria) {
        return new CheckDescriptor(id, id, severity, Set.of("identity.human"), List.of(criteria),
                new CheckHelp("risk", "remediation"));
    }

    private static CheckSelection select(List<String> checks, List<String> criteria, Severity minimum) {
        return new CheckSelection(checks, criteria, minimum);
    }

    @Test
    void selectsEverythingByDefault() {
        assertThat(CheckSelection.ALL.selects(ROOT_MFA)).isTrue();
        assertThat(CheckSelection.ALL.selects(VERSIONING)).isTrue();
    }

    @Test
    void matchesIdsAndGlobsWholly() {
        assertThat(select(List.of("aws.iam.*"), List.of(), Severity.INFO).selects(ROOT_MFA)).isTrue();
        assertThat(select(List.of("aws.iam.*"), List.of(), Severity.INFO).selects(VERSIONING)).isFalse();
        assertThat(select(List.of("*versioning"), List.of(), Severity.INFO).selects(VERSIONING)).isTrue();
        assertThat(select(List.of("aws.iam.root-mf?"), List.of(), Severity.INFO).selects(ROOT_MFA)).isTrue();
        assertThat(select(List.of("aws.iam"), List.of(), Severity.INFO).selects(ROOT_MFA)).as("no prefix match")
                .isFalse();
        assertThat(select(List.of("aws.iam.root-mfa", "aws.s3.*"), List.of(), Severity.INFO).selects(VERSIONING))
                .isTrue();
    }

    @Test
    void treatsEveryOtherCharacterOfAGlobLiterally() {
        assertThat(select(List.of("awsXiam.root-mfa"), List.of(), Severity.INFO).selects(ROOT_MFA))
                .as("a dot is a dot, not any character").isFalse();
        assertThat(select(List.of("aws.iam.(root|x)-mfa"), List.of(), Severity.INFO).selects(ROOT_MFA)).isFalse();
    }

    @Test
    void filtersByCriterionAndMinimumSeverity() {
        assertThat(select(List.of(), List.of("A1.2", "CC9.9"), Severity.INFO).selects(VERSIONING)).isTrue();
        assertThat(select(List.of(), List.of("A1.2"), Severity.INFO).selects(ROOT_MFA)).isFalse();
        assertThat(select(List.of(), List.of(), Severity.HIGH).selects(ROOT_MFA)).isTrue();
        assertThat(select(List.of(), List.of(), Severity.HIGH).selects(VERSIONING)).isFalse();
        assertThat(select(List.of(), List.of(), Severity.LOW).selects(VERSIONING)).isTrue();
        assertThat(select(List.of("aws.*"), List.of("CC6.1"), Severity.CRITICAL).selects(ROOT_MFA))
                .as("all filters together").isTrue();
    }

    @Test
    void skippedPatternsLeaveChecksOutWhateverElseSelectsThem() {
        CheckSelection skipIam = new CheckSelection(List.of(), List.of("aws.iam.*"), List.of(), Severity.INFO);
        assertThat(skipIam.selects(ROOT_MFA)).isFalse();
        assertThat(skipIam.selects(VERSIONING)).isTrue();
        CheckSelection chosenThenSkipped = new CheckSelection(List.of("aws.*"), List.of("*versioning"),
                List.of("A1.2", "CC6.1"), Severity.INFO);
        assertThat(chosenThenSkipped.selects(ROOT_MFA)).isTrue();
        assertThat(chosenThenSkipped.selects(VERSIONING)).isFalse();
        assertThat(new CheckSelection(List.of(), List.of("aws.iam"), List.of(), Severity.INFO).selects(ROOT_MFA))
                .as("no prefix match").isTrue();
    }
}
