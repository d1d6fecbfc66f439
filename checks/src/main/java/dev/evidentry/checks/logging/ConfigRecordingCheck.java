package dev.evidentry.checks.logging;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.aws.AwsConfigRegion;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * AWS Config records configuration changes in every region: a recorder exists and is recording. A recorder limited to
 * some resource types, or whose last status is a failure, still passes, and the finding names the weakness.
 */
public final class ConfigRecordingCheck implements Check {

    public static final String ID = "aws.config.recording";

    private final CheckDescriptor descriptor = new CheckDescriptor(ID,
            "AWS Config records configuration changes in every region", Severity.MEDIUM, Set.of(AwsConfigRegion.KIND),
            List.of("CC4.1", "CC7.1"), CheckHelp.load(ConfigRecordingCheck.class, ID));

    @Override
    public CheckDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Stream<Finding> evaluate(Facts facts) {
        return facts.all(AwsConfigRegion.class).map(this::judge);
    }

    private Finding judge(AwsConfigRegion region) {
        String where = "region " + region.resource().region() + " of account " + region.resource().account();
        if (region.recorderName().isEmpty()) {
            return Finding.fail(descriptor, region, "AWS Config has no configuration recorder in " + where + ".");
        }
        String recorder = "The AWS Config recorder " + region.recorderName() + " in " + where;
        if (!region.recording()) {
            return Finding.fail(descriptor, region, recorder + " is not recording.");
        }
        List<String> weaknesses = new ArrayList<>();
        if (!region.allSupported()) {
            weaknesses.add("it records only selected resource types, so changes to the others leave no record");
        }
        if (region.lastStatus().equalsIgnoreCase("FAILURE")) {
            weaknesses.add("its last recording attempt failed (lastStatus " + region.lastStatus() + ")");
        }
        String scope = weaknesses.isEmpty()
                ? " every supported resource type"
                : ", but " + String.join(", and ", weaknesses);
        return Finding.pass(descriptor, region, recorder + " is recording" + scope + ".");
    }
}
