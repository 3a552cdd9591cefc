package dev.preflight.graph;

import dev.preflight.source.Span;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A property value as loaded from either format. Three-valued by construction: a value is known (a literal,
 * list, or map), {@link Unknown} (with the reason), or a {@link Ref} to another resource, which the graph
 * resolves. A {@link Template} is a string with known and unknown parts, e.g. {@code "${repo.url}:1.2.3"}.
 * {@code span} is where the value is written; it is null only for values that exist nowhere in the source
 * (a default filled in by the loader).
 *
 * <pre>{@code
 * if (value instanceof Value.Unknown u) {
 *     events.unknown(resource, u.reason());
 * } else if (value instanceof Value.Str s) { ... }
 * }</pre>
 */
public sealed interface Value {

    Span span();

    /** A copy of this value that points at {@code where} (used when a value flows from a default to a use). */
    Value at(Span where);

    /** True for values that are fully known (no unknown or reference inside). */
    default boolean isKnown() {
        return false;
    }

    /** A loop rather than a stream: this recurses through whole property trees, a stream pipeline per node. */
    private static boolean allKnown(Collection<Value> values) {
        for (Value v : values) {
            if (!v.isKnown()) {
                return false;
            }
        }
        return true;
    }

    record Str(String value, Span span) implements Value {
        public Value at(Span where) {
            return new Str(value, where);
        }

        public boolean isKnown() {
            return true;
        }
    }

    record Num(BigDecimal value, Span span) implements Value {
        public Value at(Span where) {
            return new Num(value, where);
        }

        public boolean isKnown() {
            return true;
        }
    }

    record Bool(boolean value, Span span) implements Value {
        public Value at(Span where) {
            return new Bool(value, where);
        }

        public boolean isKnown() {
            return true;
        }
    }

    /** An explicit {@code null} (Terraform) or {@code AWS::NoValue}: the property counts as not set. */
    record Null(Span span) implements Value {
        public Value at(Span where) {
            return new Null(where);
        }

        public boolean isKnown() {
            return true;
        }
    }

    record ListValue(List<Value> items, Span span) implements Value {
        public ListValue {
            items = Collections.unmodifiableList(new ArrayList<>(items));
        }

        public Value at(Span where) {
            return new ListValue(items, where);
        }

        public boolean isKnown() {
            return allKnown(items);
        }
    }

    /**
     * A map or object, keys in source order. {@link #get(String)} finds an entry by canonical name:
     * {@code DestinationIpv6CidrBlock}, {@code destination_ipv6_cidr_block} and {@code destinationIpv6CidrBlock}
     * are the same property (see {@link PropertyNames}).
     */
    record MapValue(Map<String, Value> entries, Span span) implements Value {
        public MapValue {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        public Value at(Span where) {
            return new MapValue(entries, where);
        }

        public boolean isKnown() {
            return allKnown(entries.values());
        }

        /** The entry whose key has the canonical name {@code name}, or empty. */
        public Optional<Value> get(String name) {
            Value exact = entries.get(name);
            if (exact != null) {
                return Optional.of(exact);
            }
            String wanted = PropertyNames.canonical(name);
            for (Map.Entry<String, Value> e : entries.entrySet()) {
                if (PropertyNames.canonical(e.getKey()).equals(wanted)) {
                    return Optional.of(e.getValue());
                }
            }
            return Optional.empty();
        }
    }

    /** A value preflight cannot know before apply, and why ("variable `subnet_ids` has no default"). */
    record Unknown(String reason, Span span) implements Value {
        public Value at(Span where) {
            return new Unknown(reason, where);
        }
    }

    /**
     * A reference to an attribute of another resource: {@code aws_vpc.main.id}, {@code !Ref Vpc},
     * {@code !GetAtt Repo.RepositoryUri}. {@code attribute} is the path after the resource ({@code ["id"]},
     * {@code ["RepositoryUri"]}); a CloudFormation {@code !Ref} has the attribute {@link #REF}.
     */
    record Ref(ResourceId target, List<String> attribute, Span span) implements Value {
        /** The attribute name used for CloudFormation's {@code Ref}, which names the resource's primary id. */
        public static final String REF = "Ref";

        public Ref {
            attribute = List.copyOf(attribute);
        }

        public Value at(Span where) {
            return new Ref(target, attribute, where);
        }

        public String attributeName() {
            return attribute.isEmpty() ? REF : attribute.get(0);
        }
    }

    /** A string built from parts, some known ({@link Str}) and some not ({@link Unknown}, {@link Ref}). */
    record Template(List<Value> parts, Span span) implements Value {
        public Template {
            parts = List.copyOf(parts);
        }

        public Value at(Span where) {
            return new Template(parts, where);
        }

        /** The known text at the end of the template, after its last non-literal part. */
        public String knownSuffix() {
            StringBuilder sb = new StringBuilder();
            for (int i = parts.size() - 1; i >= 0 && parts.get(i) instanceof Str s; i--) {
                sb.insert(0, s.value());
            }
            return sb.toString();
        }

        /** The known text at the start of the template, before its first non-literal part. */
        public String knownPrefix() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < parts.size() && parts.get(i) instanceof Str s; i++) {
                sb.append(s.value());
            }
            return sb.toString();
        }
    }
}
