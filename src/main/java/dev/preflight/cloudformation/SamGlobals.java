package dev.preflight.cloudformation;

import dev.preflight.cloudformation.syntax.MappingNode;
import dev.preflight.cloudformation.syntax.ScalarNode;
import dev.preflight.cloudformation.syntax.SequenceNode;
import dev.preflight.cloudformation.syntax.TemplateNode;
import dev.preflight.graph.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SAM's {@code Globals} section: properties that every {@code AWS::Serverless::<Type>} of a template under the
 * {@code AWS::Serverless-2016-10-31} transform inherits ({@code Globals.Function.Runtime} for each function). The
 * transform merges them before CloudFormation sees the template, so the graph holds the merged properties, and a
 * value from {@code Globals} keeps its span there, where a finding about it belongs. SAM's merge: the resource's own
 * scalar wins, maps are merged key by key, lists are the global items followed by the resource's. A resource's
 * {@code IgnoreGlobals} attribute ({@code "*"} or a list of property names) opts it out, wholly or in part.
 */
final class SamGlobals {
    private static final String SAM_TRANSFORM = "AWS::Serverless-2016-10-31";
    private static final String SAM_PREFIX = "AWS::Serverless::";
    private static final SamGlobals NONE = new SamGlobals(Map.of());

    /** The evaluated section of each resource type's short name ({@code Function}, {@code Api}). */
    private final Map<String, Value.MapValue> sections;

    private SamGlobals(Map<String, Value.MapValue> sections) {
        this.sections = sections;
    }

    /** The template's globals; none when the template is not a SAM template or has no {@code Globals}. */
    static SamGlobals of(TemplateContext context) {
        if (!isSam(context.section("Transform"))) {
            return NONE;
        }
        Optional<TemplateNode> globals = context.section("Globals");
        if (globals.isEmpty() || !(globals.get() instanceof MappingNode section)) {
            return NONE;
        }
        Map<String, Value.MapValue> sections = new LinkedHashMap<>();
        for (MappingNode.Entry e : section.entries()) {
            if (context.evaluator().evaluate(e.value()) instanceof Value.MapValue map) {
                sections.put(e.key(), map);
            }
        }
        return new SamGlobals(Map.copyOf(sections));
    }

    private static boolean isSam(Optional<TemplateNode> transform) {
        if (transform.isEmpty()) {
            return false;
        }
        List<TemplateNode> names = transform.get() instanceof SequenceNode s ? s.items() : List.of(transform.get());
        for (TemplateNode name : names) {
            if (name instanceof ScalarNode scalar && scalar.text().equals(SAM_TRANSFORM)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The properties of a resource of {@code type} with the globals of its type merged in, but for those its
     * {@code IgnoreGlobals} attribute names.
     */
    Map<String, Value> applyTo(String type, Map<String, Value> properties, Optional<TemplateNode> ignoreGlobals) {
        if (sections.isEmpty() || !type.startsWith(SAM_PREFIX)) {
            return properties;
        }
        Value.MapValue global = sections.get(type.substring(SAM_PREFIX.length()));
        if (global == null) {
            return properties;
        }
        Map<String, Value> inherited = new LinkedHashMap<>(global.entries());
        if (ignoreGlobals.isPresent()) {
            TemplateNode ignored = ignoreGlobals.get();
            if (ignored instanceof ScalarNode all && all.text().equals("*")) {
                return properties;
            }
            for (TemplateNode name : ignored instanceof SequenceNode s ? s.items() : List.of(ignored)) {
                if (name instanceof ScalarNode scalar) {
                    inherited.remove(scalar.text());
                }
            }
        }
        return merge(inherited, properties);
    }

    private static Map<String, Value> merge(Map<String, Value> global, Map<String, Value> own) {
        Map<String, Value> merged = new LinkedHashMap<>(own);
        for (Map.Entry<String, Value> g : global.entrySet()) {
            Value mine = own.get(g.getKey());
            merged.put(g.getKey(), mine == null ? g.getValue() : merge(g.getValue(), mine));
        }
        return merged;
    }

    private static Value merge(Value global, Value own) {
        if (global instanceof Value.MapValue g && own instanceof Value.MapValue o) {
            return new Value.MapValue(merge(g.entries(), o.entries()), o.span());
        }
        if (global instanceof Value.ListValue g && own instanceof Value.ListValue o) {
            List<Value> items = new ArrayList<>(g.items());
            items.addAll(o.items());
            return new Value.ListValue(items, o.span());
        }
        return own;
    }
}
