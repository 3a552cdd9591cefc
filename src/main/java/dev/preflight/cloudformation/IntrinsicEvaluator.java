package dev.preflight.cloudformation;

import dev.preflight.cloudformation.syntax.FunctionNode;
import dev.preflight.cloudformation.syntax.Intrinsics;
import dev.preflight.cloudformation.syntax.InvalidNode;
import dev.preflight.cloudformation.syntax.MappingNode;
import dev.preflight.cloudformation.syntax.ScalarNode;
import dev.preflight.cloudformation.syntax.SequenceNode;
import dev.preflight.cloudformation.syntax.TemplateNode;
import dev.preflight.graph.Value;
import dev.preflight.source.Span;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns template nodes into graph {@link Value}s, evaluating intrinsic functions where their inputs are known.
 * Values derived from parameters or functions carry the span of the call, so findings point at the property.
 * <p>
 * Scalars: CloudFormation passes every scalar to the API as a string, but a plain {@code 80} or {@code true} is kept
 * as {@link Value.Num} / {@link Value.Bool} so rules can compare numbers; quoted ones stay {@link Value.Str}.
 */
final class IntrinsicEvaluator {
    /** How a stack resource's outputs are named as attributes: {@code !GetAtt Network.Outputs.VpcId}. */
    private static final String NESTED_OUTPUT = "Outputs.";
    private final TemplateContext context;

    IntrinsicEvaluator(TemplateContext context) {
        this.context = context;
    }

    /** The value of {@code node}. */
    Value evaluate(TemplateNode node) {
        if (node instanceof ScalarNode s) {
            return scalar(s);
        }
        if (node instanceof SequenceNode s) {
            List<Value> items = new ArrayList<>();
            for (TemplateNode item : s.items()) {
                Value v = evaluate(item);
                // an item that is AWS::NoValue (usually through Fn::If) is removed from the list
                if (!(item instanceof FunctionNode && v instanceof Value.Null)) {
                    items.add(v);
                }
            }
            return new Value.ListValue(items, s.span());
        }
        if (node instanceof MappingNode m) {
            Map<String, Value> entries = new LinkedHashMap<>();
            for (MappingNode.Entry e : m.entries()) {
                entries.put(e.key(), evaluate(e.value()));
            }
            return new Value.MapValue(entries, m.span());
        }
        if (node instanceof InvalidNode invalid) {
            return new Value.Unknown(invalid.reason(), invalid.span());
        }
        return call((FunctionNode) node);
    }

    private static Value scalar(ScalarNode s) {
        switch (s.type()) {
            case NUMBER:
                try {
                    return new Value.Num(new BigDecimal(s.text()), s.span());
                } catch (NumberFormatException e) {
                    return new Value.Str(s.text(), s.span());
                }
            case BOOLEAN:
                return new Value.Bool(Boolean.parseBoolean(s.text().toLowerCase(java.util.Locale.ROOT)), s.span());
            case NULL:
                return new Value.Null(s.span());
            default:
                return new Value.Str(s.text(), s.span());
        }
    }

    private Value call(FunctionNode f) {
        Span span = f.span();
        switch (f.name()) {
            case "Ref":
                return ref(f);
            case "Fn::GetAtt":
                return getAtt(f);
            case "Fn::Sub":
                return sub(f);
            case "Fn::Join":
                return join(f);
            case "Fn::Select":
                return select(f);
            case "Fn::Split":
                return split(f);
            case "Fn::If":
                return ifThenElse(f);
            case "Fn::FindInMap":
                return findInMap(f);
            case "Fn::Base64":
                return base64(f);
            case "Fn::Cidr":
                return cidr(f);
            case "Fn::Length":
                return length(f);
            case "Fn::GetAZs":
                return new Value.Unknown("the availability zones of a region are known only at deploy time", span);
            case "Fn::ImportValue":
                return context.importedValue(evaluate(f.argument()), span);
            case "Fn::GetStackOutput":
                return new Value.Unknown("an output of another stack", span);
            case "Fn::Transform":
                return new Value.Unknown("produced by a macro at deploy time", span);
            default:
                if (!Intrinsics.isKnownFunction(f.name())) {
                    context.problem(f.nameSpan(), "'" + f.name() + "' is not a CloudFormation intrinsic function");
                    return new Value.Unknown("unsupported function " + f.name(), span);
                }
                return new Value.Unknown(f.name() + " is not evaluated here", span);
        }
    }

