package dev.preflight.terraform;

import dev.preflight.graph.Value;
import dev.preflight.graph.Values;
import dev.preflight.source.Span;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The merge of {@code data "aws_iam_policy_document"}, as the AWS provider documents and does it: the
 * {@code source_policy_documents} in order (their sids must be unique), then the document's own statements, then the
 * {@code override_policy_documents} in order. A statement with a sid replaces the statement with the same sid
 * merged before it, in place; one without a sid is added at the end. The highest {@code Version} and the last
 * {@code Id} win.
 *
 * <p>Documents given as JSON are read the way the provider reads them (its Go structures): field names match
 * without regard to case, unknown fields are dropped, a principal that is a string is {@code "*"}, condition values
 * are strings (a boolean becomes one, a number is dropped), and lists of principal identifiers are written back in
 * reverse order.
 */
final class PolicyDocumentMerge {
    /** A document whose merge depends on something not known: the whole result is unknown. */
    static final class NotKnown extends RuntimeException {
        NotKnown(String reason) {
            super(reason, null, false, false);
        }
    }

    private String version = "";
    private Value id;
    private final List<Value> statements = new ArrayList<>();

    /** Merges the source documents, which must not repeat a sid among them. */
    void mergeSources(Value documents) {
        Set<String> sids = new HashSet<>();
        for (Value document : documentList(documents)) {
            Parsed doc = parse(document);
            for (Value statement : doc.statements()) {
                String sid = sid(statement);
                if (!sid.isEmpty() && !sids.add(sid)) {
                    throw new EvalException(document.span(), "duplicate Sid (" + sid + ") in source_policy_documents");
                }
            }
            merge(doc);
        }
    }

    /** Merges the document's own statements (already rendered), version and id. */
    void mergeOwn(Value ownVersion, Value ownId, List<Value> ownStatements) {
        Set<String> sids = new HashSet<>();
        for (Value statement : ownStatements) {
            String sid = sid(statement);
            if (!sid.isEmpty() && !sids.add(sid)) {
                throw new EvalException(statement.span(), "duplicate Sid (" + sid + ")");
            }
        }
        merge(new Parsed(text(ownVersion, "version"), ownId, ownStatements));
    }

    /** Merges the override documents, each over what came before. */
    void mergeOverrides(Value documents) {
        for (Value document : documentList(documents)) {
            merge(parse(document));
        }
    }

    /** The merged document. */
    Value.MapValue document(Span span) {
        Map<String, Value> out = new LinkedHashMap<>();
        if (!version.isEmpty()) {
            out.put("Version", new Value.Str(version, null));
        }
        if (id != null && !(id instanceof Value.Str s && s.value().isEmpty())) {
            out.put("Id", id);
        }
        if (!statements.isEmpty()) {
            out.put("Statement", new Value.ListValue(statements, span));
        }
        return new Value.MapValue(out, span);
    }

    /** A document as the provider holds it while merging. */
    private record Parsed(String version, Value id, List<Value> statements) {
    }

    private void merge(Parsed doc) {
        if (doc.id() != null && !(doc.id() instanceof Value.Str s && s.value().isEmpty())) {
            id = doc.id();
        }
        if (doc.version().compareTo(version) > 0) {
            version = doc.version();
        }
        for (Value statement : doc.statements()) {
            String sid = sid(statement);
            int same = sid.isEmpty() ? -1 : indexOfSid(sid);
            if (same >= 0) {
                statements.set(same, statement);
            } else {
                statements.add(statement);
            }
        }
    }

    private int indexOfSid(String sid) {
        for (int i = 0; i < statements.size(); i++) {
            if (sid(statements.get(i)).equals(sid)) {
                return i;
            }
        }
        return -1;
    }

    /** The statement's sid, "" for none; a sid that is not known leaves the merge unknown. */
    private static String sid(Value statement) {
        if (!(statement instanceof Value.MapValue m)) {
            throw new NotKnown("a statement of the policy document is not known");
        }
        Value sid = m.entries().get("Sid");
        if (sid == null || sid instanceof Value.Null) {
            return "";
        }
        return Values.text(sid).orElseThrow(() -> new NotKnown("the sid of a statement is not known"));
    }

