package dev.preflight.graph;

import dev.preflight.source.Problem;
import java.util.List;

/** What a loader read from its inputs: resources for the graph, and the problems it met on the way. */
public record LoadResult(List<Resource> resources, List<Problem> problems) {
    public LoadResult {
        resources = List.copyOf(resources);
        problems = List.copyOf(problems);
    }
}