    private Value ref(FunctionNode f) {
        Value argument = evaluate(f.argument());
        Optional<String> name = Values.text(argument);
        if (name.isEmpty()) {
            return notText(argument, f, "the name of a parameter or resource");
        }
        return resolveName(name.get(), f.span()).orElseGet(() -> {
            context.undefinedName(f.argument().span(), "Ref to '" + name.get()
                    + "', which is not a parameter, pseudo parameter or resource of this template");
            return new Value.Unknown("Ref to undefined '" + name.get() + "'", f.span());
        });
    }

    /** What {@code Ref name} gives: a parameter's value, a pseudo parameter, or a reference to a resource. */
    private Optional<Value> resolveName(String name, Span useSite) {
        Optional<Value> parameter = context.parameters().valueAt(name, useSite);
        if (parameter.isPresent()) {
            return parameter;
        }
        if (PseudoParameters.isPseudo(name)) {
            return Optional.of(context.pseudo().valueAt(name, useSite));
        }
        if (context.isResource(name)) {
            return Optional.of(new Value.Ref(context.resourceId(name), List.of(), useSite));
        }
        return Optional.empty();
    }

    private Value getAtt(FunctionNode f) {
        String resource;
        String attribute;
        Value arg = evaluate(f.argument());
        Optional<String> dotted = Values.text(arg);
        if (dotted.isPresent() && dotted.get().indexOf('.') > 0) {
            int dot = dotted.get().indexOf('.');
            resource = dotted.get().substring(0, dot);
            attribute = dotted.get().substring(dot + 1);
        } else if (arg instanceof Value.ListValue list && list.items().size() == 2
                && Values.text(list.items().get(0)).isPresent()) {
            resource = Values.text(list.items().get(0)).get();
            Optional<String> attr = Values.text(list.items().get(1));
            if (attr.isEmpty()) {
                return new Value.Unknown("attribute of " + resource + ": "
                        + Values.whyNotText(list.items().get(1)), f.span());
            }
            attribute = attr.get();
        } else {
            return malformed(f, "Resource.Attribute or [Resource, Attribute]");
        }
        if (!context.isResource(resource)) {
            context.undefinedName(f.argument().span(), "GetAtt of '" + resource
                    + "', which is not a resource of this template");
            return new Value.Unknown("GetAtt of undefined '" + resource + "'", f.span());
        }
        return attribute(resource, attribute, f.span());
    }

    /**
     * Attribute {@code attribute} of resource {@code resource}: a reference the graph resolves, or, for an output
     * of a nested stack whose template is loaded, that output's value.
     */
    private Value attribute(String resource, String attribute, Span useSite) {
        if (attribute.startsWith(NESTED_OUTPUT)) {
            Optional<Value> output = context.nestedOutput(resource, attribute.substring(NESTED_OUTPUT.length()),
                    useSite);
            if (output.isPresent()) {
                return output.get();
            }
        }
        return new Value.Ref(context.resourceId(resource), List.of(attribute), useSite);
    }

