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
 * (a default filled in by the loader). A value that flowed there from elsewhere (a variable's default, a tfvars
 * file, a module argument, a parameter default, a mapping) remembers the way in its {@link Provenance}.
 *
 * <pre>{@code
 * if (value instanceof Value.Unknown u) {
 *     events.unknown(resource, u.reason());
 * } else if (value instanceof Value.Str s) { ... }
 * }</pre>
 */
public sealed interface Value {

    Span span();

    /**
     * How the value came to its span: the value it was at its previous place and what that place was, or null when it
     * is written where it is. Loaders record it as values flow ({@link #via}); {@link Provenance#steps} reads it.
     */
    Provenance provenance();

    /** This value at {@code where} with the history {@code provenance}: the one copy every record makes. */
    Value withPlace(Span where, Provenance provenance);

    /**
     * A copy of this value that points at {@code where} (used when a value flows from a default to a use). The move
     * is remembered when the two places are apart; a place inside the other (parentheses, a template's only part,
     * an attribute re-pointed at its expression) is the same place, written more or less precisely.
     */
    default Value at(Span where) {
        Span here = span();
        if (here != null && where != null && Provenance.samePlace(here, where)) {
            return this;
        }
        if (here == null || where == null || Provenance.nested(here, where)) {
            return withPlace(where, provenance());
        }
        return withPlace(where, new Provenance(this, null));
    }

    /**
     * A copy at {@code where} that remembers it came from its present place, named {@code note} ({@code var.azs},
     * {@code parameter Subnets}, {@code mapping RegionMap}): the hop a loader makes when a name is used.
     */
    default Value via(Span where, String note) {
        return span() == null ? withPlace(where, provenance()) : withPlace(where, new Provenance(this, note));
    }

    /**
     * This value, an element of {@code container}, with the container's history when it has none of its own: the
     * zone taken out of {@code var.azs} still came from {@code terraform.tfvars}.
     */
    default Value within(Value container) {
        return provenance() != null || container.provenance() == null ? this
                : withPlace(span(), container.provenance());
    }

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

    record Str(String value, Span span, Provenance provenance) implements Value {
        /** A value written at {@code span}. */
        public Str(String value, Span span) {
            this(value, span, null);
        }

        public Value withPlace(Span where, Provenance from) {
            return new Str(value, where, from);
        }

        public boolean isKnown() {
            return true;
        }
    }

    record Num(BigDecimal value, Span span, Provenance provenance) implements Value {
        /** A value written at {@code span}. */
        public Num(BigDecimal value, Span span) {
            this(value, span, null);
        }

        public Value withPlace(Span where, Provenance from) {
            return new Num(value, where, from);
        }

        public boolean isKnown() {
            return true;
        }
    }

    record Bool(boolean value, Span span, Provenance provenance) implements Value {
        /** A value written at {@code span}. */
        public Bool(boolean value, Span span) {
            this(value, span, null);
        }

        public Value withPlace(Span where, Provenance from) {
            return new Bool(value, where, from);
        }

        public boolean isKnown() {
            return true;
        }
    }

    /** An explicit {@code null} (Terraform) or {@code AWS::NoValue}: the property counts as not set. */
    record Null(Span span, Provenance provenance) implements Value {
        /** A value written at {@code span}. */
        public Null(Span span) {
            this(span, null);
        }

        public Value withPlace(Span where, Provenance from) {
            return new Null(where, from);
        }

        public boolean isKnown() {
            return true;
        }
    }

    record ListValue(List<Value> items, Span span, Provenance provenance) implements Value {
        public ListValue {
            items = Collections.unmodifiableList(new ArrayList<>(items));
        }

        /** A value written at {@code span}. */
        public ListValue(List<Value> items, Span span) {
            this(items, span, null);
        }

        public Value withPlace(Span where, Provenance from) {
            return new ListValue(items, where, from);
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
    record MapValue(Map<String, Value> entries, Span span, Provenance provenance) implements Value {
        public MapValue {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        /** A value written at {@code span}. */
        public MapValue(Map<String, Value> entries, Span span) {
            this(entries, span, null);
        }

        public Value withPlace(Span where, Provenance from) {
            return new MapValue(entries, where, from);
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
    record Unknown(String reason, Span span, Provenance provenance) implements Value {
        /** A value written at {@code span}. */
        public Unknown(String reason, Span span) {
            this(reason, span, null);
        }

        public Value withPlace(Span where, Provenance from) {
            return new Unknown(reason, where, from);
        }
    }

    /**
     * A reference to an attribute of another resource: {@code aws_vpc.main.id}, {@code !Ref Vpc},
     * {@code !GetAtt Repo.RepositoryUri}. {@code attribute} is the path after the resource ({@code ["id"]},
     * {@code ["RepositoryUri"]}); a CloudFormation {@code !Ref} has the attribute {@link #REF}.
     */
    record Ref(ResourceId target, List<String> attribute, Span span, Provenance provenance) implements Value {
        /** The attribute name used for CloudFormation's {@code Ref}, which names the resource's primary id. */
        public static final String REF = "Ref";

        public Ref {
            attribute = List.copyOf(attribute);
        }

        /** A value written at {@code span}. */
        public Ref(ResourceId target, List<String> attribute, Span span) {
            this(target, attribute, span, null);
        }

        public Value withPlace(Span where, Provenance from) {
            return new Ref(target, attribute, where, from);
        }

        public String attributeName() {
            return attribute.isEmpty() ? REF : attribute.get(0);
        }
    }

    /** A string built from parts, some known ({@link Str}) and some not ({@link Unknown}, {@link Ref}). */
    record Template(List<Value> parts, Span span, Provenance provenance) implements Value {
        public Template {
            parts = List.copyOf(parts);
        }

        /** A value written at {@code span}. */
        public Template(List<Value> parts, Span span) {
            this(parts, span, null);
        }

        public Value withPlace(Span where, Provenance from) {
            return new Template(parts, where, from);
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
