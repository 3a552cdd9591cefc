package dev.preflight.dsl;

import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.graph.Value;
import dev.preflight.source.Span;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One property of a resource, read the three-valued way: every question answers {@link Truth#TRUE},
 * {@link Truth#FALSE} or {@link Truth#UNKNOWN}, and a value that is only known after apply (a variable without a
 * default, a computed attribute, a parameter) answers UNKNOWN. Written for users' predicates and conditions, so that
 * an unknown value cannot become a finding by accident: there is no plain {@code boolean} to get wrong.
 *
 * <pre>{@code
 * ResourcePredicate encrypted = ResourcePredicate.of("have storage encrypted",
 *         (db, graph) -> PropertyValue.of(db, "storage_encrypted", graph).isOneOf(List.of("true")));
 * }</pre>
 *
 * A reference to another resource's written attribute is followed ({@code aws_s3_bucket.logs.bucket} reads the
 * bucket's {@code bucket}). An absent property, or one set to {@code null} / {@code AWS::NoValue}, is not set and
 * equals nothing.
 */
public final class PropertyValue {
    private final String path;
    private final Optional<Value> written;
    private final Value resolved;

    private PropertyValue(String path, Optional<Value> written, Value resolved) {
        this.path = path;
        this.written = written;
        this.resolved = resolved;
    }

    /** The property at {@code path} (dotted canonical names, e.g. {@code network_configuration.subnets}). */
    public static PropertyValue of(Resource resource, String path, ResourceGraph graph) {
        Optional<Value> v = resource.property(path);
        return new PropertyValue(path, v, v.map(x -> Values.resolve(x, graph)).orElse(null));
    }

    /** The path read. */
    public String path() {
        return path;
    }

    /** TRUE when written with a value, FALSE when absent or null, UNKNOWN when it may be null. */
    public Truth isSet() {
        return Values.isSet(written);
    }

    /** Whether the value's text is one of {@code values} (FALSE when absent; numbers and booleans as text). */
    public Truth isOneOf(Collection<String> values) {
        return testText(values::contains);
    }

    /** Whether the value's text matches {@code pattern} as a whole. */
    public Truth matches(Pattern pattern) {
        return testText(s -> pattern.matcher(s).matches());
    }

    /**
     * Whether the value is a number from {@code min} to {@code max}, both included; a null bound is open. A known
     * value that is not a number is not in the range.
     */
    public Truth isBetween(BigDecimal min, BigDecimal max) {
        Truth set = isSet();
        if (set != Truth.TRUE) {
            return set;
        }
        Optional<BigDecimal> n = dev.preflight.graph.Values.number(resolved);
        if (n.isEmpty()) {
            return Values.knownString(resolved).isPresent() ? Truth.FALSE : Truth.UNKNOWN;
        }
        return Truth.of((min == null || n.get().compareTo(min) >= 0) && (max == null || n.get().compareTo(max) <= 0));
    }

    /** The text of the value: empty when not set, unknown when not known before apply. */
    public Known<Optional<String>> text() {
        Truth set = isSet();
        if (set == Truth.FALSE) {
            return Known.of(Optional.empty());
        }
        Optional<String> text = set == Truth.TRUE ? Values.knownString(resolved) : Optional.empty();
        return text.isPresent() ? Known.of(text) : Known.unknown(path + " is not known before apply");
    }

    private Truth testText(Predicate<String> test) {
        Known<Optional<String>> text = text();
        if (!text.isKnown()) {
            return Truth.UNKNOWN;
        }
        return text.value().map(s -> Truth.of(test.test(s))).orElse(Truth.FALSE);
    }

    /** The value as written, when the property is. */
    public Optional<Value> written() {
        return written;
    }

    /** Where the value is written, or null when it is not. */
    public Span span() {
        return written.map(Value::span).orElse(null);
    }

    /** How the value reads in a message: its text, the expression it stands for, or {@code (absent)}. */
    public String shown() {
        return written.map(Values::show).orElse("(absent)");
    }
}
