package dev.preflight.engine;

import dev.preflight.dsl.Finding;
import dev.preflight.dsl.Infrastructure;
import dev.preflight.dsl.Rule;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.source.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Inputs loaded once, for checking rules one at a time as a test does: each rule's findings go through the same
 * steps as in a scan (a failing rule's {@code rule-error}, order, repeats from several module calls, suppressions),
 * so that a test and the command line agree. Rules that read declared kinds see the graph with their renames.
 */
public final class ScannedInfrastructure implements Infrastructure {
    private final ScanResult loaded;
    private final Suppressions suppressions;
    private final List<Finding> unreadable;
    /** Graphs with renames, by the renames' rules' kinds; the loaded graph when a rule declares none. */
    private final Map<List<?>, ResourceGraph> renamed = new HashMap<>();

    private ScannedInfrastructure(ScanResult loaded) {
        this.loaded = loaded;
        this.suppressions = Suppressions.in(loaded.files().values());
        this.unreadable = loaded.findings();
    }

    /**
     * Loads {@code paths} (files and directories, as {@code preflight scan} takes them) with Terraform
     * {@code variables} (HCL expressions, see {@link ScanRequest#stringVariable}) and CloudFormation
     * {@code parameters}; paths in findings are relative to {@code baseDir}.
     */
    public static ScannedInfrastructure load(List<Path> paths, Path baseDir, Map<String, String> variables,
                                             Map<String, String> parameters) {
        ScanRequest request = new ScanRequest(paths, baseDir, variables, parameters, List.of(),
                Runtime.getRuntime().availableProcessors());
        return new ScannedInfrastructure(new Scanner().scan(request));
    }

    @Override
    public ResourceGraph graph() {
        return loaded.graph();
    }

    @Override
    public synchronized List<Finding> findings(Rule rule) {
        ResourceGraph graph = graphFor(rule);
        RuleRunner.Outcome outcome = RuleRunner.run(rule, graph);
        List<Finding> findings = new ArrayList<>(outcome.findings());
        for (Problem p : outcome.failures()) {
            findings.add(RuleRunner.finding(p));
        }
        List<Finding> active = new ArrayList<>();
        String id = rule.info().id();
        for (ReportedFinding r : suppressions.apply(Scanner.presented(findings, loaded.callSites()), false)) {
            String ruleId = r.finding().ruleId();
            // the findings about suppressions themselves belong to a scan's report, not to this rule's check
            if (!r.suppressed() && (ruleId.equals(id) || ruleId.equals(RuleRunner.RULE_ERROR))) {
                active.add(r.finding());
            }
        }
        return active;
    }

    @Override
    public List<Finding> unreadable() {
        return unreadable;
    }

    private ResourceGraph graphFor(Rule rule) {
        if (rule.declaredKinds().isEmpty()) {
            return loaded.graph();
        }
        return renamed.computeIfAbsent(List.copyOf(rule.declaredKinds()), kinds -> {
            try {
                return new ResourceGraph(KindRenames.of(List.of(rule)).apply(loaded.graph().resources()));
            } catch (KindRenames.ConflictException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        });
    }
}
