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
 * The template's parameters and the value each one has for this scan: the value a parent stack passes (for a nested
 * stack) or the user's value (for a template deployed on its own), else the default, else unknown. Values are
 * strings, as {@code Ref} gives them (a {@code Number} parameter's {@code Ref} is a string too); list types
 * ({@code CommaDelimitedList}, {@code List<...>}) are lists of strings, which a parent passes joined by commas.
 */
final class ParameterTable {
    /**
     * One declared parameter: its raw value (null when none) or why it has none; {@code origin} is where the value is
     * written (the default, or the declaration for a value given by the user) and {@code note} names that place.
     */
    private record Declared(String type, String raw, List<String> rawList, String whyUnknown, Span origin,
                            String note) {
        Declared(String type, String whyUnknown) {
            this(type, null, null, whyUnknown, null, null);
        }
    }

    private final Map<String, Declared> declared = new HashMap<>();
    private final ParameterBindings bindings;

    /**
     * @param given    the user's values, for a template deployed on its own
     * @param bindings what a parent stack passes, for a nested stack ({@link ParameterBindings#NONE} otherwise)
     */
    ParameterTable(Optional<TemplateNode> section, Map<String, String> given, ParameterBindings bindings) {
        this.bindings = bindings;
        if (section.isEmpty() || !(section.get() instanceof MappingNode parameters)) {
            return;
        }
        for (MappingNode.Entry e : parameters.entries()) {
            declared.put(e.key(), declare(e.key(), e.keySpan(), e.value(), given.get(e.key())));
        }
    }

    private static Declared declare(String name, Span declaredAt, TemplateNode node, String given) {
        MappingNode spec = node instanceof MappingNode m ? m : null;
        String type = spec == null ? "String" : spec.get("Type").flatMap(ParameterTable::text).orElse("String");
        if (type.startsWith("AWS::SSM::Parameter::Value<")) {
            return new Declared(type, "parameter " + name + " is read from SSM Parameter Store at deploy time");
        }
        if (given != null) {
            return new Declared(type, given, null, null, declaredAt,
                    "parameter " + name + ", given on the command line or in the config file");
        }
        Optional<TemplateNode> defaultNode = spec == null ? Optional.empty() : spec.get("Default");
        if (defaultNode.isEmpty()) {
            return new Declared(type, "parameter " + name + " has no default");
        }
        Optional<String> text = text(defaultNode.get());
        String note = "default of parameter " + name;
        if (text.isPresent()) {
            return new Declared(type, text.get(), null, null, defaultNode.get().span(), note);
        }
        if (defaultNode.get() instanceof SequenceNode seq) {
            // not valid CloudFormation (a default is a string), but its meaning is plain
            List<String> items = new ArrayList<>();
            for (TemplateNode item : seq.items()) {
                Optional<String> t = text(item);
                if (t.isEmpty()) {
                    return new Declared(type, "default of parameter " + name + " is not a string");
                }
                items.add(t.get());
            }
            return new Declared(type, null, items, null, defaultNode.get().span(), note);
        }
        return new Declared(type, "default of parameter " + name + " is not a string");
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
        boolean listType = d.type().startsWith("List<") || d.type().equals("CommaDelimitedList");
        if (!d.type().startsWith("AWS::SSM::Parameter::Value<")) {
            Optional<Value> passed = bindings.passed(name);
            if (passed.isPresent()) {
                return Optional.of(asPassed(passed.get(), listType, useSite));
            }
        }
        if (d.whyUnknown() != null) {
            return Optional.of(new Value.Unknown(d.whyUnknown(), useSite));
        }
        Value atOrigin;
        if (d.rawList() != null) {
            List<Value> items = new ArrayList<>();
            d.rawList().forEach(t -> items.add(new Value.Str(t, d.origin())));
            atOrigin = listType ? new Value.ListValue(items, d.origin())
                    : new Value.Str(String.join(",", d.rawList()), d.origin());
        } else {
            atOrigin = listType ? listOf(d.raw(), d.origin()) : new Value.Str(d.raw(), d.origin());
        }
        return Optional.of(placedAt(atOrigin, useSite, d.note()));
    }

    /**
     * The value at its use, remembering where it is written: a list's members too, since rules read them one by one
     * and a finding about a member points at the use, as before.
     */
    private static Value placedAt(Value atOrigin, Span useSite, String note) {
        if (atOrigin instanceof Value.ListValue list) {
            List<Value> items = new ArrayList<>();
            list.items().forEach(item -> items.add(item.via(useSite, note)));
            return new Value.ListValue(items, useSite, new dev.preflight.graph.Provenance(list, note));
        }
        return atOrigin.via(useSite, note);
    }

    /**
     * A value a parent passes, as the parameter gives it: a list type splits the text at its commas (a joined list
     * of references splits into the references), and the whole value is placed where the parameter is used, so
     * findings stay in the nested template.
     */
    private static Value asPassed(Value passed, boolean listType, Span useSite) {
        Optional<String> text = Values.text(passed);
        if (text.isPresent()) {
            return listType ? listOf(text.get(), useSite) : new Value.Str(text.get(), useSite);
        }
        if (!listType || passed instanceof Value.Unknown || passed instanceof Value.ListValue) {
            return Relocated.at(passed, useSite);
        }
        if (passed instanceof Value.Template joined) {
            return Relocated.at(TextSplitter.split(joined, ",", true, joined.span()), useSite);
        }
        // one reference is a list of one item
        return new Value.ListValue(List.of(Relocated.at(passed, useSite)), useSite);
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
