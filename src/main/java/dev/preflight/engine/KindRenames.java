package dev.preflight.engine;

import dev.preflight.dsl.DeclaredKind;
import dev.preflight.dsl.Rule;
import dev.preflight.graph.Format;
import dev.preflight.graph.PropertyNames;
import dev.preflight.graph.Resource;
import dev.preflight.graph.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The renamed properties of users' {@linkplain DeclaredKind declared kinds}, put in place before the graph is built,
 * as the loaders put the built-in kinds' renames in place: a CloudFormation {@code BucketName} becomes the
 * {@code bucket} that rules read. Doing it before the graph exists keeps every resource one object, so that edges,
 * traversals and findings see the renamed resource and nothing else. A scan without declared kinds does nothing
 * here.
 *
 * <p>A rename is a fact about the resource type, not a rule's opinion, so two kinds that rename the same written
 * property differently are an error, naming both.
 */
public final class KindRenames {
    private static final KindRenames NONE = new KindRenames(Map.of());

    /** Format and type ("CLOUDFORMATION AWS::S3::Bucket") to written name (canonical spelling) to the name read. */
    private final Map<String, Map<String, String>> byType;

    private KindRenames(Map<String, Map<String, String>> byType) {
        this.byType = byType;
    }

    /** Thrown when two declared kinds disagree about a property's name. */
    public static final class ConflictException extends Exception {
        private static final long serialVersionUID = 1L;

        ConflictException(String message) {
            super(message, null, false, false);
        }
    }

    /** The renames of every kind {@code rules} read. */
    public static KindRenames of(List<Rule> rules) throws ConflictException {
        Map<String, Map<String, String>> table = new LinkedHashMap<>();
        Map<String, String> declaredBy = new HashMap<>();
        boolean any = false;
        for (Rule rule : rules) {
            for (DeclaredKind kind : rule.declaredKinds()) {
                for (Format format : Format.values()) {
                    Map<String, String> renames = kind.renames(format);
                    for (String type : kind.types()) {
                        if (renames.isEmpty() || !isOf(format, type)) {
                            continue;
                        }
                        any = true;
                        add(table, declaredBy, format + " " + type, type, renames, kind, rule);
                    }
                }
            }
        }
        return any ? new KindRenames(table) : NONE;
    }

    /** CloudFormation types have "::"; Terraform types do not. */
    private static boolean isOf(Format format, String type) {
        return (format == Format.CLOUDFORMATION) == type.contains("::");
    }

    private static void add(Map<String, Map<String, String>> table, Map<String, String> declaredBy, String key,
                            String type, Map<String, String> renames, DeclaredKind kind, Rule rule)
            throws ConflictException {
        Map<String, String> existing = table.computeIfAbsent(key, k -> new HashMap<>());
        String who = "kind " + kind.name() + " of " + RuleRunner.name(rule);
        for (Map.Entry<String, String> e : renames.entrySet()) {
            String before = existing.get(e.getKey());
            String whoBefore = declaredBy.get(key + " " + e.getKey());
            if (before != null && !before.equals(e.getValue())) {
                throw new ConflictException(who + " reads " + type + "'s property " + e.getKey() + " as '"
                        + e.getValue() + "', but " + whoBefore + " reads it as '" + before + "'");
            }
            for (Map.Entry<String, String> other : existing.entrySet()) {
                if (!other.getKey().equals(e.getKey()) && other.getValue().equals(e.getValue())) {
                    throw new ConflictException(who + " reads " + type + "'s property " + e.getKey() + " as '"
                            + e.getValue() + "', but " + declaredBy.get(key + " " + other.getKey())
                            + " reads property " + other.getKey() + " as '" + e.getValue() + "'");
                }
            }
            existing.put(e.getKey(), e.getValue());
            declaredBy.putIfAbsent(key + " " + e.getKey(), who);
        }
    }

    /** Whether there is nothing to rename. */
    public boolean isEmpty() {
        return byType.isEmpty();
    }

    /** {@code resources} with the renames applied; the same list when there are none. */
    public List<Resource> apply(List<Resource> resources) {
        if (isEmpty()) {
            return resources;
        }
        Map<Resource, Resource> renamed = new IdentityHashMap<>();
        List<Resource> out = new ArrayList<>(resources.size());
        for (Resource r : resources) {
            out.add(renamed(r, renamed));
        }
        return out;
    }

    /** The resource renamed, with its parent renamed too (an inline child must point at the graph's parent). */
    private Resource renamed(Resource r, Map<Resource, Resource> done) {
        Resource cached = done.get(r);
        if (cached != null) {
            return cached;
        }
        Resource parent = r.parent().orElse(null);
        Resource newParent = parent == null ? null : renamed(parent, done);
        Map<String, String> renames = byType.get(r.format() + " " + r.type());
        Map<String, String> written = new HashMap<>();
        Value.MapValue properties = renames == null ? r.properties() : rename(r.properties(), renames, written);
        Resource result = properties == r.properties() && newParent == parent ? r
                : r.withProperties(properties, newParent, written);
        done.put(r, result);
        return result;
    }

    /** The properties with renamed keys; {@code written} collects each new key's written name. */
    private static Value.MapValue rename(Value.MapValue properties, Map<String, String> renames,
                                         Map<String, String> written) {
        Map<String, Value> entries = new LinkedHashMap<>();
        for (Map.Entry<String, Value> e : properties.entries().entrySet()) {
            String to = renames.get(PropertyNames.canonical(e.getKey()));
            if (to != null) {
                written.put(to, e.getKey());
            }
            entries.putIfAbsent(to == null ? e.getKey() : to, e.getValue());
        }
        return written.isEmpty() ? properties : new Value.MapValue(entries, properties.span());
    }
}
