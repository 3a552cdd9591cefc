package dev.preflight.terraform;

import dev.preflight.graph.Format;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceId;
import dev.preflight.graph.ResourceTypes;
import dev.preflight.graph.Value;
import dev.preflight.source.Span;
import dev.preflight.terraform.syntax.Attribute;
import dev.preflight.terraform.syntax.Block;
import dev.preflight.terraform.syntax.Body;
import dev.preflight.terraform.syntax.BodyItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns one instance of a {@code resource} or {@code data} block into a graph {@link Resource}: attributes
 * evaluated, nested and {@code dynamic} blocks as lists of maps, JSON-holding attributes decoded, renamed
 * properties mapped to their canonical names, and inline routes made resources of their own.
 */
final class ResourceBuilder {
    /** Meta-arguments and blocks that configure Terraform, not the resource. */
    private static final Set<String> META = Set.of("count", "for_each", "provider", "lifecycle", "provisioner",
            "connection");
    /** Resource types whose inline {@code route} blocks are routes of their own (kind ROUTE). */
    private static final Set<String> TYPES_WITH_INLINE_ROUTES = Set.of("aws_route_table", "aws_default_route_table");

    private final Evaluator evaluator;
    private final LoadContext ctx;
    private final JsonAttributes json;
    /** The files the resource being built has documents rendered from. */
    private final Set<Span> renderedFrom = new LinkedHashSet<>();
    /** The default tags of a provider configuration ({@code aws}, {@code aws.west}), null when it adds none. */
    private final Function<String, Value> providerDefaultTags;

    ResourceBuilder(Evaluator evaluator, LoadContext ctx) {
        this(evaluator, ctx, provider -> null);
    }

    ResourceBuilder(Evaluator evaluator, LoadContext ctx, Function<String, Value> providerDefaultTags) {
        this.evaluator = evaluator;
        this.ctx = ctx;
        this.json = new JsonAttributes(ctx.reader, ctx.origins, renderedFrom::add);
        this.providerDefaultTags = providerDefaultTags;
    }

    void build(ResourceId id, Block block, Bindings bindings, boolean data) {
        String type = block.label(0);
        ResourceTypes.TypeInfo info = ResourceTypes.of(type);
        renderedFrom.clear();
        Value.MapValue properties = body(block.body(), bindings, info, true);
        if (data && PolicyDocumentData.TYPE.equals(type)) {
            properties = PolicyDocumentData.withDocument(properties, block.span());
        }
        Resource resource = new Resource(id, type, info.kind(), Format.TERRAFORM, data, properties, block.span(),
                null, new ArrayList<>(renderedFrom), data ? null : defaultTags(type, block));
        ctx.resources.add(resource);
        if (!data && TYPES_WITH_INLINE_ROUTES.contains(type)) {
            addInlineRoutes(resource, properties);
        }
    }

    /** The evaluated arguments of one instance of {@code block}, as its resource's properties would be. */
    Value.MapValue arguments(Block block, Bindings bindings) {
        return body(block.body(), bindings, ResourceTypes.of(block.label(0)), true);
    }

    /**
     * The AWS provider's default tags for a resource: of the configuration its {@code provider} argument names,
     * else of the default {@code aws} one. An {@code override_provider} block may drop them: unknown then.
     */
    private Value defaultTags(String type, Block block) {
        if (!type.startsWith("aws_")) {
            return null;
        }
        if (!block.body().blocks("override_provider").isEmpty()) {
            return new Value.Unknown("override_provider of " + type, block.span());
        }
        Optional<Attribute> provider = block.body().attribute("provider");
        String key = provider.isEmpty() ? "aws" : ProviderDefaultTags.name(provider.get().value());
        return key == null ? new Value.Unknown("the provider of the resource is not known", block.span())
                : providerDefaultTags.apply(key);
    }

