package dev.preflight.graph;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a scan loaded, for the summary and for judging precision: resources by format, Terraform root modules and
 * CloudFormation templates, edges, and how many property values are known or unknown, with the commonest reasons.
 */
public record GraphStatistics(int terraformModules, int templates, int resources, int edges, int knownValues,
                              int unknownValues, Map<String, Integer> topUnknownReasons) {

    public static GraphStatistics of(ResourceGraph graph) {
        Set<String> modules = new HashSet<>();
        Set<String> templates = new HashSet<>();
        int[] counts = new int[2];
        Map<String, Integer> reasons = new TreeMap<>();
        for (Resource r : graph.resources()) {
            (r.format() == Format.TERRAFORM ? modules : templates).add(r.id().scope());
            if (r.parent().isEmpty()) {
                count(r.properties(), counts, reasons);
            }
        }
        Map<String, Integer> top = new LinkedHashMap<>();
        reasons.entrySet().stream()
                .sorted((a, b) -> b.getValue() != a.getValue().intValue() ? b.getValue() - a.getValue()
                        : a.getKey().compareTo(b.getKey()))
                .limit(10).forEach(e -> top.put(e.getKey(), e.getValue()));
        return new GraphStatistics(modules.size(), templates.size(), graph.resources().size(), graph.edges().size(),
                counts[0], counts[1], top);
    }

    private static void count(Value v, int[] counts, Map<String, Integer> reasons) {
        if (v instanceof Value.MapValue m) {
            m.entries().values().forEach(x -> count(x, counts, reasons));
        } else if (v instanceof Value.ListValue l) {
            l.items().forEach(x -> count(x, counts, reasons));
        } else if (v instanceof Value.Unknown u) {
            counts[1]++;
            reasons.merge(shape(u.reason()), 1, Integer::sum);
        } else if (v.isKnown()) {
            counts[0]++;
        }
    }

    /** A reason with its names taken out, so that reasons of one kind count together. */
    static String shape(String reason) {
        String s = reason;
        int colon = s.indexOf(": ");
        if (colon > 0) {
            // "condition is not known: <inner reason>": the innermost cause is what matters
            List<String> parts = List.of(s.split(": "));
            s = parts.get(parts.size() - 1);
        }
        return s.replaceAll("`[^`]*`", "`…`").replaceAll("\"[^\"]*\"", "\"…\"")
                .replaceAll("'[^']*'", "'…'")
                .replaceAll("\\b[A-Za-z0-9_:-]+(\\.[A-Za-z0-9_*\\[\\]\"-]+)+", "…");
    }
}
