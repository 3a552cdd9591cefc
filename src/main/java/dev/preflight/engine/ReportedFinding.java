package dev.preflight.engine;

/**
 * A finding as reporters see it: the finding, the suppression that silences it (null when it is active) and its
 * line-independent {@link Fingerprint}.
 */
public record ReportedFinding(Finding finding, Suppression suppression, String fingerprint) {

    /** An active finding, with its fingerprint computed. */
    public static ReportedFinding active(Finding finding) {
        return new ReportedFinding(finding, null, Fingerprint.of(finding));
    }

    public boolean suppressed() {
        return suppression != null;
    }
}
