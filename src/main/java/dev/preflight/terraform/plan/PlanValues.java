package dev.preflight.terraform.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.preflight.graph.ResourceTypes;
import dev.preflight.graph.Value;
import dev.preflight.source.Span;
import dev.preflight.terraform.syntax.Body;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Converts one resource's planned values ({@code change.after}, with its {@code after_unknown} mask) into the
 * properties the source loader would give: canonical names, nulls left out, JSON documents decoded, and values
 * known only after apply either restored as references or {@link Value.Unknown}.
 */
final class PlanValues {
    /** Attributes holding a JSON document in a string; the source loader decodes the same ones. */
    private static final Set<String> JSON_ATTRIBUTES = Set.of("container_definitions", "policy",
            "assume_role_policy", "policy_document", "access_policies");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SourceReferences references;
    private final PlannedResource resource;
    private final Span fallback;

    /** The properties preflight's evaluation of the source gives this instance, when it has it. */
    private final java.util.function.Supplier<Optional<Value.MapValue>> evaluated;

    PlanValues(SourceReferences references, PlannedResource resource, Span fallback,
               java.util.function.Supplier<Optional<Value.MapValue>> evaluated) {
        this.evaluated = evaluated;
        this.references = references;
        this.resource = resource;
        this.fallback = fallback;
    }

    /** The resource's properties; {@code body} is its block in the source, or null when not found. */
    Value.MapValue properties(Body body) {
        ResourceTypes.TypeInfo info = ResourceTypes.of(resource.type());
        Map<String, Value> entries = new LinkedHashMap<>();
        // preflight's evaluation of the same instance's source, when the configuration is at hand
        Optional<Value.MapValue> fromSource = body == null ? Optional.empty() : evaluated.get();
        for (String name : names(resource.after(), resource.afterUnknown())) {
            SourceHint hint = body == null ? SourceHint.NONE : SourceHint.of(body, name);
            Value v = convert(resource.after().get(name), resource.afterUnknown().get(name), hint, spanOf(hint));
            if (v instanceof Value.Null) {
                continue;
            }
            boolean unset = v instanceof Value.Unknown || v instanceof Value.ListValue l && l.items().isEmpty();
            if (unset && body != null && !SourceHint.isWritten(body, name)) {
                // computed by the provider, or blocks not written (an empty list): absent, as when loading the
                // source, not "unknown" nor an empty value
                continue;
            }
            Optional<Value> source = fromSource.flatMap(m -> m.get(info.canonicalName(name)));
            if (unset && source.isEmpty() && fromSource.isPresent()) {
                // the evaluation sets nothing (a dynamic block over an empty collection): nothing is configured,
                // the provider computes the value: absent, as from source
                continue;
            }
            if (source.isPresent() && !fullyKnown(v)) {
                // Terraform knows it (or part of it) only after apply, but the evaluation may know its shape: a
                // reference with its count.index, a template around a reference, a document with unknown parts
                v = SourceFill.fill(v, source.get());
            }
            if (JSON_ATTRIBUTES.contains(name) && v instanceof Value.Str s) {
                v = decodeJson(s);
            }
            if (source.isPresent() && !(v instanceof Value.Unknown)) {
                // inside a document or a set of blocks the plan has only the attribute's position
                v = SourceFill.positions(v, source.get());
            }
            entries.put(info.canonicalName(name), v);
        }
        return new Value.MapValue(entries, body == null ? fallback : body.span());
    }

