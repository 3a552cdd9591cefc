package dev.preflight.terraform.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.preflight.graph.Value;
import dev.preflight.graph.Values;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares one value preflight holds with what Terraform planned for it. The rule: preflight may be unknown where
 * Terraform knows, never known and different. Sets compare without order; maps by their exact keys; blocks and
 * objects only on the attributes preflight holds (the provider fills in the rest); a JSON string Terraform holds
 * compares as the document it encodes.
 */
final class ValueComparator {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Agreement tally;

    ValueComparator(Agreement tally) {
        this.tally = tally;
    }

    /** Compares {@code pf} with Terraform's {@code tf} (its unknown mask {@code unknown}) at {@code where}. */
    void compare(Value pf, JsonNode tf, JsonNode unknown, SchemaType type, String where) {
        if (isTrue(unknown)) {
            // the SDK does not tell an empty collection from an unset one, and an unset Optional+Computed
            // attribute is computed by the provider (an ecs service's `triggers = {}`)
            if (pf.isKnown() && !isEmptyCollection(pf)) {
                tally.contradiction(where, "preflight knows " + Values.describe(pf)
                        + " but Terraform knows it only after apply");
            }
            return;
        }
        if (pf instanceof Value.Unknown || pf instanceof Value.Ref) {
            tally.valuesLeftUnknown++;
            tally.unknowns.add(where + ": " + (pf instanceof Value.Unknown u ? u.reason() : Values.describe(pf)));
            return;
        }
        if (pf instanceof Value.Template t) {
            template(t, tf, where);
            return;
        }
        if (tf == null || tf.isNull() || tf.isMissingNode()) {
            if (!(pf instanceof Value.Null) && !isEmptyCollection(pf) && !ProviderSuppressions.ignores(where)) {
                tally.contradiction(where, "preflight holds " + Values.describe(pf) + ", Terraform null");
            }
            return;
        }
        if (tf.isTextual() && (pf instanceof Value.MapValue || pf instanceof Value.ListValue)) {
            // a JSON document: preflight decodes it, Terraform keeps the string
            JsonNode doc = parse(tf.textValue());
            if (doc == null) {
                tally.contradiction(where, "preflight decoded a document, Terraform holds " + tf);
            } else if (where.endsWith("container_definitions") && pf instanceof Value.ListValue l && doc.isArray()) {
                // the AWS provider normalises container definitions and lists the containers in its own order
                // (the order is not part of the task definition's meaning): compare them by name
                compare(byName(l), byName(doc), null, SchemaType.DYNAMIC, where);
            } else {
                compare(pf, doc, null, SchemaType.DYNAMIC, where);
            }
            return;
        }
        if (pf instanceof Value.ListValue l) {
            list(l, tf, unknown, type, where);
        } else if (pf instanceof Value.MapValue m) {
            map(m, tf, unknown, type, where);
        } else {
            scalar(pf, tf, type, where);
        }
    }

    private void scalar(Value pf, JsonNode tf, SchemaType type, String where) {
        tally.valuesCompared++;
        if (sameScalar(pf, tf, type)) {
            tally.valuesEqual++;
        } else {
            tally.contradiction(where, "preflight " + Values.describe(pf) + ", Terraform " + tf);
        }
    }

    /** Equal once converted to the attribute's type, as Terraform converts: 80 and "80" for a string. */
    static boolean sameScalar(Value pf, JsonNode tf, SchemaType type) {
        if (pf instanceof Value.Null) {
            return tf.isNull();
        }
        if (!tf.isValueNode()) {
            return false;
        }
        String primitive = type.primitive();
        if (tf.isNumber() || "number".equals(primitive)) {
            return Values.number(pf).map(n -> tf.isNumber() ? n.compareTo(tf.decimalValue()) == 0
                    : sameNumberText(n, tf.asText())).orElse(false);
        }
        if (primitive == null && pf.getClass() != kindOf(tf)) {
            // no schema type to convert to: a number is not a string
            return false;
        }
        return Values.text(pf).map(t -> t.equals(tf.asText())).orElse(false);
    }

