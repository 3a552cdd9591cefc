package dev.preflight.report;

import dev.preflight.dsl.RuleInfo;
import dev.preflight.dsl.Severity;
import dev.preflight.engine.ModuleCoverage;
import dev.preflight.engine.ReportedFinding;
import dev.preflight.source.Problem;
import dev.preflight.source.SourceFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a reporter may use, and nothing more: findings (suppressed ones marked), the inputs that could not be
 * read, the metadata of the rules that ran, and the files read (to show lines). Reporters never see the graph.
 * {@code sourceRootPrefix} is what to put before a finding's path to make it relative to the repository root
 * (empty, or ending in a slash), since SARIF consumers resolve paths against the repository, not the current
 * directory. {@code baselined} counts findings left out because the baseline accepts them; {@code moduleCalls}
 * the module calls loaded and those not checked. {@code coverage} maps a rule id to the files the rule ran on (those
 * with a resource of a kind it reads); a rule absent from it ran on nothing, and an empty map means not known.
 */
public record Report(ToolInfo tool, List<RuleInfo> rules, List<ReportedFinding> findings, List<Problem> problems,
                     Map<String, SourceFile> files, String sourceRootPrefix, int baselined,
                     ModuleCoverage moduleCalls, Map<String, Set<String>> coverage) {

    public Report {
        rules = List.copyOf(rules);
        findings = List.copyOf(findings);
        problems = List.copyOf(problems);
        files = Map.copyOf(files);
        moduleCalls = moduleCalls == null ? ModuleCoverage.NONE : moduleCalls;
        coverage = Map.copyOf(coverage);
    }

    /** A report without module calls or coverage: every rule counts as having run on every file read. */
    public Report(ToolInfo tool, List<RuleInfo> rules, List<ReportedFinding> findings, List<Problem> problems,
                  Map<String, SourceFile> files, String sourceRootPrefix, int baselined) {
        this(tool, rules, findings, problems, files, sourceRootPrefix, baselined, ModuleCoverage.NONE, Map.of());
    }

    /** A report without module calls. */
    public Report(ToolInfo tool, List<RuleInfo> rules, List<ReportedFinding> findings, List<Problem> problems,
                  Map<String, SourceFile> files, String sourceRootPrefix, int baselined,
                  Map<String, Set<String>> coverage) {
        this(tool, rules, findings, problems, files, sourceRootPrefix, baselined, ModuleCoverage.NONE, coverage);
    }

    /** A report without coverage. */
    public Report(ToolInfo tool, List<RuleInfo> rules, List<ReportedFinding> findings, List<Problem> problems,
                  Map<String, SourceFile> files, String sourceRootPrefix, int baselined, ModuleCoverage moduleCalls) {
        this(tool, rules, findings, problems, files, sourceRootPrefix, baselined, moduleCalls, Map.of());
    }

    /** The metadata of {@code ruleId}, when that rule is known. */
    public Optional<RuleInfo> rule(String ruleId) {
        return rules.stream().filter(r -> r.id().equals(ruleId)).findFirst();
    }

    /** The number of active (not suppressed) findings of {@code severity}. */
    public long count(Severity severity) {
        return findings.stream().filter(f -> !f.suppressed() && f.finding().severity() == severity).count();
    }

    public long suppressedCount() {
        return findings.stream().filter(ReportedFinding::suppressed).count();
    }

    /** The path of a finding's file relative to the repository root. */
    public String repositoryPath(String file) {
        return sourceRootPrefix + file;
    }
}
