package dev.preflight.engine;

import dev.preflight.dsl.Finding;
import dev.preflight.dsl.Severity;
import dev.preflight.source.SourceFile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies the suppressions written in the scanned files: a suppressed finding stays in the report, marked, and no
 * longer counts for the exit code. A suppression without a reason still works but is itself reported, and so,
 * when asked, is a suppression that silenced nothing.
 */
public final class Suppressions {
    /** Reported where a suppression gives no reason. */
    public static final String WITHOUT_REASON = "suppression-without-reason";
    /** Reported, with {@code --report-unused-suppressions}, where a suppression silenced nothing. */
    public static final String UNUSED = "unused-suppression";

    /** Rules a suppression can never silence: the ones about suppressions, unusable input, failed rules. */
    private static final Set<String> UNSUPPRESSIBLE = Set.of(WITHOUT_REASON, UNUSED, Scanner.PARSE_ERROR,
            Scanner.INPUT_ERROR, RuleRunner.RULE_ERROR);

    private final List<Suppression> all;

    private Suppressions(List<Suppression> all) {
        this.all = List.copyOf(all);
    }

    /** The suppressions written in {@code files}, comments and CloudFormation metadata alike. */
    public static Suppressions in(Collection<SourceFile> files) {
        List<Suppression> found = new ArrayList<>();
        for (SourceFile f : files) {
            found.addAll(SuppressionComments.find(f));
            found.addAll(TemplateMetadataSuppressions.find(f));
        }
        return new Suppressions(found);
    }

    public List<Suppression> all() {
        return all;
    }

    /**
     * Marks the findings these suppressions cover and adds the findings about the suppressions themselves.
     * The result is in {@link Scanner#FINDING_ORDER}.
     */
    public List<ReportedFinding> apply(List<Finding> findings, boolean reportUnused) {
        Map<Suppression, Boolean> used = new IdentityHashMap<>();
        List<ReportedFinding> out = new ArrayList<>();
        for (Finding f : findings) {
            Suppression match = null;
            if (!UNSUPPRESSIBLE.contains(f.ruleId())) {
                for (Suppression s : all) {
                    if (s.covers(f)) {
                        match = s;
                        used.put(s, true);
                        break;
                    }
                }
            }
            out.add(ReportedFinding.of(f, match));
        }
        for (Suppression s : all) {
            if (!s.hasReason()) {
                out.add(ReportedFinding.active(new Finding(WITHOUT_REASON, Severity.WARNING,
                        "suppression of " + s.ruleId() + " gives no reason", s.where(), null, "ignore", s.ruleId(),
                        "Say why the finding does not apply, after the rule id: "
                                + "preflight:ignore " + s.ruleId() + " <reason>.")));
            }
            if (reportUnused && !used.containsKey(s)) {
                out.add(ReportedFinding.active(new Finding(UNUSED, Severity.WARNING,
                        "suppression of " + s.ruleId() + " matches no finding", s.where(), null, "ignore",
                        s.ruleId(), "Remove the suppression, or move it to the line or resource it is meant for.")));
            }
        }
        out.sort((a, b) -> Scanner.FINDING_ORDER.compare(a.finding(), b.finding()));
        return out;
    }
}
