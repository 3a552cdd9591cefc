package dev.preflight.engine;

import dev.preflight.dsl.Finding;
import java.util.Objects;

/**
 * A finding as reporters see it: the finding, the suppression that silences it (null when it is active) and its
 * line-independent {@link Fingerprint}.
 *
 * <p>Not a record because the fingerprint is computed on first use: only the baseline, JSON and SARIF read it, and
 * the first SHA-256 of a run initialises the JDK's security providers, a cost a pre-commit run with text output
 * should not pay.
 */
public final class ReportedFinding {
    private final Finding finding;
    private final Suppression suppression;
    private String fingerprint;

    /** A finding with a fingerprint already known (one carried over from another finding, or a test's). */
    public ReportedFinding(Finding finding, Suppression suppression, String fingerprint) {
        this.finding = Objects.requireNonNull(finding);
        this.suppression = suppression;
        this.fingerprint = Objects.requireNonNull(fingerprint);
    }

    private ReportedFinding(Finding finding, Suppression suppression) {
        this.finding = Objects.requireNonNull(finding);
        this.suppression = suppression;
    }

    /** {@code finding}, silenced by {@code suppression} when that is not null; its fingerprint computed when asked. */
    public static ReportedFinding of(Finding finding, Suppression suppression) {
        return new ReportedFinding(finding, suppression);
    }

    /** An active finding. */
    public static ReportedFinding active(Finding finding) {
        return new ReportedFinding(finding, null);
    }

    public Finding finding() {
        return finding;
    }

    public Suppression suppression() {
        return suppression;
    }

    /** The line-independent identity of the finding: 32 hex digits. Safe to call from several threads. */
    public synchronized String fingerprint() {
        if (fingerprint == null) {
            fingerprint = Fingerprint.of(finding);
        }
        return fingerprint;
    }

    public boolean suppressed() {
        return suppression != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReportedFinding other && finding.equals(other.finding)
                && Objects.equals(suppression, other.suppression) && fingerprint().equals(other.fingerprint());
    }

    @Override
    public int hashCode() {
        return 31 * finding.hashCode() + Objects.hashCode(suppression);
    }

    @Override
    public String toString() {
        return "ReportedFinding[finding=" + finding + ", suppression=" + suppression + "]";
    }
}
