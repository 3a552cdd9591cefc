package dev.preflight.engine;

import dev.preflight.dsl.Finding;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.source.Problem;
import dev.preflight.source.Skipped;
import dev.preflight.source.SourceFile;
import dev.preflight.terraform.CallSites;
import dev.preflight.terraform.ModuleCallStatus;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a scan: findings sorted by file, line, column and rule; the inputs that could not be read; the
 * files read (reporters show their lines); the graph, for statistics; the inputs left out on purpose (tools'
 * folders, YAML and JSON files that are not templates), for {@code --verbose}; and every Terraform module call,
 * loaded or left unknown, with where findings in installed module code are reported ({@code callSites}).
 */
public record ScanResult(List<Finding> findings, List<Problem> problems, Map<String, SourceFile> files,
                         ResourceGraph graph, List<Skipped> skipped, List<ModuleCallStatus> moduleCalls,
                         CallSites callSites) {
    public ScanResult {
        findings = List.copyOf(findings);
        problems = List.copyOf(problems);
        files = Map.copyOf(files);
        skipped = List.copyOf(skipped);
        moduleCalls = List.copyOf(moduleCalls);
    }

    /** A result with nothing skipped and no module calls. */
    public ScanResult(List<Finding> findings, List<Problem> problems, Map<String, SourceFile> files,
                      ResourceGraph graph) {
        this(findings, problems, files, graph, List.of(), List.of(), CallSites.NONE);
    }
}