    private Value sub(FunctionNode f) {
        TemplateNode textNode = f.argument();
        Map<String, Value> variables = new LinkedHashMap<>();
        if (f.argument() instanceof SequenceNode seq) {
            if (seq.items().size() != 2 || !(seq.items().get(1) instanceof MappingNode vars)) {
                return malformed(f, "a string or [string, {variables}]");
            }
            textNode = seq.items().get(0);
            for (MappingNode.Entry e : vars.entries()) {
                variables.put(e.key(), evaluate(e.value()));
            }
        }
        Value template = evaluate(textNode);
        Optional<String> text = Values.text(template);
        if (text.isEmpty()) {
            return notText(template, f, "a string or [string, {variables}]");
        }
        StringBuilderOfParts out = new StringBuilderOfParts(f.span());
        for (SubstitutionString.Segment segment : SubstitutionString.parse(text.get())) {
            if (segment.variable()) {
                out.addValue(substitute(segment.text(), variables, f));
            } else {
                out.addText(segment.text());
            }
        }
        return out.build();
    }

    private Value substitute(String name, Map<String, Value> variables, FunctionNode f) {
        Value variable = variables.get(name);
        if (variable != null) {
            return variable.at(f.span());
        }
        Optional<Value> named = resolveName(name, f.span());
        if (named.isPresent()) {
            return named.get();
        }
        int dot = name.indexOf('.');
        if (dot > 0 && context.isResource(name.substring(0, dot))) {
            return attribute(name.substring(0, dot), name.substring(dot + 1), f.span());
        }
        context.undefinedName(f.span(), "Fn::Sub variable '${" + name
                + "}' is not a parameter, resource, attribute or variable of the Sub");
        return new Value.Unknown("Fn::Sub variable '" + name + "' is undefined", f.span());
    }

    private Value join(FunctionNode f) {
        List<Value> args = arguments(f);
        if (args.size() != 2) {
            return malformed(f, "[delimiter, [values]]");
        }
        Optional<String> delimiter = Values.text(args.get(0));
        if (delimiter.isEmpty()) {
            return notText(args.get(0), f, "[delimiter, [values]]");
        }
        if (!(args.get(1) instanceof Value.ListValue list)) {
            return new Value.Unknown("joins a list that is not known: " + Values.whyNotText(args.get(1)), f.span());
        }
        StringBuilderOfParts out = new StringBuilderOfParts(f.span());
        for (int i = 0; i < list.items().size(); i++) {
            if (i > 0) {
                out.addText(delimiter.get());
            }
            out.addValue(list.items().get(i));
        }
        return out.build();
    }

    private Value select(FunctionNode f) {
        List<Value> args = arguments(f);
        if (args.size() != 2) {
            return malformed(f, "[index, [values]]");
        }
        Optional<String> index = Values.text(args.get(0));
        if (index.isEmpty()) {
            return new Value.Unknown("index of Fn::Select: " + Values.whyNotText(args.get(0)), f.span());
        }
        if (!(args.get(1) instanceof Value.ListValue list)) {
            return new Value.Unknown("selects from a list that is not known: " + Values.whyNotText(args.get(1)),
                    f.span());
        }
        int i;
        try {
            i = Integer.parseInt(index.get().trim());
        } catch (NumberFormatException e) {
            return malformed(f, "a number as index, not '" + index.get() + "'");
        }
        if (i < 0 || i >= list.items().size()) {
            return new Value.Unknown("index " + i + " is outside a list of " + list.items().size(), f.span());
        }
        return list.items().get(i).within(args.get(1)).at(f.span());
    }

    private Value split(FunctionNode f) {
        List<Value> args = arguments(f);
        Optional<String> delimiter = args.size() == 2 ? Values.text(args.get(0)) : Optional.empty();
        if (delimiter.isEmpty() || delimiter.get().isEmpty()) {
            return args.size() == 2 ? notText(args.get(0), f, "[delimiter, string]") : malformed(f, "[delimiter, string]");
        }
        Optional<String> source = Values.text(args.get(1));
        if (source.isEmpty() && args.get(1) instanceof Value.Template partlyKnown) {
            // a list joined with commas and imported, or passed down, splits back into its items
            return TextSplitter.split(partlyKnown, delimiter.get(), false, f.span());
        }
        if (source.isEmpty()) {
            return new Value.Unknown("splits a string that is not known: " + Values.whyNotText(args.get(1)),
                    f.span());
        }
        List<Value> items = new ArrayList<>();
        String text = source.get();
        int from = 0;
        for (int at = text.indexOf(delimiter.get()); at >= 0; at = text.indexOf(delimiter.get(), from)) {
            items.add(new Value.Str(text.substring(from, at), f.span()));
            from = at + delimiter.get().length();
        }
        items.add(new Value.Str(text.substring(from), f.span()));
        return new Value.ListValue(items, f.span());
    }

