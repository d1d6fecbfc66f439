package dev.evidentry.checks.endpoint;

import static dev.evidentry.checks.Fixtures.NOW;
import static dev.evidentry.checks.Fixtures.daysAgo;
import static dev.evidentry.checks.Fixtures.evaluate;
import static dev.evidentry.checks.Fixtures.evidence;
import static dev.evidentry.spi.Outcome.ERROR;
import static dev.evidentry.spi.Outcome.FAIL;
import static dev.evidentry.spi.Outcome.PASS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.evidentry.spi.Finding;
import dev.evidentry.spi.ResourceRef;
import dev.evidentry.spi.fact.EndpointOperatingSystem;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The built-in support table judged on the fixtures' day, 2026-11-23. */
class EndpointOsSupportedCheckTest {

    private final EndpointOsSupportedCheck check = new EndpointOsSupportedCheck(OsSupportTable.load(), 14);

    @Test
    void currentReleasesPassSayingUntilWhen() {
        assertThat(evaluate(check,
                os("a-mac", "macos", "macOS", "15.1.1", daysAgo(1)),
                os("b-win", "windows", "Microsoft Windows 11 Enterprise", "10.0.26100.2314", daysAgo(1)),
                os("c-srv", "linux", "Ubuntu", "22.04.4 LTS (Jammy Jellyfish)", daysAgo(1)),
                os("d-mac", "macos", "macOS", "27.0", daysAgo(1))))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(
                        tuple(PASS, "Endpoint a-mac runs macOS 15.1.1 (macos 15.1.1), which still receives security"
                                + " updates (source: Apple security releases)."),
                        tuple(PASS, "Endpoint b-win runs Microsoft Windows 11 Enterprise 10.0.26100.2314 (windows"
                                + " build 26100), which receives security updates until 2027-10-12 (source:"
                                + " Microsoft lifecycle: Windows 11 24H2)."),
                        tuple(PASS, "Endpoint c-srv runs Ubuntu 22.04.4 LTS (Jammy Jellyfish) (ubuntu 22.04.4), which"
                                + " receives security updates until 2027-04-30 (source: Canonical: standard security"
                                + " maintenance (Ubuntu Pro's ESM extends it))."),
                        tuple(PASS, "Endpoint d-mac runs macOS 27.0 (macos 27.0), newer than every macos release in"
                                + " the support table (the newest it knows is 26)."));
    }

    @Test
    void releasesPastTheirEndFailAndTheEditionDecidesWindowsDates() {
        assertThat(evaluate(check,
                os("a-win", "windows", "Microsoft Windows 11 Pro", "10.0.22631", daysAgo(1)),
                os("b-win", "windows", "Microsoft Windows 11 Enterprise", "10.0.22631", daysAgo(1)),
                os("c-win", "windows", "Microsoft Windows 10 Enterprise LTSC", "10.0.17763", daysAgo(1)),
                os("d-win", "windows", "Windows 10 Pro", "10.0.19045.5011", daysAgo(1)),
                os("e-srv", "linux", "Amazon Linux", "2", daysAgo(1)),
                os("f-mac", "macos", "macOS", "10.13.6", daysAgo(1)),
                os("g-srv", "windows", "Microsoft Windows Server 2008 R2", "6.1.7601", daysAgo(1)),
                os("h-win", "windows", "Microsoft Windows 7 Professional", "6.1.7601", daysAgo(1))))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(
                        tuple(FAIL, "Endpoint a-win runs Microsoft Windows 11 Pro 10.0.22631 (windows build 22631),"
                                + " whose security updates ended on 2025-11-11 (source: Microsoft lifecycle: Windows"
                                + " 11 23H2)."),
                        tuple(FAIL, "Endpoint b-win runs Microsoft Windows 11 Enterprise 10.0.22631 (windows build"
                                + " 22631), whose security updates ended on 2026-11-10 (source: Microsoft lifecycle:"
                                + " Windows 11 23H2)."),
                        tuple(PASS, "Endpoint c-win runs Microsoft Windows 10 Enterprise LTSC 10.0.17763 (windows"
                                + " build 17763), which receives security updates until 2029-01-09 (source: Microsoft"
                                + " lifecycle: Windows 10 Enterprise LTSC 2019)."),
                        tuple(FAIL, "Endpoint d-win runs Windows 10 Pro 10.0.19045.5011 (windows build 19045), whose"
                                + " security updates ended on 2025-10-14 (source: Microsoft lifecycle: Windows 10 22H2"
                                + " (paid Extended Security Updates not counted))."),
                        tuple(FAIL, "Endpoint e-srv runs Amazon Linux 2 (amzn 2), whose security updates ended on"
                                + " 2026-06-30 (source: AWS: Amazon Linux 2)."),
                        tuple(FAIL, "Endpoint f-mac runs macOS 10.13.6 (macos 10.13.6), whose security updates ended"
                                + " on 2022-10-24 (source: Apple security releases: last majors 10.x updated until"
                                + " macOS 13's release)."),
                        tuple(FAIL, "Endpoint g-srv runs Microsoft Windows Server 2008 R2 6.1.7601 (windows-server"
                                + " build 7601), older than windows-server 9600, whose security updates ended on"
                                + " 2023-10-10."),
                        tuple(FAIL, "Endpoint h-win runs Microsoft Windows 7 Professional 6.1.7601 (windows build"
                                + " 7601), older than windows 10240, whose security updates ended on 2017-05-09."));
    }

