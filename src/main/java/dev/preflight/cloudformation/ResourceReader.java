package dev.preflight.cloudformation;

import dev.preflight.cloudformation.syntax.MappingNode;
import dev.preflight.cloudformation.syntax.ScalarNode;
import dev.preflight.cloudformation.syntax.SequenceNode;
import dev.preflight.cloudformation.syntax.TemplateNode;
import dev.preflight.graph.Format;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceTypes;
import dev.preflight.graph.Value;
import dev.preflight.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code Resources} section into graph resources. Besides the {@code Properties}, a resource's
 * {@code DependsOn}, {@code Condition} and {@code Metadata} are kept in its property map under keys that start with
 * {@code $}, which no CloudFormation property name can: {@code $DependsOn} is a list of references, so the graph
 * draws its edges like any other.
 */
final class ResourceReader {
    /** Reserved property key: the resources named in {@code DependsOn}, as {@link Value.Ref}s. */
    static final String DEPENDS_ON = "$DependsOn";
    /** Reserved property key: the name of the resource's {@code Condition}. */
    static final String CONDITION = "$Condition";
    /** Reserved property key: why the whole {@code Properties} is unknown (chosen by a condition not known). */
    static final String PROPERTIES = "$Properties";
    /** Reserved property key: the resource's {@code Metadata} (suppressions live there). */
    static final String METADATA = "$Metadata";

    private final TemplateContext context;
    private final SamGlobals globals;

    ResourceReader(TemplateContext context) {
        this.context = context;
        this.globals = SamGlobals.of(context);
    }

    /** The resources of the section, without those whose condition is known to be false. */
    List<Resource> read(MappingNode resources) {
        List<Resource> out = new ArrayList<>();
        for (MappingNode.Entry entry : resources.entries()) {
            read(entry).ifPresent(out::add);
        }
        return out;
    }

    private Optional<Resource> read(MappingNode.Entry entry) {
        String logicalId = entry.key();
        if (!(entry.value() instanceof MappingNode body)) {
            // Fn::ForEach::Name loops (AWS::LanguageExtensions) expand at deploy time; nothing to read here
            if (!logicalId.startsWith("Fn::ForEach::")) {
                context.problem(entry.keySpan(), "resource " + logicalId + " is not a mapping");
            }
            return Optional.empty();
        }
        Span span = entry.keySpan().to(body.span());
        Optional<String> type = body.get("Type").flatMap(ResourceReader::text);
        if (type.isEmpty()) {
            // under a macro or Rain (Source: !Rain::Module) the resource is rewritten before CloudFormation sees it
            if (!context.isTransformed()) {
                context.problem(entry.keySpan(), "resource " + logicalId + " has no Type");
            }
            return Optional.empty();
        }
        Optional<MappingNode.Entry> condition = body.entry("Condition");
        Optional<String> conditionName = condition.flatMap(c -> text(c.value()));
        if (context.conditions().ofEntry(body) == Truth.FALSE) {
            return Optional.empty();
        }
        Map<String, Value> properties = new LinkedHashMap<>();
        Span propertiesSpan = span;
        Optional<TemplateNode> propertiesNode = body.get("Properties");
        if (propertiesNode.isPresent()) {
            Value value = context.evaluator().evaluate(propertiesNode.get());
            if (value instanceof Value.MapValue map) {
                properties.putAll(globals.applyTo(type.get(), map.entries(), body.get("IgnoreGlobals")));
                propertiesSpan = map.span();
            } else if (value instanceof Value.Unknown) {
                properties.put(PROPERTIES, value);
            } else if (!(value instanceof Value.Null)) {
                context.problem(propertiesNode.get().span(), "Properties of " + logicalId + " is not a mapping");
            }
        }
        if (propertiesNode.isEmpty()) {
            properties.putAll(globals.applyTo(type.get(), Map.of(), body.get("IgnoreGlobals")));
        }
        body.get("DependsOn").ifPresent(node -> properties.put(DEPENDS_ON, dependsOn(node)));
        conditionName.ifPresent(name -> properties.put(CONDITION,
                new Value.Str(name, condition.get().value().span())));
        body.get("Metadata").ifPresent(node -> properties.put(METADATA, context.evaluator().evaluate(node)));
        return Optional.of(new Resource(context.resourceId(logicalId), type.get(), ResourceTypes.kindOf(type.get()),
                Format.CLOUDFORMATION, false, new Value.MapValue(properties, propertiesSpan), span, null));
    }

    private Value dependsOn(TemplateNode node) {
        List<TemplateNode> names = node instanceof SequenceNode s ? s.items() : List.of(node);
        List<Value> refs = new ArrayList<>();
        for (TemplateNode name : names) {
            Optional<String> target = text(name);
            if (target.isEmpty()) {
                context.problem(name.span(), "DependsOn expects resource names");
            } else if (!context.isResource(target.get())) {
                context.undefinedName(name.span(), "DependsOn names '" + target.get()
                        + "', which is not a resource of this template");
            } else {
                refs.add(new Value.Ref(context.resourceId(target.get()), List.of(), name.span()));
            }
        }
        return new Value.ListValue(refs, node.span());
    }

    private static Optional<String> text(TemplateNode node) {
        return node instanceof ScalarNode s ? Optional.of(s.text()) : Optional.empty();
    }
}