    private static List<Value> documentList(Value documents) {
        if (documents == null || documents instanceof Value.Null) {
            return List.of();
        }
        if (!(documents instanceof Value.ListValue list)) {
            throw new NotKnown("the list of policy documents to merge is not known");
        }
        List<Value> out = new ArrayList<>();
        for (Value d : list.items()) {
            if (!(d instanceof Value.Null)) {
                out.add(d);
            }
        }
        return out;
    }

    private static String text(Value v, String what) {
        if (v == null || v instanceof Value.Null) {
            return "";
        }
        return Values.text(v).orElseThrow(() -> new NotKnown("the " + what + " of a policy document is not known"));
    }

    /** A document to merge, given as JSON text or as the structure (another data source's json, jsonencode). */
    private static Parsed parse(Value document) {
        Value doc = document;
        if (document instanceof Value.Str s) {
            doc = JsonText.parse(s.value(), (line, col, endLine, endCol) -> s.span()).orElseThrow(
                    () -> new EvalException(s.span(), "a policy document to merge is not JSON"));
        }
        if (!(doc instanceof Value.MapValue map)) {
            if (doc.isKnown()) {
                throw new EvalException(doc.span(), "a policy document to merge is not a JSON object");
            }
            throw new NotKnown("a policy document to merge is not known: " + Evaluator.reason(doc));
        }
        Value statementList = field(map, "Statement");
        List<Value> statements = new ArrayList<>();
        if (statementList instanceof Value.ListValue list) {
            for (Value s : list.items()) {
                statements.add(statement(s));
            }
        } else if (statementList != null && !(statementList instanceof Value.Null)) {
            if (statementList.isKnown()) {
                throw new EvalException(statementList.span(), "Statement of a policy document to merge is not a list");
            }
            throw new NotKnown("the statements of a policy document to merge are not known");
        }
        Value id = field(map, "Id");
        if (id != null && id.isKnown() && !(id instanceof Value.Str) && !(id instanceof Value.Null)) {
            throw new EvalException(id.span(), "Id of a policy document must be a string");
        }
        return new Parsed(stringField(map, "Version"), id, statements);
    }

    private static Value statement(Value s) {
        if (!(s instanceof Value.MapValue map)) {
            if (s.isKnown()) {
                throw new EvalException(s.span(), "a statement of a policy document to merge is not an object");
            }
            throw new NotKnown("a statement of a policy document to merge is not known");
        }
        Map<String, Value> out = new LinkedHashMap<>();
        for (String name : List.of("Sid", "Effect")) {
            Value v = field(map, name);
            if (v != null && !(v instanceof Value.Null) && !(v instanceof Value.Str str && str.value().isEmpty())) {
                if (v.isKnown() && !(v instanceof Value.Str)) {
                    throw new EvalException(v.span(), name + " of a statement must be a string");
                }
                out.put(name, v);
            }
        }
        for (String name : List.of("Action", "NotAction", "Resource", "NotResource")) {
            Value v = field(map, name);
            if (v != null && !(v instanceof Value.Null)) {
                out.put(name, v);
            }
        }
        principal(field(map, "Principal")).ifPresent(p -> out.put("Principal", p));
        principal(field(map, "NotPrincipal")).ifPresent(p -> out.put("NotPrincipal", p));
        condition(field(map, "Condition")).ifPresent(c -> out.put("Condition", c));
        return new Value.MapValue(out, map.span());
    }