    @Test
    void anUnreportedEditionIsJudgedByTheEditionWhoseUpdatesEndFirst() {
        assertThat(evaluate(check, os("a-win", "windows", "Windows", "10.0.26100", daysAgo(1))))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(FAIL, "Endpoint a-win runs Windows 10.0.26100 (windows build 26100), whose"
                        + " security updates ended on 2026-10-13; its edition is not reported, so the edition whose"
                        + " updates end first counts (source: Microsoft lifecycle: Windows 11 24H2)."));
    }

    @Test
    void anUnknownReleaseOrProductIsAnErrorNamingTheWayOut() {
        assertThat(evaluate(check,
                os("a-win", "windows", "Windows 11 Pro", "Windows 11", daysAgo(1)),
                os("b-box", "linux", "Arch Linux", "rolling", daysAgo(1)),
                os("c-srv", "linux", "Ubuntu", "21.10", daysAgo(1)),
                os("d-box", "", "", "", daysAgo(1))))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(
                        tuple(ERROR, "Which operating system release endpoint a-win runs could not be seen: its"
                                + " sources report \"Windows 11 Pro Windows 11\"."),
                        tuple(ERROR, "Which operating system release endpoint b-box runs could not be seen: its"
                                + " sources report \"Arch Linux rolling\"."),
                        tuple(ERROR, "Whether endpoint c-srv's Ubuntu 21.10 still receives security updates could"
                                + " not be judged: ubuntu 21.10 is not in the support table; add it with"
                                + " evidentry.endpoint.osSupportTable."),
                        tuple(ERROR, "Which operating system release endpoint d-box runs could not be seen: its"
                                + " sources report nothing."));
    }

    @Test
    void aStaleDeviceIsJudgedOnItsLastReportAndSaysSo() {
        assertThat(evaluate(check, os("a-mac", "macos", "macOS", "14.7", daysAgo(40))))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(tuple(FAIL, "Endpoint a-mac runs macOS 14.7 (macos 14.7), whose security updates"
                        + " ended on 2026-09-15 (source: expected: Apple updates the current major and the two before"
                        + " it (macOS 27's release)). This is as of its last report, 40 days ago."));
    }

    @Test
    void falconsMacVersionAndAFalconWindowsBuildAreRead() {
        assertThat(evaluate(check,
                os("a-mac", "macos", "macOS", "Sonoma (14)", NOW.minusSeconds(60)),
                os("b-win", "windows", "Windows 11 Pro", "26200", NOW.minusSeconds(60))))
                .extracting(Finding::outcome)
                .containsExactly(FAIL, PASS);
    }

    private static EndpointOperatingSystem os(String host, String platform, String name, String version,
            Instant reported) {
        ResourceRef device = ResourceRef.global("endpoint", "fleet", "endpoint.device", "serial/SN-" + host, host);
        return new EndpointOperatingSystem(device, host, "SN-" + host, platform, name, version, null, reported, "",
                evidence('e'));
    }
}