    private Value.MapValue body(Body body, Bindings b, ResourceTypes.TypeInfo info, boolean top) {
        Map<String, Value> entries = new LinkedHashMap<>();
        Map<String, List<Value>> blocks = new LinkedHashMap<>();
        Map<String, Span> blockSpans = new LinkedHashMap<>();
        for (BodyItem item : body.items()) {
            if (item instanceof Attribute a) {
                if (top && META.contains(a.name())) {
                    continue;
                }
                Value v = evaluator.evaluate(a.value(), b);
                if (JsonAttributes.holdsJson(a.name())) {
                    v = json.decode(a, v);
                }
                if (!(v instanceof Value.Null)) {
                    entries.put(top ? info.canonicalName(a.name()) : a.name(), v.at(a.value().span()));
                }
            } else if (item instanceof Block nested) {
                if (top && META.contains(nested.type())) {
                    continue;
                }
                if (nested.type().equals("dynamic") && nested.labels().size() == 1) {
                    String name = nested.label(0);
                    blocks.computeIfAbsent(name, k -> new ArrayList<>()).addAll(dynamic(nested, b, info));
                    blockSpans.merge(name, nested.span(), Span::to);
                } else {
                    blocks.computeIfAbsent(nested.type(), k -> new ArrayList<>())
                            .add(body(nested.body(), b, info, false).at(nested.span()));
                    blockSpans.merge(nested.type(), nested.span(), Span::to);
                }
            }
        }
        for (Map.Entry<String, List<Value>> e : blocks.entrySet()) {
            String key = top ? info.canonicalName(e.getKey()) : e.getKey();
            Value existing = entries.get(key);
            if (e.getValue().isEmpty() && existing == null) {
                continue; // dynamic blocks over an empty collection: no block at all, so the provider's default
            }
            List<Value> items = new ArrayList<>();
            if (existing instanceof Value.ListValue l) {
                // the attribute-as-block syntax may mix `route = [...]` with `route {}` blocks
                items.addAll(l.items());
            }
            items.addAll(e.getValue());
            entries.put(key, new Value.ListValue(items, blockSpans.get(e.getKey())));
        }
        return new Value.MapValue(entries, body.span());
    }

    /** {@code dynamic "x" { for_each = ..., iterator = it, content { ... } }}: one map per element when known. */
    private List<Value> dynamic(Block dyn, Bindings b, ResourceTypes.TypeInfo info) {
        Optional<Attribute> forEach = dyn.body().attribute("for_each");
        Optional<Block> content = dyn.body().blocks("content").stream().findFirst();
        if (forEach.isEmpty() || content.isEmpty()) {
            return List.of(new Value.Unknown("dynamic block without for_each or content", dyn.span()));
        }
        String iterator = dyn.body().attribute("iterator")
                .map(a -> a.value() instanceof dev.preflight.terraform.syntax.Expression.Variable v ? v.name() : null)
                .orElse(dyn.label(0));
        Value coll = evaluator.evaluate(forEach.get().value(), b);
        List<Value[]> pairs = new ArrayList<>();
        if (coll instanceof Value.ListValue l) {
            for (int i = 0; i < l.items().size(); i++) {
                pairs.add(new Value[] {new Value.Num(java.math.BigDecimal.valueOf(i), null), l.items().get(i)});
            }
        } else if (coll instanceof Value.MapValue m) {
            for (Map.Entry<String, Value> e : new java.util.TreeMap<>(m.entries()).entrySet()) {
                pairs.add(new Value[] {new Value.Str(e.getKey(), null), e.getValue()});
            }
        } else if (coll instanceof Value.Null) {
            return List.of();
        } else {
            return List.of(new Value.Unknown("dynamic \"" + dyn.label(0) + "\" over a collection that is not known: "
                    + Evaluator.reason(coll), dyn.span()));
        }
        List<Value> out = new ArrayList<>();
        for (Value[] pair : pairs) {
            Map<String, Value> it = new LinkedHashMap<>();
            it.put("key", pair[0]);
            it.put("value", pair[1]);
            Bindings inner = b.bind(iterator, new Value.MapValue(it, dyn.span()));
            out.add(body(content.get().body(), inner, info, false).at(content.get().span()));
        }
        return out;
    }

    private void addInlineRoutes(Resource table, Value.MapValue properties) {
        Optional<Value> routes = properties.get("routes");
        if (routes.isEmpty() || !(routes.get() instanceof Value.ListValue list)) {
            return;
        }
        ResourceTypes.TypeInfo routeInfo = ResourceTypes.of("aws_route");
        for (int i = 0; i < list.items().size(); i++) {
            if (!(list.items().get(i) instanceof Value.MapValue route)) {
                continue;
            }
            Map<String, Value> entries = new LinkedHashMap<>();
            route.entries().forEach((k, v) -> {
                if (!(v instanceof Value.Null)) {
                    entries.put(routeInfo.canonicalName(k), v);
                }
            });
            Span where = route.span() != null ? route.span() : table.span();
            entries.put("route_table_id", new Value.Ref(table.id(), List.of("id"), where));
            ResourceId id = new ResourceId(table.id().scope(), table.address() + ".route[" + i + "]");
            ctx.resources.add(new Resource(id, table.type() + ".route", Kind.ROUTE, Format.TERRAFORM, false,
                    new Value.MapValue(entries, where), where, table));
        }
    }
}
