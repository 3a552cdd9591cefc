package dev.preflight.terraform;

import dev.preflight.graph.Value;
import dev.preflight.source.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code statement} block of {@code data "aws_iam_policy_document"} as the AWS provider writes it into the
 * document's JSON: {@code actions}, {@code resources} and {@code identifiers} are sets, written as a string when
 * they hold one element and otherwise sorted in reverse order; {@code &{aws:username}} becomes
 * {@code ${aws:username}} in resources, identifiers and condition values; principals and conditions are grouped by
 * type, test and variable. Values written in the configuration keep their positions. What Terraform rejects
 * throws {@link EvalException}.
 */
final class PolicyStatementRendering {
    private PolicyStatementRendering() {
    }

    /** The JSON statement of an evaluated statement block. */
    static Value statement(Value block) {
        if (!(block instanceof Value.MapValue s)) {
            return new Value.Unknown("a statement of the policy document is not known", block.span());
        }
        Map<String, Value> out = new LinkedHashMap<>();
        Value sid = s.entries().get("sid");
        if (sid != null && !(sid instanceof Value.Null) && !(sid instanceof Value.Str str && str.value().isEmpty())) {
            out.put("Sid", sid);
        }
        Value effect = s.entries().get("effect");
        if (effect instanceof Value.Str e && !e.value().equals("Allow") && !e.value().equals("Deny")) {
            throw new EvalException(effect.span(), "effect must be Allow or Deny");
        }
        out.put("Effect", effect == null || effect instanceof Value.Null ? new Value.Str("Allow", null) : effect);
        putSet(out, "Action", s.entries().get("actions"), false);
        putSet(out, "NotAction", s.entries().get("not_actions"), false);
        putSet(out, "Resource", s.entries().get("resources"), true);
        putSet(out, "NotResource", s.entries().get("not_resources"), true);
        principals(s.entries().get("principals")).ifPresent(p -> out.put("Principal", p));
        principals(s.entries().get("not_principals")).ifPresent(p -> out.put("NotPrincipal", p));
        conditions(s.entries().get("condition")).ifPresent(c -> out.put("Condition", c));
        return new Value.MapValue(out, s.span());
    }

    private static void putSet(Map<String, Value> out, String key, Value set, boolean variables) {
        stringSet(set, variables).ifPresent(v -> out.put(key, v));
    }

    /**
     * A set of strings as the provider writes it: absent when empty, the element itself when there is one, else
     * the elements in reverse order. Unknown when elements that are not known could change the order or count.
     */
    static Optional<Value> stringSet(Value set, boolean variables) {
        if (set == null || set instanceof Value.Null) {
            return Optional.empty();
        }
        if (!(set instanceof Value.ListValue list)) {
            return Optional.of(new Value.Unknown("a set of the policy document is not known", set.span()));
        }
        if (list.items().isEmpty()) {
            return Optional.empty();
        }
        if (list.items().size() == 1) {
            return Optional.of(variables ? withPolicyVariables(list.items().get(0)) : list.items().get(0));
        }
        Map<String, Value> distinct = new LinkedHashMap<>();
        for (Value item : list.items()) {
            if (!(item instanceof Value.Str str)) {
                return Optional.of(new Value.Unknown("the order the provider gives a set with an element that is not "
                        + "known is not known", list.span()));
            }
            distinct.putIfAbsent(str.value(), item);
        }
        if (distinct.size() == 1) {
            Value only = distinct.values().iterator().next();
            return Optional.of(variables ? withPolicyVariables(only) : only);
        }
        List<String> keys = new ArrayList<>(distinct.keySet());
        keys.sort(Comparator.reverseOrder());
        List<Value> items = new ArrayList<>();
        for (String k : keys) {
            items.add(variables ? withPolicyVariables(distinct.get(k)) : distinct.get(k));
        }
        return Optional.of(new Value.ListValue(items, list.span()));
    }

