"""The demo's device fleet: an osqueryd snapshot result log, as osqueryd's filesystem logger writes it
(--logger_plugin=filesystem, one JSON object a line: snapshot, action, name, hostIdentifier, calendarTime, unixTime,
epoch, counter, numerics, decorations), for the queries docs/providers/endpoint/osquery.md tells users to deploy, named in
their pack form (pack_<pack>_<query>). The rows follow the endpoint provider's own osquery fixtures
(providers/endpoint/src/test/resources/osquery, whose README names the osquery documentation they follow).

The endpoint checks measure a report's age against the scan's clock, so the times cannot be fixed: this writes a
template, src/main/resources/demo-estate/endpoint/osqueryd.snapshots.log.template, in which @@calendarTime-<s>@@ and
@@unixTime-<s>@@ stand for <s> seconds before the demo starts. DemoEstate fills them in (calendarTime as osquery's
asctime form, "Mon Nov  2 09:00:00 2026 UTC") into a temporary directory at start, and deletes it at close.
"""
import json
import os

HOUR = 3600
DAY = 24 * HOUR

# --- the fleet -----------------------------------------------------------------------------------------------------
# host, serial, host uuid, os (name, version, build, platform), last report (seconds before the demo),
# disk (root volume, encrypted, type) or BitLocker ("bitlocker", protection_status, conversion_status, method),
# antivirus (processes [(name, path, pid)], or Windows Security Center [(name, state, signatures_up_to_date)]),
# screen lock (macOS (enabled, grace, idle seconds), Windows inactivity seconds, Linux graphical processes counted,
# None: not reported),
# the query whose line osqueryd was killed while writing (None: every line whole)
FLEET = [
    # a MacBook as it should be: FileVault on, CrowdStrike Falcon running, locks after 5 minutes
    ("ana-mbp.local", "C02ANA00MBP1", "5A1C3E2B-0D4F-4B6A-9C8E-7F1A2B3C4D01",
     ("macOS", "26.1", "25B78", "darwin"), 1 * HOUR,
     ("/dev/disk3s1s1", "1", "APFS Encryption"),
     [("com.crowdstrike.falcon.Agent", "/Library/SystemExtensions/5DB95FC1-9F06-4E50-B1A4-2C0F2B1E9B2A/"
       "com.crowdstrike.falcon.Agent.systemextension/Contents/MacOS/com.crowdstrike.falcon.Agent", "412")],
     ("1", "5", "300"), None),
    # a Windows laptop that never turned BitLocker on; Defender on, 15-minute machine inactivity limit
    ("BEN-WIN", "PF4BEN02", "9F1E2D3C-4B5A-6978-8796-A5B4C3D2E102",
     ("Microsoft Windows 11 Pro", "10.0.22631", "22631", "windows"), 2 * HOUR,
     ("bitlocker", "0", "0", ""),
     [("Microsoft Defender Antivirus", "On", "1")],
     "900", None),
    # a Linux server with ClamAV and LUKS that stopped reporting 30 days ago; no display, so no screen to lock
    ("backup-01", "VMW-42-1f-8c-3d", "42B1F8C3-D7E9-4A10-8B2C-3D4E5F6A7B03",
     ("Ubuntu", "24.04.1 LTS (Noble Numbat)", "", "ubuntu"), 30 * DAY,
     ("/dev/mapper/dm_crypt-0", "1", "crypt"),
     [("clamd", "/usr/sbin/clamd", "1187")],
     "0", None),
    # a MacBook whose screen saver starts only after an hour
    ("cleo-mbp.local", "C02CLEO0MBP4", "6B2D4F3C-1E5A-4C7B-8D9F-0A1B2C3D4E04",
     ("macOS", "15.1", "24B83", "darwin"), 3 * HOUR,
     ("/dev/disk3s1s1", "1", "APFS Encryption"),
     [("com.crowdstrike.falcon.Agent", "/Library/SystemExtensions/5DB95FC1-9F06-4E50-B1A4-2C0F2B1E9B2A/"
       "com.crowdstrike.falcon.Agent.systemextension/Contents/MacOS/com.crowdstrike.falcon.Agent", "388")],
     ("1", "0", "3600"), None),
    # a MacBook whose disk-encryption line was cut off mid-write (osqueryd stopped while logging)
    ("dev-mbp.local", "C02DEV00MBP5", "7C3E5A4D-2F6B-4D8C-9EA0-1B2C3D4E5F05",
     ("macOS", "14.7", "23H124", "darwin"), 1 * HOUR,
     ("/dev/disk3s1s1", "1", "APFS Encryption"),
     [("sentineld", "/Library/Sentinel/sentinel-agent.bundle/Contents/MacOS/sentineld", "501")],
     ("1", "5", "600"), "evidentry_disk_encryption"),
]
# when each host last installed updates, as evidentry_patches reports it (seconds before the demo; absent: no line):
# Ana's Mac a week ago, Ben's laptop and the silent server long ago, Dev's Mac two days ago
PATCHED = {
    "ana-mbp.local": 6 * DAY,
    "BEN-WIN": 45 * DAY,
    "backup-01": 62 * DAY,
    "dev-mbp.local": 2 * DAY,
}
# the query names as osqueryd logs them from the packs in docs/providers/endpoint/osquery.md
PACKS = {
    "evidentry_system_info": "pack_evidentry_evidentry_system_info",
    "evidentry_os": "pack_evidentry_evidentry_os",
    "evidentry_disk_encryption": "pack_evidentry_posix_evidentry_disk_encryption",
    "evidentry_antivirus_posix": "pack_evidentry_posix_evidentry_antivirus",
    "evidentry_screenlock_darwin": "pack_evidentry_darwin_evidentry_screenlock",
    "evidentry_bitlocker": "pack_evidentry_windows_evidentry_bitlocker",
    "evidentry_antivirus_windows": "pack_evidentry_windows_evidentry_antivirus",
    "evidentry_screenlock_windows": "pack_evidentry_windows_evidentry_screenlock",
    "evidentry_screenlock_linux": "pack_evidentry_linux_evidentry_screenlock",
    "evidentry_patches_darwin": "pack_evidentry_darwin_evidentry_patches",
    "evidentry_patches_linux": "pack_evidentry_linux_evidentry_patches",
    "evidentry_patches_windows": "pack_evidentry_windows_evidentry_patches",
}

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "main", "resources", "demo-estate", "endpoint")
TEMPLATE = "osqueryd.snapshots.log.template"


