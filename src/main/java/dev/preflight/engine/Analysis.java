package dev.preflight.engine;

import dev.preflight.dsl.Finding;
import dev.preflight.dsl.Severity;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.source.Problem;
import dev.preflight.source.Skipped;
import dev.preflight.source.SourceFile;
import dev.preflight.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One scan with everything a user configured around it: which files, severity overrides, suppressions and the
 * baseline. The scanner finds; this decides what is reported and how it counts.
 */
public final class Analysis {
    private final Map<String, Severity> severityOverrides;
    private final boolean reportUnusedSuppressions;
    private final Baseline baseline;
    private final Set<String> disabledRules;

    /**
     * @param severityOverrides        rule id to the severity its findings get instead of the rule's own
     * @param reportUnusedSuppressions report suppressions that silence nothing
     * @param baseline                 accepted findings to leave out, or null
     * @param disabledRules            rule ids whose findings are dropped; for the engine's own checks (the
     *                                 rules in the request are the ones that run)
     */
    public Analysis(Map<String, Severity> severityOverrides, boolean reportUnusedSuppressions, Baseline baseline,
                    Set<String> disabledRules) {
        this.severityOverrides = Map.copyOf(severityOverrides);
        this.disabledRules = Set.copyOf(disabledRules);
        this.reportUnusedSuppressions = reportUnusedSuppressions;
        this.baseline = baseline;
    }

    /**
     * What a scan produced, as reporters and the gate see it. {@code baselined} counts the findings left out;
     * {@code skipped} lists the inputs left out on purpose, for {@code --verbose}; {@code moduleCalls} says how many
     * module calls were loaded and how many were not checked; {@code graph} is the scan's graph, for pictures of the
     * stack (null when not kept); {@code coverage} maps each rule that ran to the files it ran on (see
     * {@link Coverage}).
     */
    public record Outcome(List<ReportedFinding> findings, List<Problem> problems, Map<String, SourceFile> files,
                          int baselined, List<Skipped> skipped, ModuleCoverage moduleCalls, ResourceGraph graph,
                          Map<String, Set<String>> coverage) {
        public Outcome {
            findings = List.copyOf(findings);
            problems = List.copyOf(problems);
            files = Map.copyOf(files);
            skipped = List.copyOf(skipped);
            coverage = Map.copyOf(coverage);
        }

        /** An outcome with nothing skipped, no module calls, no graph and no coverage. */
        public Outcome(List<ReportedFinding> findings, List<Problem> problems, Map<String, SourceFile> files,
                       int baselined) {
            this(findings, problems, files, baselined, List.of(), ModuleCoverage.NONE, null, Map.of());
        }

        /** The same outcome with only {@code remaining} of its findings, the others counted as baselined. */
        public Outcome withBaselined(List<ReportedFinding> remaining) {
            return new Outcome(remaining, problems, files, findings.size() - remaining.size(), skipped, moduleCalls,
                    graph, coverage);
        }
    }

    /** Scans the selected inputs with {@code request}'s rules and settings. */
    public Outcome run(ScanRequest request, InputSelection.Selected selected) {
        ScanRequest scoped = new ScanRequest(selected.paths(), request.baseDir(), request.variables(),
                request.parameters(), request.ruleSource(), request.threads());
        ScanResult result = new Scanner().scan(scoped);
        Outcome outcome = judge(result, selected, request);
        Timings.mark("apply suppressions and baseline");
        return outcome;
    }

    /** Applies scope, severity overrides, suppressions and baseline to a finished scan. */
    Outcome judge(ScanResult result, InputSelection.Selected selected, ScanRequest request) {
        List<Finding> findings = new ArrayList<>();
        for (Finding f : result.findings()) {
            // a rule that failed is shown wherever it failed: it counts for the exit code either way
            if (selected.inScope(request.baseDir(), f.span().file()) || f.ruleId().equals(RuleRunner.RULE_ERROR)) {
                findings.add(f);
            }
        }
        List<Problem> problems = new ArrayList<>(result.problems());
        List<Problem> unrecognized = new ArrayList<>(selected.problems());
        List<Skipped> skipped = new ArrayList<>();
        for (Skipped s : result.skipped()) {
            if (selected.mustBeInput(request.baseDir(), s.path())) {
                unrecognized.add(new Problem(new Span(s.path(), 1, 1, 1, 1), s.reason()));
            } else {
                skipped.add(s);
            }
        }
        for (Problem p : unrecognized) {
            problems.add(p);
            findings.add(Scanner.finding(p));
        }
        Map<String, SourceFile> inScope = new LinkedHashMap<>();
        result.files().forEach((name, file) -> {
            if (selected.inScope(request.baseDir(), name)) {
                inScope.put(name, file);
            }
        });
        findings.sort(Scanner.FINDING_ORDER);
        List<ReportedFinding> reported = Suppressions.in(inScope.values()).apply(findings, reportUnusedSuppressions);
        reported = reported.stream().filter(r -> !disabledRules.contains(r.finding().ruleId()))
                .map(this::withOverriddenSeverity).toList();
        int before = reported.size();
        if (baseline != null) {
            reported = baseline.newFindings(reported);
        }
        ModuleCoverage modules = ModuleCalls.count(result.moduleCalls(),
                file -> selected.inScope(request.baseDir(), file));
        Map<String, Set<String>> coverage = Coverage.of(request.rules(), result.graph(),
                file -> selected.inScope(request.baseDir(), file));
        return new Outcome(reported, problems, inScope, before - reported.size(), skipped, modules, result.graph(),
                coverage);
    }

    /** Applied last, so that it also reaches the findings about suppressions. */
    private ReportedFinding withOverriddenSeverity(ReportedFinding r) {
        Finding f = r.finding();
        Severity s = severityOverrides.get(f.ruleId());
        if (s == null || s == f.severity()) {
            return r;
        }
        // the fingerprint leaves the severity out, so the overridden finding keeps its identity
        return ReportedFinding.of(f.withSeverity(s), r.suppression());
    }
}
