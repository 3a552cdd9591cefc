package dev.preflight.cli;

import dev.preflight.diagram.MermaidWriter;
import dev.preflight.diagram.StackDiagram;
import dev.preflight.diagram.StackDiagrams;
import dev.preflight.dsl.Finding;
import dev.preflight.engine.ReportedFinding;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.report.MarkdownReporter;
import dev.preflight.report.Report;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Markdown report as the CLI writes it: with a Mermaid picture of the part of each stack that has active
 * findings (at most {@link #PICTURES}, so a job summary stays small), and on GitHub Actions with links to the
 * commit's files ({@code GITHUB_SERVER_URL/GITHUB_REPOSITORY/blob/GITHUB_SHA/}).
 */
final class MarkdownSummary {
    static final int PICTURES = 5;

    private MarkdownSummary() {
    }

    static MarkdownReporter reporter(Report report, ResourceGraph graph, Map<String, String> env) {
        return new MarkdownReporter(linkBase(env), graph == null ? Map.of() : pictures(report, graph));
    }

    private static Map<String, String> pictures(Report report, ResourceGraph graph) {
        List<Finding> active = new ArrayList<>();
        for (ReportedFinding r : report.findings()) {
            if (!r.suppressed()) {
                active.add(r.finding());
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String scope : StackDiagrams.scopes(graph)) {
            if (out.size() == PICTURES) {
                break;
            }
            Optional<StackDiagram> part = StackDiagrams.aroundFindings(StackDiagrams.of(graph, scope, active));
            part.ifPresent(d -> out.put(scope, MermaidWriter.write(d)));
        }
        return out;
    }

    private static String linkBase(Map<String, String> env) {
        String server = env.get("GITHUB_SERVER_URL");
        String repository = env.get("GITHUB_REPOSITORY");
        String sha = env.get("GITHUB_SHA");
        if (server == null || repository == null || sha == null || server.isBlank() || repository.isBlank()
                || sha.isBlank()) {
            return "";
        }
        return server + "/" + repository + "/blob/" + sha + "/";
    }
}
