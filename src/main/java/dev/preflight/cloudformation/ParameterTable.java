package dev.preflight.cloudformation;

import dev.preflight.cloudformation.syntax.MappingNode;
import dev.preflight.cloudformation.syntax.ScalarNode;
import dev.preflight.cloudformation.syntax.ScalarType;
import dev.preflight.cloudformation.syntax.SequenceNode;
import dev.preflight.cloudformation.syntax.TemplateNode;
import dev.preflight.graph.Value;
import dev.preflight.source.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The template's parameters and the value each one has for this scan: the user's value, else the default, else
 * unknown. Values are strings, as {@code Ref} gives them (a {@code Number} parameter's {@code Ref} is a string too);
 * list types ({@code CommaDelimitedList}, {@code List<...>}) are lists of strings.
 */
final class ParameterTable {
    /** One declared parameter: its raw value (null when none) or why it has none. */
    private record Declared(String type, String raw, List<String> rawList, String whyUnknown) {
    }

    private final Map<String, Declared> declared = new HashMap<>();

    ParameterTable(Optional<TemplateNode> section, Map<String, String> given) {
        if (section.isEmpty() || !(section.get() instanceof MappingNode parameters)) {
            return;
        }
        for (MappingNode.Entry e : parameters.entries()) {
            declared.put(e.key(), declare(e.key(), e.value(), given.get(e.key())));
        }
    }

    private static Declared declare(String name, TemplateNode node, String given) {
        MappingNode spec = node instanceof MappingNode m ? m : null;
        String type = spec == null ? "String" : spec.get("Type").flatMap(ParameterTable::text).orElse("String");
        if (type.startsWith("AWS::SSM::Parameter::Value<")) {
            return new Declared(type, null, null, "parameter " + name
                    + " is read from SSM Parameter Store at deploy time");
        }
        if (given != null) {
            return new Declared(type, given, null, null);
        }
        Optional<TemplateNode> defaultNode = spec == null ? Optional.empty() : spec.get("Default");
        if (defaultNode.isEmpty()) {
            return new Declared(type, null, null, "parameter " + name + " has no default");
        }
        Optional<String> text = text(defaultNode.get());
        if (text.isPresent()) {
            return new Declared(type, text.get(), null, null);
        }
        if (defaultNode.get() instanceof SequenceNode seq) {
            // not valid CloudFormation (a default is a string), but its meaning is plain
            List<String> items = new ArrayList<>();
            for (TemplateNode item : seq.items()) {
                Optional<String> t = text(item);
                if (t.isEmpty()) {
                    return new Declared(type, null, null, "default of parameter " + name + " is not a string");
                }
                items.add(t.get());
            }
            return new Declared(type, null, items, null);
        }
        return new Declared(type, null, null, "default of parameter " + name + " is not a string");
    }

    private static Optional<String> text(TemplateNode node) {
        if (node instanceof ScalarNode s && s.type() != ScalarType.NULL) {
            return Optional.of(s.text());
        }
        return Optional.empty();
    }

    /** The parameter's value, placed at {@code useSite} so that findings point where it is used; empty if undeclared. */
    Optional<Value> valueAt(String name, Span useSite) {
        Declared d = declared.get(name);
        if (d == null) {
            return Optional.empty();
        }
        if (d.whyUnknown() != null) {
            return Optional.of(new Value.Unknown(d.whyUnknown(), useSite));
        }
        boolean listType = d.type().startsWith("List<") || d.type().equals("CommaDelimitedList");
        if (d.rawList() != null) {
            List<Value> items = new ArrayList<>();
            d.rawList().forEach(t -> items.add(new Value.Str(t, useSite)));
            return Optional.of(listType ? new Value.ListValue(items, useSite)
                    : new Value.Str(String.join(",", d.rawList()), useSite));
        }
        return Optional.of(listType ? listOf(d.raw(), useSite) : new Value.Str(d.raw(), useSite));
    }

    /** A comma-delimited list as CloudFormation splits it: members are trimmed; an empty text is an empty list. */
    static Value.ListValue listOf(String raw, Span useSite) {
        List<Value> items = new ArrayList<>();
        if (!raw.isBlank()) {
            for (String member : raw.split(",", -1)) {
                items.add(new Value.Str(member.trim(), useSite));
            }
        }
        return new Value.ListValue(items, useSite);
    }
}