    private Value convert(JsonNode value, JsonNode unknown, SourceHint hint, Span span) {
        if (unknown != null && unknown.isBoolean() && unknown.booleanValue()) {
            return restore(hint, span);
        }
        if (value == null || value.isNull() || value.isMissingNode()) {
            return new Value.Null(span);
        }
        if (value.isTextual()) {
            return new Value.Str(value.textValue(), span);
        }
        if (value.isNumber()) {
            return new Value.Num(value.decimalValue(), span);
        }
        if (value.isBoolean()) {
            return new Value.Bool(value.booleanValue(), span);
        }
        if (value.isArray()) {
            List<Value> items = new ArrayList<>();
            List<Integer> blockOrder = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                SourceHint h = hint instanceof SourceHint.Blocks b ? b.matching(value.get(i), value.size())
                        : hint.element(i, value.size());
                if (hint instanceof SourceHint.Blocks b && h instanceof SourceHint.BlockBody bb) {
                    for (int k = 0; k < b.blocks().size(); k++) {
                        if (b.blocks().get(k).body() == bb.body() && !blockOrder.contains(k)) {
                            blockOrder.add(k);
                        }
                    }
                }
                JsonNode u = unknown != null && unknown.isArray() ? unknown.get(i) : null;
                items.add(convert(value.get(i), u, h, spanOr(h, span)));
            }
            if (items.size() > 1 && blockOrder.size() == items.size()) {
                // a set of blocks, each matched to the block written for it: in the order written, as from source
                Value[] ordered = new Value[items.size()];
                for (int i = 0; i < items.size(); i++) {
                    ordered[blockOrder.get(i)] = items.get(i);
                }
                items = List.of(ordered);
            }
            return new Value.ListValue(items, span);
        }
        Map<String, Value> entries = new LinkedHashMap<>();
        for (String name : names(value, unknown)) {
            SourceHint h = hint.member(name);
            Value v = convert(value.get(name), unknown == null ? null : unknown.get(name), h, spanOr(h, span));
            if (JSON_ATTRIBUTES.contains(name) && v instanceof Value.Str s) {
                // a document in a nested block (an inline policy) is decoded as at the top, as from source
                v = decodeJson(s);
            }
            if (!(v instanceof Value.Null)) {
                entries.put(name, v);
            }
        }
        return new Value.MapValue(entries, span);
    }

    /** A value known after apply: the reference it was written as, when it is a plain one. */
    private Value restore(SourceHint hint, Span span) {
        if (hint instanceof SourceHint.Written w) {
            Optional<Value> ref = references.resolve(w.expression(), resource.modulePrefix(),
                    resource.moduleCalls(), span);
            if (ref.isPresent()) {
                return ref.get();
            }
        }
        return new Value.Unknown("known after apply (Terraform plan of " + resource.address() + ")", span);
    }

    /** True when {@code v} holds no reference, template or unknown anywhere. */
    static boolean fullyKnown(Value v) {
        if (v instanceof Value.Ref || v instanceof Value.Template || v instanceof Value.Unknown) {
            return false;
        }
        if (v instanceof Value.ListValue l) {
            return l.items().stream().allMatch(PlanValues::fullyKnown);
        }
        if (v instanceof Value.MapValue m) {
            return m.entries().values().stream().allMatch(PlanValues::fullyKnown);
        }
        return true;
    }

    /** The names of an object's known values and of its values known only after apply, in that order. */
    private static Set<String> names(JsonNode value, JsonNode unknown) {
        Set<String> names = new LinkedHashSet<>();
        if (value != null && value.isObject()) {
            value.fieldNames().forEachRemaining(names::add);
        }
        if (unknown != null && unknown.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = unknown.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isBoolean() && e.getValue().booleanValue()) {
                    names.add(e.getKey());
                }
            }
        }
        return names;
    }

    /** A JSON document in a string, as a structure; the string itself when it is not JSON. */
    private Value decodeJson(Value.Str s) {
        try {
            JsonNode doc = JSON.readTree(s.value());
            return doc == null || !(doc.isObject() || doc.isArray()) ? s
                    : convert(doc, null, SourceHint.NONE, s.span());
        } catch (java.io.IOException e) {
            return s;
        }
    }

    private Span spanOf(SourceHint hint) {
        return spanOr(hint, fallback);
    }

    private static Span spanOr(SourceHint hint, Span otherwise) {
        Span s = hint.span();
        return s != null ? s : otherwise;
    }
}