    private Value ifThenElse(FunctionNode f) {
        List<TemplateNode> args = f.argument() instanceof SequenceNode s ? s.items() : List.of();
        Optional<String> condition = args.size() == 3 && args.get(0) instanceof ScalarNode name
                ? Optional.of(name.text()) : Optional.empty();
        if (condition.isEmpty()) {
            return malformed(f, "[condition name, value if true, value if false]");
        }
        Truth truth = context.conditions().truth(condition.get(), args.get(0).span());
        if (truth == Truth.TRUE) {
            return evaluate(args.get(1));
        }
        if (truth == Truth.FALSE) {
            return evaluate(args.get(2));
        }
        Value whenTrue = evaluate(args.get(1));
        Value whenFalse = evaluate(args.get(2));
        return either(whenTrue, whenFalse, "depends on condition " + condition.get() + ", which is not known",
                f.span());
    }

    /**
     * What is known of a value that is one of two: the value when both are the same, and for two maps (Properties
     * chosen by condition) a map of the entries whose values agree, the others unknown.
     */
    private static Value either(Value a, Value b, String why, Span span) {
        if (Values.same(a, b)) {
            return a.at(span);
        }
        if (a instanceof Value.MapValue ma && b instanceof Value.MapValue mb) {
            Map<String, Value> entries = new LinkedHashMap<>();
            for (Map.Entry<String, Value> e : ma.entries().entrySet()) {
                Value other = mb.entries().get(e.getKey());
                entries.put(e.getKey(), other == null ? new Value.Unknown(why, e.getValue().span())
                        : either(e.getValue(), other, why, e.getValue().span()));
            }
            for (Map.Entry<String, Value> e : mb.entries().entrySet()) {
                entries.putIfAbsent(e.getKey(), new Value.Unknown(why, e.getValue().span()));
            }
            return new Value.MapValue(entries, span);
        }
        return new Value.Unknown(why, span);
    }

    private Value findInMap(FunctionNode f) {
        List<TemplateNode> args = f.argument() instanceof SequenceNode s ? s.items() : List.of();
        if (args.size() != 3 && args.size() != 4) {
            return malformed(f, "[MapName, TopLevelKey, SecondLevelKey]");
        }
        Optional<String> mapName = Values.text(evaluate(args.get(0)));
        Value topValue = evaluate(args.get(1));
        Value secondValue = evaluate(args.get(2));
        Optional<String> top = Values.text(topValue);
        Optional<String> second = Values.text(secondValue);
        Optional<TemplateNode> mapping = mapName.flatMap(name -> context.section("Mappings")
                .flatMap(m -> m instanceof MappingNode mappings ? mappings.get(name) : Optional.empty()));
        if (mapName.isPresent() && mapping.isEmpty()) {
            context.problem(args.get(0).span(), "Fn::FindInMap of mapping '" + mapName.get()
                    + "', which is not defined in Mappings");
        }
        if (!(mapping.orElse(null) instanceof MappingNode map) || second.isEmpty()) {
            return new Value.Unknown("Fn::FindInMap with keys that are not known: "
                    + Values.whyNotText(second.isEmpty() ? secondValue : topValue), f.span());
        }
        if (top.isPresent()) {
            Optional<TemplateNode> found = map.get(top.get()).flatMap(t -> t instanceof MappingNode m
                    ? m.get(second.get()) : Optional.empty());
            if (found.isPresent()) {
                return evaluate(found.get()).via(f.span(),
                        "mapping " + mapName.get() + "." + top.get() + "." + second.get());
            }
            if (args.size() == 4 && args.get(3) instanceof MappingNode options
                    && options.get("DefaultValue").isPresent()) {
                return evaluate(options.get("DefaultValue").get()).via(f.span(),
                        "default of mapping " + mapName.get());
            }
            return new Value.Unknown("mapping " + mapName.get() + " has no " + top.get() + "." + second.get(),
                    f.span());
        }
        // the top key is unknown (often the region); the answer is still known when every row agrees
        Value agreed = null;
        for (MappingNode.Entry row : map.entries()) {
            Optional<TemplateNode> cell = row.value() instanceof MappingNode m ? m.get(second.get()) : Optional.empty();
            Value v = cell.map(this::evaluate).orElse(null);
            if (v == null || (agreed != null && !Values.same(agreed, v))) {
                return new Value.Unknown("Fn::FindInMap key " + Values.whyNotText(topValue), f.span());
            }
            agreed = v;
        }
        return agreed == null ? new Value.Unknown("mapping " + mapName.get() + " is empty", f.span())
                : agreed.via(f.span(), "mapping " + mapName.get() + " (every row agrees)");
    }

