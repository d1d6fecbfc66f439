"""Writes an osqueryd snapshot result log for N hosts, the evidentry_* queries of docs/providers/endpoint/osquery.md in
their pack form, as osqueryd's filesystem logger writes them: the input of bench/endpoint-fleet.sh.

    python3 fleet.py N OUT_FILE

A third of the hosts are Windows laptops, the rest Macs; every twentieth has an unencrypted disk, every seventh no
agent running; reports are spread over the last 20 days so some hosts are stale.
"""
import json
import sys
import time

NOW = int(time.time())


def line(name, host, host_uuid, unix, rows):
    when = time.strftime("%a %b %d %H:%M:%S %Y UTC", time.gmtime(unix))
    return json.dumps({"snapshot": rows, "action": "snapshot", "name": name, "hostIdentifier": host,
                       "calendarTime": when, "unixTime": unix, "epoch": 0, "counter": 0, "numerics": False,
                       "decorations": {"host_uuid": host_uuid}}, separators=(",", ":"))


def host_lines(index):
    windows = index % 3 == 0
    host = ("WIN-%06d" if windows else "mac-%06d.local") % index
    host_uuid = "00000000-0000-4000-8000-%012d" % index
    unix = NOW - (index * 7919) % (20 * 86400)
    yield line("pack_evidentry_evidentry_system_info", host, host_uuid, unix,
               [{"hostname": host, "computer_name": host, "hardware_serial": "SN%08d" % index, "uuid": host_uuid}])
    if windows:
        yield line("pack_evidentry_evidentry_os", host, host_uuid, unix, [
            {"name": "Microsoft Windows 11 Enterprise", "version": "10.0.26100", "build": "26100",
             "platform": "windows", "platform_like": "windows"}])
        encrypted = "0" if index % 20 == 0 else "1"
        yield line("pack_evidentry_windows_evidentry_bitlocker", host, host_uuid, unix, [
            {"drive_letter": "C:", "protection_status": encrypted, "conversion_status": encrypted,
             "encryption_method": "XTS_AES_128", "percentage_encrypted": "100"}])
        yield line("pack_evidentry_windows_evidentry_antivirus", host, host_uuid, unix, [] if index % 7 == 0 else [
            {"type": "Antivirus", "name": "Microsoft Defender Antivirus", "state": "On", "state_timestamp": "",
             "signatures_up_to_date": "1"}])
        yield line("pack_evidentry_windows_evidentry_screenlock", host, host_uuid, unix,
                   [{"inactivity_timeout_secs": "900"}])
        yield line("pack_evidentry_windows_evidentry_patches", host, host_uuid, unix,
                   [{"last_installed": str(unix - 12 * 86400)}])
    else:
        yield line("pack_evidentry_evidentry_os", host, host_uuid, unix, [
            {"name": "macOS", "version": "15.1", "build": "24B83", "platform": "darwin", "platform_like": "darwin"}])
        encrypted = "0" if index % 20 == 1 else "1"
        yield line("pack_evidentry_posix_evidentry_disk_encryption", host, host_uuid, unix, [
            {"name": "/dev/disk3s1s1", "encrypted": encrypted, "type": "APFS Encryption",
             "encryption_status": "encrypted" if encrypted == "1" else "not encrypted",
             "filevault_status": "on" if encrypted == "1" else "off"}])
        yield line("pack_evidentry_posix_evidentry_antivirus", host, host_uuid, unix, [] if index % 7 == 1 else [
            {"name": "com.crowdstrike.falcon.Agent", "path": "/Library/SystemExtensions/x/com.crowdstrike.falcon.Agent",
             "pid": "412"}])
        yield line("pack_evidentry_darwin_evidentry_screenlock", host, host_uuid, unix,
                   [{"enabled": "1", "grace_period": "5", "idle_time": "300"}])
        yield line("pack_evidentry_darwin_evidentry_patches", host, host_uuid, unix,
                   [{"last_installed": str(unix - 40 * 86400 if index % 11 == 0 else unix - 3 * 86400)}])


def main():
    count, out = int(sys.argv[1]), sys.argv[2]
    with open(out, "w", encoding="utf-8") as file:
        for index in range(count):
            for text in host_lines(index):
                file.write(text + "\n")


if __name__ == "__main__":
    main()
