package dev.preflight.cloudformation.syntax;

import dev.preflight.source.Problem;
import dev.preflight.source.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the entries of one mapping for either parser: reports duplicate keys with both lines (SnakeYAML keeps
 * them silently, Jackson's strict mode would stop at the first one) as {@link Problem#DUPLICATE_KEY} defects, not as
 * parse errors, and keeps the last value as CloudFormation does, so the rest of the file is checked as deployed, and turns a one-key mapping such as {@code {"Ref": "X"}} into the same {@link FunctionNode} as {@code !Ref X}.
 */
final class MappingCollector {
    private final List<MappingNode.Entry> entries = new ArrayList<>();
    private final Map<String, Integer> indexByKey = new HashMap<>();
    private final List<Problem> problems;

    MappingCollector(List<Problem> problems) {
        this.problems = problems;
    }

    void add(String key, Span keySpan, TemplateNode value) {
        MappingNode.Entry entry = new MappingNode.Entry(key, keySpan, value);
        Integer earlier = indexByKey.get(key);
        if (earlier == null) {
            indexByKey.put(key, entries.size());
            entries.add(entry);
            return;
        }
        Span first = entries.get(earlier).keySpan();
        problems.add(new Problem(keySpan, "duplicate key '" + key + "' (lines " + first.line() + " and "
                + keySpan.line() + "): the value of line " + keySpan.line() + " is read and line " + first.line()
                + " is ignored, as CloudFormation does, but `aws cloudformation package`/`deploy` and cfn-lint"
                + " reject the template", Problem.DUPLICATE_KEY));
        entries.set(earlier, entry);
    }

    /** The mapping, or the function call it spells in long form. */
    TemplateNode build(Span span) {
        if (entries.size() == 1) {
            MappingNode.Entry only = entries.get(0);
            if (Intrinsics.isLongFormKey(only.key(), only.value())) {
                return new FunctionNode(only.key(), only.value(), false, only.keySpan(), span);
            }
        }
        return new MappingNode(entries, span);
    }
}