def line(name, host, host_uuid, age, rows):
    """One snapshot result line, its keys in osqueryd's order; times are DemoEstate's placeholders."""
    text = json.dumps({"snapshot": rows, "action": "snapshot", "name": PACKS[name], "hostIdentifier": host,
                       "calendarTime": "@@calendarTime-%d@@" % age, "unixTime": "@@unixTime-%d@@" % age,
                       "epoch": 0, "counter": 0, "numerics": False, "decorations": {"host_uuid": host_uuid}},
                      separators=(",", ":"))
    # unixTime is a number in osqueryd's lines: the placeholder stands bare
    return text.replace('"@@unixTime-%d@@"' % age, "@@unixTime-%d@@" % age)


def host_lines(device):
    host, serial, host_uuid, (os_name, version, build, platform), age, disk, antivirus, screen, cut = device
    short = host.split(".")[0]
    yield "evidentry_system_info", line("evidentry_system_info", host, host_uuid, age, [
        {"hostname": host, "computer_name": short, "hardware_serial": serial, "uuid": host_uuid}])
    yield "evidentry_os", line("evidentry_os", host, host_uuid, age, [
        {"name": os_name, "version": version, "build": build, "platform": platform,
         "platform_like": "debian" if platform == "ubuntu" else platform}])
    if disk[0] == "bitlocker":
        _, protection, conversion, method = disk
        yield "evidentry_bitlocker", line("evidentry_bitlocker", host, host_uuid, age, [
            {"drive_letter": "C:", "protection_status": protection, "conversion_status": conversion,
             "encryption_method": method or "None", "percentage_encrypted": "100" if conversion == "1" else "0"}])
    else:
        volume, encrypted, kind = disk
        row = {"name": volume, "encrypted": encrypted, "type": kind,
               "encryption_status": "encrypted" if encrypted == "1" else "not encrypted"}
        if platform == "darwin":
            row["filevault_status"] = "on" if encrypted == "1" else "off"
        yield "evidentry_disk_encryption", line("evidentry_disk_encryption", host, host_uuid, age, [row])
    if platform == "windows":
        yield "evidentry_antivirus", line("evidentry_antivirus_windows", host, host_uuid, age, [
            {"type": "Antivirus", "name": name, "state": state, "state_timestamp": "",
             "signatures_up_to_date": current} for name, state, current in antivirus])
        if screen is not None:
            yield "evidentry_screenlock", line("evidentry_screenlock_windows", host, host_uuid, age, [
                {"inactivity_timeout_secs": screen}])
    else:
        yield "evidentry_antivirus", line("evidentry_antivirus_posix", host, host_uuid, age, [
            {"name": name, "path": path, "pid": pid} for name, path, pid in antivirus])
        if screen is not None and platform == "darwin":
            enabled, grace, idle = screen
            yield "evidentry_screenlock", line("evidentry_screenlock_darwin", host, host_uuid, age, [
                {"enabled": enabled, "grace_period": grace, "idle_time": idle}])
        elif screen is not None:
            yield "evidentry_screenlock", line("evidentry_screenlock_linux", host, host_uuid, age, [
                {"graphical_processes": screen}])
    if host in PATCHED:
        pack = {"windows": "windows", "darwin": "darwin"}.get(platform, "linux")
        # a string, as osquery logs columns without numerics; DemoEstate fills in the Unix seconds
        yield "evidentry_patches", line("evidentry_patches_" + pack, host, host_uuid, age, [
            {"last_installed": "@@unixTime-%d@@" % PATCHED[host]}])


def lines():
    for device in FLEET:
        cut = device[-1]
        for query, text in host_lines(device):
            # osqueryd stopped while writing this line: its first half is all that reached the file
            yield text[:len(text) // 2] if query == cut else text


def main():
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, TEMPLATE)
    written = list(lines())
    with open(path, "w", encoding="utf-8") as file:
        file.write("\n".join(written) + "\n")
    print("wrote %d result lines to %s" % (len(written), os.path.normpath(path)))


if __name__ == "__main__":
    main()
