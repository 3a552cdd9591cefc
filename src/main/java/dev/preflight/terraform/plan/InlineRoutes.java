package dev.preflight.terraform.plan;

import dev.preflight.graph.Format;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceId;
import dev.preflight.graph.ResourceTypes;
import dev.preflight.graph.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code route} entries of a planned route table as ROUTE resources of their own, as the source loader makes
 * them, so that route rules see plans and sources alike.
 */
final class InlineRoutes {
    private static final Set<String> TYPES = Set.of("aws_route_table", "aws_default_route_table");

    private InlineRoutes() {
    }

    /** The route children of {@code table}; none for other types. */
    static List<Resource> of(Resource table) {
        if (table.isDataSource() || !TYPES.contains(table.type())
                || !(table.properties().get("routes").orElse(null) instanceof Value.ListValue routes)) {
            return List.of();
        }
        ResourceTypes.TypeInfo routeInfo = ResourceTypes.of("aws_route");
        List<Resource> out = new ArrayList<>();
        for (int i = 0; i < routes.items().size(); i++) {
            if (!(routes.items().get(i) instanceof Value.MapValue route)) {
                continue;
            }
            Map<String, Value> entries = new LinkedHashMap<>();
            route.entries().forEach((k, v) -> {
                // the provider fills every target it does not use with "": unset, not an empty target
                if (!(v instanceof Value.Str s && s.value().isEmpty())) {
                    entries.put(routeInfo.canonicalName(k), v);
                }
            });
            entries.put("route_table_id", new Value.Ref(table.id(), List.of("id"), route.span()));
            ResourceId id = new ResourceId(table.id().scope(), table.address() + ".route[" + i + "]");
            out.add(new Resource(id, table.type() + ".route", Kind.ROUTE, Format.TERRAFORM, false,
                    new Value.MapValue(entries, route.span()), route.span() != null ? route.span() : table.span(),
                    table));
        }
        return out;
    }
}
