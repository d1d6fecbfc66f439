package dev.evidentry.core.testplugin.broken;

import dev.evidentry.spi.Check;
import dev.evidentry.spi.CheckDescriptor;
import dev.evidentry.spi.CheckHelp;
import dev.evidentry.spi.CheckPack;
import dev.evidentry.spi.Facts;
import dev.evidentry.spi.Finding;
import dev.evidentry.spi.Severity;
import dev.evidentry.spi.fact.HumanIdentity;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Two packs that both define {@code dupe.shared.check}; the second also has a check of its own. */
public final class DuplicateCheckPacks {

    private DuplicateCheckPacks() {
    }

    static Check check(String id) {
        CheckDescriptor descriptor = new CheckDescriptor(id, "Title of " + id, Severity.LOW,
                Set.of(HumanIdentity.KIND), List.of("CC6.1"), new CheckHelp("risk", "remediation"));
        return new Check() {
            @Override
            public CheckDescriptor descriptor() {
                return descriptor;
            }

            @Override
            public Stream<Finding> evaluate(Facts facts) {
                return Stream.empty();
            }
        };
    }

    public static final class First implements CheckPack {
        @Override
        public String id() {
            return "dupe-first";
        }

        @Override
        public List<Check> checks() {
            return List.of(check("dupe.shared.check"));
        }
    }

    public static final class Second implements CheckPack {
        @Override
        public String id() {
            return "dupe-second";
        }

        @Override
        public List<Check> checks() {
            return List.of(check("dupe.shared.check"), check("dupe.second.own"));
        }
    }

    /** Its id is blank. */
    public static final class BlankId implements CheckPack {
        @Override
        public String id() {
            return "";
        }

        @Override
        public List<Check> checks() {
            return List.of(check("dupe.blank.check"));
        }
    }

    /** Repeats the id of the first pack. */
    public static final class SameIdAsFirst implements CheckPack {
        @Override
        public String id() {
            return "dupe-first";
        }

        @Override
        public List<Check> checks() {
            return List.of(check("dupe.other.check"));
        }
    }
}
