package dev.evidentry.core.bundle;

/** File names inside an evidence bundle (documented in docs/evidence-bundle.md). */
public final class BundleLayout {

    /** Version of the bundle's schema; bumped on any incompatible change to a file below. */
    public static final String SCHEMA_VERSION = "1.0.0";

    public static final String MANIFEST = "manifest.json";
    public static final String SIGNATURE = "manifest.sig";
    public static final String FINDINGS = "findings.jsonl";
    public static final String RESOURCES = "resources.jsonl";
    public static final String ISSUES = "issues.jsonl";
    public static final String CONTROLS = "controls.json";
    public static final String REPORT = "report.html";
    public static final String SARIF_DIRECTORY = "sarif";
    public static final String EVIDENCE_DIRECTORY = "evidence";
    /** Marks a directory as written by Evidentry, so a later scan may clear it; not part of the bundle. */
    public static final String MARKER = ".evidentry-bundle";

    private BundleLayout() {
    }
}
