package dev.evidentry.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckDescriptorTest {

    private static final CheckHelp HELP = new CheckHelp("Why it matters.", "How to fix it.");

    @Test
    void acceptsAWellFormedDescriptor() {
        CheckDescriptor descriptor = new CheckDescriptor("aws.iam.root-mfa", "Root user has MFA", Severity.CRITICAL,
                Set.of("aws.iam.root-account"), List.of("CC6.1", "A1.2"), HELP);

        assertThat(descriptor.criteria()).containsExactly("CC6.1", "A1.2");
    }

    @Test
    void refusesACriterionTheTrustServicesCriteriaDoNotHave() {
        assertThatThrownBy(() -> new CheckDescriptor("aws.iam.root-mfa", "Root user has MFA", Severity.CRITICAL,
                Set.of("aws.iam.root-account"), List.of("CC9.9"), HELP))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CC9.9");
    }

    @Test
    void refusesAnIdThatIsNotDottedLowerCaseWords() {
        assertThatThrownBy(() -> new CheckDescriptor("RootMfa", "Root user has MFA", Severity.CRITICAL,
                Set.of("aws.iam.root-account"), List.of("CC6.1"), HELP))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RootMfa");
    }

    @Test
    void refusesACheckThatNeedsNoFact() {
        assertThatThrownBy(() -> new CheckDescriptor("aws.iam.root-mfa", "Root user has MFA", Severity.CRITICAL,
                Set.of(), List.of("CC6.1"), HELP))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("required fact");
    }

    @Test
    void helpTextNeedsBothSections() {
        assertThat(CheckHelp.parse("## Risk\nA.\n\n## Remediation\nB.\n", "x.md"))
                .isEqualTo(new CheckHelp("A.", "B."));
        assertThatThrownBy(() -> CheckHelp.parse("## Risk\nA.\n", "x.md"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Remediation");
    }
}
