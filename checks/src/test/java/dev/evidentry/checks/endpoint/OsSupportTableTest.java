package dev.evidentry.checks.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OsSupportTableTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-23");

    @Test
    void everyBuiltInRowParsesAndNamesItsSource() {
        OsSupportTable.load();
        List<OsSupportTable.Release> rows = builtInRows();
        assertThat(rows).hasSizeGreaterThan(50);
        assertThat(rows).allSatisfy(row -> assertThat(row.source()).isNotBlank());
        assertThat(rows).extracting(OsSupportTable.Release::product).containsOnly("macos", "windows",
                "windows-server", "ubuntu", "debian", "rhel", "centos", "centos-stream", "rocky", "almalinux", "amzn",
                "sles");
    }

    @Test
    void aUserTableAddsAndReplacesRows(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("os-support.csv");
        Files.writeString(file, "# our contracts\nwindows,19045,,2026-10-13,our Windows 10 ESU contract\n"
                + "fedora,41,,2025-11-19,Fedora Project\n");
        System.setProperty(OsSupportTable.TABLE_PROPERTY, file.toString());
        OsSupportTable table;
        try {
            table = OsSupportTable.load();
        } finally {
            System.clearProperty(OsSupportTable.TABLE_PROPERTY);
        }
        assertThat(table.judge(new OsRelease("windows", List.of(19045), "Windows 10 Pro"), LocalDate.parse(
                "2026-10-01")).reason()).isEqualTo("which receives security updates until 2026-10-13 (source: our "
                + "Windows 10 ESU contract)");
        assertThat(table.judge(new OsRelease("fedora", List.of(41), "Fedora Linux"), TODAY).status())
                .isEqualTo(OsSupportTable.Status.ENDED);
        assertThat(OsSupportTable.load().judge(new OsRelease("fedora", List.of(41), "Fedora Linux"), TODAY).reason())
                .isEqualTo("the support table has no dates for fedora; add its releases with "
                        + "evidentry.endpoint.osSupportTable");
    }

    @Test
    void aBadRowIsRejectedNamingTheFileAndLine() {
        assertThatThrownBy(() -> OsSupportTable.parse("mine.csv", "macos,15,,,ok\nmacos,fifteen,,,bad\n"))
                .hasMessage("mine.csv line 2: the product must be named and the version be dotted numbers such as 14"
                        + " or 22.04: \"macos,fifteen,,,bad\"");
        assertThatThrownBy(() -> OsSupportTable.parse("mine.csv", "macos,15,,next year,bad\n"))
                .hasMessage("mine.csv line 1: the end date must be an ISO date such as 2025-10-14 or empty: \"next"
                        + " year\"");
        assertThatThrownBy(() -> OsSupportTable.parse("mine.csv", "macos,15\n"))
                .hasMessageStartingWith("mine.csv line 1: expected product,version,editions,end date,source");
        System.setProperty(OsSupportTable.TABLE_PROPERTY, "/nonexistent/os-support.csv");
        try {
            assertThatThrownBy(OsSupportTable::load).hasMessageStartingWith("evidentry.endpoint.osSupportTable names "
                    + "/nonexistent/os-support.csv, which cannot be read");
        } finally {
            System.clearProperty(OsSupportTable.TABLE_PROPERTY);
        }
    }

    @Test
    void theLastDayOfUpdatesStillCountsAsSupported() {
        OsSupportTable table = new OsSupportTable(OsSupportTable.parse("t", "debian,11,,2026-08-31,Debian LTS\n"));
        OsRelease bullseye = new OsRelease("debian", List.of(11, 9), "Debian GNU/Linux");
        assertThat(table.judge(bullseye, LocalDate.parse("2026-08-31")).status())
                .isEqualTo(OsSupportTable.Status.SUPPORTED);
        assertThat(table.judge(bullseye, LocalDate.parse("2026-09-01")).status())
                .isEqualTo(OsSupportTable.Status.ENDED);
        assertThat(table.judge(new OsRelease("debian", List.of(10), "Debian"), TODAY).reason())
                .isEqualTo("older than debian 11, whose security updates ended on 2026-08-31");
    }

    private static List<OsSupportTable.Release> builtInRows() {
        try (var in = OsSupportTable.class.getResourceAsStream("os-support.csv")) {
            return OsSupportTable.parse("os-support.csv", new String(in.readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