    private Value base64(FunctionNode f) {
        Value arg = evaluate(f.argument());
        Optional<String> text = Values.text(arg);
        if (text.isEmpty()) {
            return new Value.Unknown("base64 of a value not known: " + Values.whyNotText(arg), f.span());
        }
        return new Value.Str(Base64.getEncoder().encodeToString(text.get().getBytes(StandardCharsets.UTF_8)),
                f.span());
    }

    private Value cidr(FunctionNode f) {
        List<Value> args = arguments(f);
        if (args.size() != 3) {
            return malformed(f, "[ipBlock, count, cidrBits]");
        }
        Optional<String> block = Values.text(args.get(0));
        Optional<String> count = Values.text(args.get(1));
        Optional<String> bits = Values.text(args.get(2));
        if (block.isEmpty() || count.isEmpty() || bits.isEmpty()) {
            return new Value.Unknown("Fn::Cidr of a block not known", f.span());
        }
        try {
            Optional<List<String>> blocks = CidrCalculator.subnets(block.get(), Integer.parseInt(count.get().trim()),
                    Integer.parseInt(bits.get().trim()));
            if (blocks.isPresent()) {
                List<Value> items = new ArrayList<>();
                blocks.get().forEach(b -> items.add(new Value.Str(b, f.span())));
                return new Value.ListValue(items, f.span());
            }
        } catch (NumberFormatException e) {
            // falls through to unknown: the count or bits are not numbers
        }
        return new Value.Unknown("Fn::Cidr of " + block.get() + " is not computed", f.span());
    }

    private Value length(FunctionNode f) {
        Value arg = evaluate(f.argument());
        if (arg instanceof Value.ListValue list) {
            return new Value.Num(BigDecimal.valueOf(list.items().size()), f.span());
        }
        return new Value.Unknown("length of a list not known", f.span());
    }

    /** The evaluated items of a function's list argument; empty when the argument is not a list. */
    private List<Value> arguments(FunctionNode f) {
        if (!(f.argument() instanceof SequenceNode s)) {
            return List.of();
        }
        List<Value> values = new ArrayList<>();
        s.items().forEach(item -> values.add(evaluate(item)));
        return values;
    }

    /** An argument that is not a known string: unknown when it is unknown, a problem when it is the wrong shape. */
    private Value notText(Value argument, FunctionNode f, String expected) {
        if (argument instanceof Value.Unknown || argument instanceof Value.Ref || argument instanceof Value.Template) {
            return new Value.Unknown(f.name() + " of a value not known: " + Values.whyNotText(argument), f.span());
        }
        return malformed(f, expected);
    }

    private Value malformed(FunctionNode f, String expected) {
        String message = f.name() + " expects " + expected;
        context.problem(f.span(), message);
        return new Value.Unknown(message, f.span());
    }
}
