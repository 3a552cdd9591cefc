package dev.preflight.dsl.aws;

import dev.preflight.dsl.Truth;
import dev.preflight.dsl.Values;
import dev.preflight.graph.Kind;
import dev.preflight.graph.PropertyNames;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.graph.Value;
import java.util.List;
import java.util.Set;

/**
 * A route table as a subnet sees it: a table resource, or the main route table of a VPC, which may have no resource
 * of its own (AWS creates it with the VPC; Terraform can adopt it as {@code aws_default_route_table}). {@code table}
 * is null for an implicit main table; {@code mainOf} is null for a table that is not a VPC's main table.
 *
 * <pre>{@code
 * RouteTable table = RouteTable.tableOf(routeTableResource, graph);
 * Related routes = Network.routesOf(table, graph);
 * }</pre>
 */
public record RouteTable(Resource table, Resource mainOf) {
    /** The VPC attributes that name its main route table. */
    private static final Set<String> MAIN_TABLE_ATTRIBUTES = Set.of("mainroutetableid", "defaultroutetableid");

    /** How the table is shown in messages. */
    public String shown() {
        return table != null ? table.address() : "the main route table of " + mainOf.address();
    }

    /** Whether {@code value} (a {@code route_table_id}, an element of {@code route_table_ids}) names this table. */
    public Truth isNamedBy(Value value, ResourceGraph graph) {
        Value v = value instanceof Value.Template t && t.parts().size() == 1 ? t.parts().get(0) : value;
        if (mainOf != null && v instanceof Value.Ref ref && graph.targets(ref).contains(mainOf)
                && MAIN_TABLE_ATTRIBUTES.contains(PropertyNames.canonical(ref.attributeName()))) {
            return Truth.TRUE;
        }
        if (table == null) {
            // an implicit main table has no resource: only the VPC's main-table attribute can name it, and any
            // other resolved reference or literal names something else
            if (v instanceof Value.Ref ref) {
                return graph.targets(ref).isEmpty() ? Truth.UNKNOWN : Truth.FALSE;
            }
            return v instanceof Value.Str || v instanceof Value.Null ? Truth.FALSE : Truth.UNKNOWN;
        }
        return Values.refersTo(v, table, graph);
    }

    /** The table a {@code route_table_id} value names, when it names one of this scan. */
    static RouteTable named(Value value, ResourceGraph graph) {
        Value v = value instanceof Value.Template t && t.parts().size() == 1 ? t.parts().get(0) : value;
        if (!(v instanceof Value.Ref ref)) {
            return null;
        }
        List<Resource> targets = graph.targets(ref);
        if (targets.size() != 1) {
            return null;
        }
        Resource target = targets.get(0);
        if (target.isDataSource()) {
            return null; // its routes are managed elsewhere
        }
        if (target.kind() == Kind.ROUTE_TABLE) {
            return new RouteTable(target, adoptedMainOf(target, graph));
        }
        if (target.kind() == Kind.VPC && MAIN_TABLE_ATTRIBUTES.contains(PropertyNames.canonical(ref.attributeName()))) {
            return Network.mainRouteTable(target, graph).value();
        }
        return null;
    }

    /** The VPC whose main table {@code table} adopts ({@code aws_default_route_table}), or null. */
    static Resource adoptedMainOf(Resource table, ResourceGraph graph) {
        return table.property("default_route_table_id")
                .flatMap(v -> graph.target(v instanceof Value.Template t && t.parts().size() == 1 ? t.parts().get(0) : v))
                .filter(r -> r.kind() == Kind.VPC)
                .orElse(null);
    }
}
