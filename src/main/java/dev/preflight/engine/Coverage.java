package dev.preflight.engine;

import dev.preflight.dsl.Rule;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Which files each rule ran on: those holding a resource of a kind the rule reads (a rule that names no kind, such
 * as one selecting by type, ran on every file with a resource). A JUnit report shows a test case per rule and file
 * it ran on, so that "passed" means "looked and found nothing", not "never applied".
 */
final class Coverage {
    private Coverage() {
    }

    /** Rule id to the display paths, sorted, of the files it ran on, for the files {@code reported} accepts. */
    static Map<String, Set<String>> of(List<Rule> rules, ResourceGraph graph, Predicate<String> reported) {
        Map<Kind, Set<String>> filesByKind = new HashMap<>();
        Set<String> anyResource = new TreeSet<>();
        for (Resource r : graph.resources()) {
            if (reported.test(r.file())) { // a loop without lambdas: this runs in every pre-commit run
                Set<String> files = filesByKind.get(r.kind());
                if (files == null) {
                    files = new TreeSet<>();
                    filesByKind.put(r.kind(), files);
                }
                files.add(r.file());
                anyResource.add(r.file());
            }
        }
        Map<String, Set<String>> coverage = new TreeMap<>();
        for (Rule rule : rules) {
            List<Kind> kinds = rule.info().kinds();
            Set<String> files = new TreeSet<>(kinds.isEmpty() ? anyResource : Set.of());
            for (Kind k : kinds) {
                files.addAll(filesByKind.getOrDefault(k, Set.of()));
            }
            coverage.put(rule.info().id(), files);
        }
        return coverage;
    }
}
