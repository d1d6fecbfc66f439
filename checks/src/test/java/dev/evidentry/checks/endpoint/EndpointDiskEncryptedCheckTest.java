package dev.evidentry.checks.endpoint;

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
import dev.evidentry.spi.fact.DiskEncryptionState;
import dev.evidentry.spi.fact.EndpointDiskEncryption;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EndpointDiskEncryptedCheckTest {

    private final EndpointDiskEncryptedCheck check = new EndpointDiskEncryptedCheck();

    @Test
    void anEncryptedSystemDiskPassesNamingTheMethod() {
        assertThat(evaluate(check,
                disk("a-mac", DiskEncryptionState.ENCRYPTED, "FileVault APFS Encryption", "", daysAgo(1)),
                disk("b-win", DiskEncryptionState.ENCRYPTED, "BitLocker XTS_AES_128", "", daysAgo(0)),
                disk("c-box", DiskEncryptionState.ENCRYPTED, "", "", daysAgo(0))))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(
                        tuple(PASS, "Endpoint a-mac encrypts its system disk with FileVault APFS Encryption."),
                        tuple(PASS, "Endpoint b-win encrypts its system disk with BitLocker XTS_AES_128."),
                        tuple(PASS, "Endpoint c-box encrypts its system disk."));
    }

    @Test
    void anUnencryptedDiskFailsAndAnUnseenOneIsAnError() {
        assertThat(evaluate(check,
                disk("a-linux", DiskEncryptionState.NOT_ENCRYPTED, "LUKS", "/dev/nvme0n1p2 not encrypted", daysAgo(0)),
                disk("b-win", DiskEncryptionState.NOT_ENCRYPTED, "BitLocker", "", daysAgo(0)),
                disk("c-mac", DiskEncryptionState.UNKNOWN, "", "no evidentry_disk_encryption results for this host",
                        daysAgo(0))))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(
                        tuple(FAIL, "Endpoint a-linux does not encrypt its system disk: /dev/nvme0n1p2 not encrypted."),
                        tuple(FAIL, "Endpoint b-win does not encrypt its system disk."),
                        tuple(ERROR, "The disk encryption of endpoint c-mac could not be seen: no"
                                + " evidentry_disk_encryption results for this host."));
    }

    @Test
    void aStaleDeviceIsJudgedOnItsLastReportAndSaysHowOldItIs() {
        assertThat(evaluate(check,
                disk("a-mac", DiskEncryptionState.ENCRYPTED, "FileVault", "", daysAgo(14)),
                disk("b-mac", DiskEncryptionState.NOT_ENCRYPTED, "FileVault", "", daysAgo(15)),
                disk("c-mac", DiskEncryptionState.ENCRYPTED, "FileVault", "", null)))
                .extracting(Finding::outcome, Finding::message)
                .containsExactly(
                        tuple(PASS, "Endpoint a-mac encrypts its system disk with FileVault."),
                        tuple(FAIL, "Endpoint b-mac does not encrypt its system disk. This is as of its last report,"
                                + " 15 days ago."),
                        tuple(PASS, "Endpoint c-mac encrypts its system disk with FileVault."));
    }

    @Test
    void eachFindingRestsOnTheFactsEvidence() {
        assertThat(evaluate(check, disk("a-mac", DiskEncryptionState.ENCRYPTED, "FileVault", "", daysAgo(0))))
                .extracting(Finding::evidence).containsExactly(evidence('d'));
    }

    private static EndpointDiskEncryption disk(String host, DiskEncryptionState state, String method, String detail,
            Instant reported) {
        ResourceRef device = ResourceRef.global("endpoint", "fleet", "endpoint.device", "serial/SN-" + host, host);
        return new EndpointDiskEncryption(device, host, "SN-" + host, state, method, reported, detail, evidence('d'));
    }
}
