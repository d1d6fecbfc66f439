package dev.evidentry.core.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Outcome;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.TrustServicesCriteria;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ControlCoverageTest {

    private static final ResourceRef RESOURCE = ResourceRef.global("testcloud", "1", "testcloud.user", "u", "u");

    private static CheckDescriptor check(String id, String... criteria) {
        return new CheckDescriptor(id, id, Severity.MEDIUM, Set.of("identity.human"), List.of(criteria),
                new CheckHelp("risk", "remediation"));
    }

    private static FindingRecord record(CheckDescriptor check, Outcome outcome) {
        return new FindingRecord(check.id(), check.title(), check.severity(), check.criteria(), outcome, "m",
                RESOURCE, List.of());
    }

    @Test
    void saysPerCriterionWhetherTheEvidenceIsCompleteAndClean() {
        CheckDescriptor clean = check("t.clean.check", "CC6.1");
        CheckDescriptor failing = check("t.failing.check", "CC6.2", "CC6.1");
        CheckDescriptor erroring = check("t.erroring.check", "CC6.3");
        CheckDescriptor idle = check("t.idle.check", "A1.2");
        ControlCoverage coverage = new ControlCoverage(List.of(clean, failing, erroring, idle));
        coverage.add(record(clean, Outcome.PASS));
        coverage.add(record(failing, Outcome.FAIL));
        coverage.add(record(failing, Outcome.NOT_APPLICABLE));
        coverage.add(record(erroring, Outcome.ERROR));
        coverage.add(record(erroring, Outcome.FAIL));

        Map<String, JsonNode> byId = new HashMap<>();
        coverage.toJson().path("criteria").forEach(node -> byId.put(node.path("id").asText(), node));

        assertThat(byId).hasSize(TrustServicesCriteria.all().size());
        assertThat(byId.get("CC6.1").path("checks")).extracting(JsonNode::asText)
                .containsExactly("t.clean.check", "t.failing.check");
        assertThat(byId.get("CC6.1").path("coverage").asText()).isEqualTo("EXCEPTIONS");
        assertThat(byId.get("CC6.1").path("counts").path("PASS").asInt()).isEqualTo(1);
        assertThat(byId.get("CC6.1").path("counts").path("FAIL").asInt()).isEqualTo(1);
        assertThat(byId.get("CC6.1").path("counts").path("NOT_APPLICABLE").asInt()).isEqualTo(1);
        assertThat(byId.get("CC6.2").path("coverage").asText()).isEqualTo("EXCEPTIONS");
        assertThat(byId.get("CC6.3").path("coverage").asText()).as("an error outweighs a failure")
                .isEqualTo("INCOMPLETE");
        assertThat(byId.get("A1.2").path("coverage").asText()).isEqualTo("NO_RESOURCES");
        assertThat(byId.get("CC1.1").path("coverage").asText()).isEqualTo("NOT_AUTOMATED");
        assertThat(byId.get("CC1.1").path("checks")).isEmpty();
    }

    @Test
    void aCriterionWithOnlyPassesIsEffective() {
        CheckDescriptor clean = check("t.clean.check", "C1.1");
        ControlCoverage coverage = new ControlCoverage(List.of(clean));
        coverage.add(record(clean, Outcome.PASS));
        coverage.add(record(clean, Outcome.NOT_APPLICABLE));

        JsonNode c11 = null;
        for (JsonNode node : coverage.toJson().path("criteria")) {
            if (node.path("id").asText().equals("C1.1")) {
                c11 = node;
            }
        }
        assertThat(c11).isNotNull();
        assertThat(c11.path("coverage").asText()).isEqualTo("EFFECTIVE");
    }
}