    private static boolean sameNumberText(BigDecimal n, String text) {
        try {
            return n.compareTo(new BigDecimal(text)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Class<?> kindOf(JsonNode tf) {
        return tf.isBoolean() ? Value.Bool.class : tf.isNumber() ? Value.Num.class : Value.Str.class;
    }

    private void template(Value.Template t, JsonNode tf, String where) {
        tally.valuesLeftUnknown++;
        if (tf != null && tf.isTextual()) {
            String text = tf.textValue();
            if (!text.startsWith(t.knownPrefix()) || !text.endsWith(t.knownSuffix())) {
                tally.contradiction(where, "preflight template " + Values.describe(t) + ", Terraform " + tf);
            }
        }
    }

    private void list(Value.ListValue pf, JsonNode tf, JsonNode unknown, SchemaType type, String where) {
        if (tf.isObject() && pf.items().size() == 1) {
            // a block Terraform holds as one object (nesting mode single)
            compare(pf.items().get(0), tf, unknown, type, where + "[0]");
            return;
        }
        if (!tf.isArray()) {
            tally.contradiction(where, "preflight holds a list, Terraform " + tf);
            return;
        }
        if (type.shape() == SchemaType.Shape.SET) {
            set(pf, tf, unknown, type.elementType(), where);
            return;
        }
        if (pf.items().size() != tf.size()) {
            tally.contradiction(where, "preflight holds " + pf.items().size() + " elements, Terraform " + tf.size());
            return;
        }
        for (int i = 0; i < tf.size(); i++) {
            compare(pf.items().get(i), tf.get(i), element(unknown, i), type.elementType(), where + "[" + i + "]");
        }
    }

    /** Each preflight element is matched to a Terraform element it does not contradict; order is Terraform's. */
    private void set(Value.ListValue pf, JsonNode tf, JsonNode unknown, SchemaType elementType, String where) {
        List<Value> matched = new ArrayList<>();
        boolean allKnown = pf.items().stream().allMatch(Value::isKnown);
        if (allKnown && distinct(pf.items()) != tf.size()) {
            tally.contradiction(where, "preflight holds a set of " + distinct(pf.items()) + ", Terraform "
                    + tf.size());
            return;
        }
        List<Integer> free = new ArrayList<>();
        for (int i = 0; i < tf.size(); i++) {
            free.add(i);
        }
        for (Value item : pf.items()) {
            Integer match = null;
            for (Integer i : free) {
                Agreement trial = new Agreement();
                new ValueComparator(trial).compare(item, tf.get(i), element(unknown, i), elementType, where);
                if (trial.contradictions.isEmpty()) {
                    match = i;
                    break;
                }
            }
            if (match == null) {
                if (matched.stream().anyMatch(m -> Values.sameKnown(m, item).orElse(false))) {
                    continue; // a duplicate, which the set holds once
                }
                tally.contradiction(where, "preflight's element " + Values.describe(item)
                        + " is not in Terraform's set " + tf);
                continue;
            }
            free.remove(match);
            matched.add(item);
            compare(item, tf.get(match), element(unknown, match), elementType, where + "{" + match + "}");
        }
    }

    private static int distinct(List<Value> items) {
        List<Value> seen = new ArrayList<>();
        for (Value v : items) {
            if (seen.stream().noneMatch(s -> Values.sameKnown(s, v).orElse(false))) {
                seen.add(v);
            }
        }
        return seen.size();
    }

    private void map(Value.MapValue pf, JsonNode tf, JsonNode unknown, SchemaType type, String where) {
        if (tf.isArray() && tf.size() == 1 && tf.get(0).isObject()) {
            compare(pf, tf.get(0), element(unknown, 0), type, where + "[0]");
            return;
        }
        if (!tf.isObject()) {
            tally.contradiction(where, "preflight holds an object, Terraform " + tf);
            return;
        }
        boolean exactKeys = type.shape() == SchemaType.Shape.MAP || type.shape() == SchemaType.Shape.DYNAMIC;
        if (exactKeys) {
            Set<String> tfKeys = new HashSet<>();
            tf.fields().forEachRemaining(e -> {
                if (!e.getValue().isNull()) {
                    tfKeys.add(e.getKey());
                }
            });
            if (unknown != null && unknown.isObject()) {
                unknown.fieldNames().forEachRemaining(tfKeys::add);
            }
            Set<String> pfKeys = new HashSet<>();
            pf.entries().forEach((k, v) -> {
                if (!(v instanceof Value.Null) && !droppedByTheProvider(where, k, v)) {
                    pfKeys.add(k);
                }
            });
            if (pf.isKnown() && !pfKeys.equals(tfKeys)) {
                tally.contradiction(where, "preflight's keys " + new java.util.TreeSet<>(pfKeys)
                        + ", Terraform's " + new java.util.TreeSet<>(tfKeys));
                return;
            }
        }
        for (Map.Entry<String, Value> e : pf.entries().entrySet()) {
            if (droppedByTheProvider(where, e.getKey(), e.getValue())) {
                continue;
            }
            SchemaType member = type.shape() == SchemaType.Shape.MAP ? type.elementType() : type.member(e.getKey());
            compare(e.getValue(), tf.get(e.getKey()), unknown == null ? null : unknown.get(e.getKey()), member,
                    where + "." + e.getKey());
        }
    }

    /**
     * A container definition's {@code cpu = 0}: the provider normalises container definitions through the AWS SDK's
     * type, whose {@code Cpu} is a plain integer written only when it is not zero, so the planned JSON has no
     * {@code cpu}; zero container cpu and none are the same to ECS.
     */
    private static boolean droppedByTheProvider(String where, String key, Value v) {
        return where.contains("container_definitions[") && key.equals("cpu")
                && Values.number(v).map(n -> n.signum() == 0).orElse(false);
    }

    private static JsonNode element(JsonNode unknown, int i) {
        return unknown != null && unknown.isArray() ? unknown.get(i) : null;
    }

    private static boolean isTrue(JsonNode n) {
        return n != null && n.isBoolean() && n.booleanValue();
    }

    private static boolean isEmptyCollection(Value v) {
        return (v instanceof Value.ListValue l && l.items().isEmpty())
                || (v instanceof Value.MapValue m && m.entries().isEmpty());
    }

    private static Value byName(Value.ListValue containers) {
        List<Value> sorted = new java.util.ArrayList<>(containers.items());
        for (Value c : sorted) {
            if (!(c instanceof Value.MapValue m) || !(m.entries().get("name") instanceof Value.Str)) {
                return containers; // a container whose name is not known: keep the written order
            }
        }
        sorted.sort(java.util.Comparator.comparing(c -> ((Value.Str) ((Value.MapValue) c).entries().get("name")).value()));
        return new Value.ListValue(sorted, containers.span());
    }

    private static JsonNode byName(JsonNode containers) {
        List<JsonNode> sorted = new java.util.ArrayList<>();
        containers.forEach(sorted::add);
        sorted.sort(java.util.Comparator.comparing(c -> c.path("name").asText("")));
        com.fasterxml.jackson.databind.node.ArrayNode out = JSON.createArrayNode();
        sorted.forEach(out::add);
        return out;
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