    private static Optional<Value> principal(Value p) {
        if (p == null || p instanceof Value.Null) {
            return Optional.empty();
        }
        if (p instanceof Value.Str s) {
            // the provider reads any string principal as everyone
            return Optional.of(new Value.Str("*", s.span()));
        }
        if (!(p instanceof Value.MapValue map)) {
            if (p.isKnown()) {
                throw new EvalException(p.span(), "Principal of a statement must be a string or an object");
            }
            throw new NotKnown("a principal of a policy document to merge is not known");
        }
        if (map.entries().isEmpty()) {
            return Optional.empty();
        }
        Map<String, Value> out = new LinkedHashMap<>();
        for (Map.Entry<String, Value> e : map.entries().entrySet()) {
            Value ids = e.getValue();
            if (ids instanceof Value.ListValue list) {
                for (Value id : list.items()) {
                    if (id.isKnown() && !(id instanceof Value.Str)) {
                        throw new EvalException(id.span(), "principal identifiers must be strings");
                    }
                }
                ids = list.items().stream().allMatch(i -> i instanceof Value.Str)
                        ? PolicyStatementRendering.reverseSorted(list)
                        : new Value.Unknown("principal identifiers that are not all known", list.span());
            } else if (ids.isKnown() && !(ids instanceof Value.Str)) {
                throw new EvalException(ids.span(), "principal identifiers must be strings");
            }
            out.put(e.getKey(), ids);
        }
        if (out.size() == 1 && out.containsKey("*") && isStar(out.get("*"))) {
            return Optional.of(new Value.Str("*", map.span()));
        }
        return Optional.of(new Value.MapValue(out, map.span()));
    }

    private static boolean isStar(Value ids) {
        return ids instanceof Value.Str s && s.value().equals("*")
                || ids instanceof Value.ListValue l && l.items().size() == 1 && isStar(l.items().get(0));
    }

    private static Optional<Value> condition(Value c) {
        if (c == null || c instanceof Value.Null) {
            return Optional.empty();
        }
        if (!(c instanceof Value.MapValue tests)) {
            if (c.isKnown()) {
                throw new EvalException(c.span(), "Condition of a statement must be an object");
            }
            throw new NotKnown("a condition of a policy document to merge is not known");
        }
        Map<String, Value> out = new LinkedHashMap<>();
        for (Map.Entry<String, Value> test : tests.entries().entrySet()) {
            if (!(test.getValue() instanceof Value.MapValue variables)) {
                if (test.getValue().isKnown()) {
                    throw new EvalException(test.getValue().span(), "a condition test must be an object");
                }
                throw new NotKnown("a condition of a policy document to merge is not known");
            }
            Map<String, Value> kept = new LinkedHashMap<>();
            for (Map.Entry<String, Value> variable : variables.entries().entrySet()) {
                conditionValues(variable.getValue()).ifPresent(v -> kept.put(variable.getKey(), v));
            }
            if (!kept.isEmpty()) {
                out.put(test.getKey(), new Value.MapValue(kept, variables.span()));
            }
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(new Value.MapValue(out, tests.span()));
    }

    /** Strings stay (one in a list becomes the string), a boolean becomes its text, other values are dropped. */
    private static Optional<Value> conditionValues(Value v) {
        if (v instanceof Value.Bool b) {
            return Optional.of(new Value.Str(Boolean.toString(b.value()), b.span()));
        }
        if (v instanceof Value.ListValue list) {
            for (Value item : list.items()) {
                if (item.isKnown() && !(item instanceof Value.Str)) {
                    throw new EvalException(item.span(), "condition values must be strings");
                }
            }
            return Optional.of(list.items().size() == 1 ? list.items().get(0) : list);
        }
        if (v instanceof Value.Num || v instanceof Value.Null || v instanceof Value.MapValue) {
            return Optional.empty();
        }
        return Optional.of(v);
    }

    /** The field {@code name}, matched without regard to case as Go's JSON decoding does (the last match wins). */
    private static Value field(Value.MapValue map, String name) {
        Value found = null;
        for (Map.Entry<String, Value> e : map.entries().entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                found = e.getValue();
            }
        }
        return found;
    }

    private static String stringField(Value.MapValue map, String name) {
        Value v = field(map, name);
        if (v != null && v.isKnown() && !(v instanceof Value.Str) && !(v instanceof Value.Null)) {
            throw new EvalException(v.span(), name + " of a policy document must be a string");
        }
        return text(v, name);
    }
}
