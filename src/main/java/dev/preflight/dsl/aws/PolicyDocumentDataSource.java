package dev.preflight.dsl.aws;

import dev.preflight.dsl.Known;
import dev.preflight.dsl.Values;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.graph.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Terraform's {@code data "aws_iam_policy_document"}: its {@code json} is computed at plan time, but from arguments
 * written in the configuration ({@code statement} blocks with {@code effect}, {@code actions}, {@code not_actions},
 * {@code principals}), so the document is known whenever those are. Documents merged from others
 * ({@code source_policy_documents}, {@code override_policy_documents}) are not followed: they make it unknown.
 */
final class PolicyDocumentDataSource {
    static final String TYPE = "aws_iam_policy_document";

    private PolicyDocumentDataSource() {
    }

    /** The data source a value reads the {@code json} of, if it does. */
    static Optional<Resource> readBy(Value value, ResourceGraph graph) {
        Value v = value instanceof Value.Template t && t.parts().size() == 1 ? t.parts().get(0) : value;
        if (!(v instanceof Value.Ref ref) || !ref.attributeName().equals("json")) {
            return Optional.empty();
        }
        return graph.target(ref).filter(r -> r.isDataSource() && r.type().equals(TYPE));
    }

    /** The document the data source renders. */
    static Known<PolicyDocument> document(Resource dataSource, ResourceGraph graph) {
        for (String merged : List.of("source_policy_documents", "override_policy_documents", "source_json",
                "override_json")) {
            if (dataSource.properties().get(merged).isPresent()) {
                return Known.unknown(dataSource.address() + " merges other policy documents");
            }
        }
        Optional<Value> statements = dataSource.properties().get("statement");
        if (statements.isEmpty()) {
            return Known.of(PolicyDocument.EMPTY);
        }
        if (!(statements.get() instanceof Value.ListValue list)) {
            return Known.unknown("the statements of " + dataSource.address() + " are not known");
        }
        List<PolicyDocument.Statement> out = new ArrayList<>();
        for (Value item : list.items()) {
            if (!(item instanceof Value.MapValue s)) {
                return Known.unknown("a statement of " + dataSource.address() + " is not known");
            }
            Optional<Value> effect = s.get("effect");
            Optional<String> effectText = effect.isEmpty() ? Optional.of("Allow")
                    : Values.resolvedString(effect.get(), graph);
            Known<List<String>> actions = strings(s.get("actions"), graph);
            Known<List<String>> notActions = strings(s.get("not_actions"), graph);
            Known<List<String>> services = services(s.get("principals"), graph);
            if (effectText.isEmpty() || !actions.isKnown() || !notActions.isKnown() || !services.isKnown()) {
                return Known.unknown("a statement of " + dataSource.address() + " is not known");
            }
            out.add(new PolicyDocument.Statement(effectText.get().equalsIgnoreCase("Allow"), actions.value(),
                    notActions.value(), services.value()));
        }
        return Known.of(new PolicyDocument(out));
    }

    private static Known<List<String>> strings(Optional<Value> value, ResourceGraph graph) {
        if (value.isEmpty() || value.get() instanceof Value.Null) {
            return Known.of(List.of());
        }
        if (!(value.get() instanceof Value.ListValue list)) {
            return Known.unknown("not a known list");
        }
        List<String> out = new ArrayList<>();
        for (Value v : list.items()) {
            Optional<String> s = Values.resolvedString(v, graph);
            if (s.isEmpty()) {
                return Known.unknown("not a known string");
            }
            out.add(s.get());
        }
        return Known.of(out);
    }

    /** The identifiers of {@code principals} blocks of type Service ({@code "*"} for an AWS {@code *}). */
    private static Known<List<String>> services(Optional<Value> principals, ResourceGraph graph) {
        List<String> out = new ArrayList<>();
        if (principals.isEmpty() || principals.get() instanceof Value.Null) {
            return Known.of(out);
        }
        if (!(principals.get() instanceof Value.ListValue list)) {
            return Known.unknown("principals not known");
        }
        for (Value p : list.items()) {
            if (!(p instanceof Value.MapValue m)) {
                return Known.unknown("a principal is not known");
            }
            Optional<String> type = m.get("type").flatMap(v -> Values.resolvedString(v, graph));
            Known<List<String>> ids = strings(m.get("identifiers"), graph);
            if (type.isEmpty() || !ids.isKnown()) {
                return Known.unknown("a principal is not known");
            }
            if (type.get().equals("Service")) {
                out.addAll(ids.value());
            } else if (ids.value().contains("*")) {
                out.add("*");
            }
        }
        return Known.of(out);
    }
}