    /**
     * Whether the statement block writes a policy variable ({@code &{...}}) where the provider replaces it: the
     * provider refuses that in a document of version 2008-10-17.
     */
    static boolean usesPolicyVariables(Value block) {
        if (!(block instanceof Value.MapValue s)) {
            return false;
        }
        for (String set : List.of("resources", "not_resources")) {
            if (mentionsVariable(s.entries().get(set))) {
                return true;
            }
        }
        for (String nested : List.of("principals", "not_principals", "condition")) {
            if (s.entries().get(nested) instanceof Value.ListValue blocks) {
                for (Value b : blocks.items()) {
                    if (b instanceof Value.MapValue m && (mentionsVariable(m.entries().get("identifiers"))
                            || mentionsVariable(m.entries().get("values")))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean mentionsVariable(Value strings) {
        if (!(strings instanceof Value.ListValue list)) {
            return false;
        }
        for (Value v : list.items()) {
            List<Value> parts = v instanceof Value.Template t ? t.parts() : List.of(v);
            for (Value p : parts) {
                if (p instanceof Value.Str s && s.value().contains("&{")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code &{aws:username}}, written so because HCL reads {@code ${} itself, is the policy's {@code ${}. */
    static Value withPolicyVariables(Value v) {
        if (v instanceof Value.Str s) {
            return s.value().contains("&{") ? new Value.Str(s.value().replace("&{", "${"), s.span()) : s;
        }
        if (v instanceof Value.Template t) {
            List<Value> parts = new ArrayList<>();
            t.parts().forEach(p -> parts.add(withPolicyVariables(p)));
            return new Value.Template(parts, t.span());
        }
        return v;
    }

    /**
     * {@code principals} blocks: {@code "*"} for the one block {@code type = "*", identifiers = ["*"]}, else an
     * object of identifiers by type. Several blocks of one type are joined in the provider's set order, which
     * preflight does not reproduce: that type's identifiers are then unknown.
     */
    private static Optional<Value> principals(Value blocks) {
        if (blocks == null || blocks instanceof Value.Null) {
            return Optional.empty();
        }
        if (!(blocks instanceof Value.ListValue list)) {
            return Optional.of(new Value.Unknown("principals of the policy document are not known", blocks.span()));
        }
        if (list.items().isEmpty()) {
            return Optional.empty();
        }
        Map<String, Value> byType = new LinkedHashMap<>();
        Set<String> repeated = new LinkedHashSet<>();
        for (Value block : list.items()) {
            if (!(block instanceof Value.MapValue p) || !(p.entries().get("type") instanceof Value.Str type)) {
                return Optional.of(new Value.Unknown("a principal of the policy document is not known",
                        block.span()));
            }
            // the provider sorts identifiers once more after replacing &{ with ${
            Value ids = stringSet(p.entries().get("identifiers"), true).map(PolicyStatementRendering::reverseSorted)
                    .orElse(new Value.ListValue(List.of(), p.span()));
            if (list.items().size() == 1 && type.value().equals("*") && isStar(ids)) {
                return Optional.of(new Value.Str("*", p.span()));
            }
            if (byType.put(type.value(), ids) != null) {
                repeated.add(type.value());
            }
        }
        for (String type : repeated) {
            byType.put(type, new Value.Unknown("the identifiers of several " + type + " principals blocks are joined "
                    + "in an order preflight does not know", list.span()));
        }
        return Optional.of(new Value.MapValue(byType, list.span()));
    }

    /** A list of known strings in reverse order; anything else as it is. */
    static Value reverseSorted(Value v) {
        if (!(v instanceof Value.ListValue list) || !list.items().stream().allMatch(i -> i instanceof Value.Str)) {
            return v;
        }
        List<Value> items = new ArrayList<>(list.items());
        items.sort(Comparator.comparing((Value i) -> ((Value.Str) i).value()).reversed());
        return new Value.ListValue(items, list.span());
    }

    private static boolean isStar(Value ids) {
        return ids instanceof Value.Str s && s.value().equals("*");
    }

    /**
     * {@code condition} blocks: an object of tests, each an object of variables and their values (a string when
     * there is one). Several blocks with the same test and variable are joined in the provider's set order: that
     * variable's values are then unknown.
     */
    private static Optional<Value> conditions(Value blocks) {
        if (blocks == null || blocks instanceof Value.Null) {
            return Optional.empty();
        }
        if (!(blocks instanceof Value.ListValue list)) {
            return Optional.of(new Value.Unknown("conditions of the policy document are not known", blocks.span()));
        }
        if (list.items().isEmpty()) {
            return Optional.empty();
        }
        Map<String, Map<String, Value>> byTest = new LinkedHashMap<>();
        Map<String, Span> testSpans = new LinkedHashMap<>();
        for (Value block : list.items()) {
            if (!(block instanceof Value.MapValue c) || !(c.entries().get("test") instanceof Value.Str test)
                    || !(c.entries().get("variable") instanceof Value.Str variable)) {
                return Optional.of(new Value.Unknown("a condition of the policy document is not known",
                        block.span()));
            }
            Map<String, Value> variables = byTest.computeIfAbsent(test.value(), k -> new LinkedHashMap<>());
            testSpans.putIfAbsent(test.value(), c.span());
            Value values = conditionValues(c.entries().get("values"), c.span());
            if (variables.put(variable.value(), values) != null) {
                variables.put(variable.value(), new Value.Unknown("the values of several conditions on "
                        + variable.value() + " are joined in an order preflight does not know", c.span()));
            }
        }
        Map<String, Value> out = new LinkedHashMap<>();
        byTest.forEach((test, variables) -> out.put(test, new Value.MapValue(variables, testSpans.get(test))));
        return Optional.of(new Value.MapValue(out, list.span()));
    }

    /** A condition's values, in their order: the one value itself when there is one. */
    private static Value conditionValues(Value values, Span where) {
        if (!(values instanceof Value.ListValue list)) {
            return new Value.Unknown("the values of a condition are not known", values == null ? where : values.span());
        }
        List<Value> items = new ArrayList<>();
        list.items().forEach(v -> items.add(withPolicyVariables(v)));
        return items.size() == 1 ? items.get(0) : new Value.ListValue(items, list.span());
    }
}
