package dev.preflight.dsl;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reusable, generic predicates: what a property holds, whether it is written, what tags a resource has, what
 * related resources are like. Every one is three-valued: a value unknown before apply answers UNKNOWN.
 *
 * <pre>{@code
 * resources(Kind.ECS_SERVICE)
 *         .that(Predicates.haveValue("launch_type", null, "FARGATE"))
 *         .should(Conditions.match(Predicates.haveTag("Owner"), Tags.PROPERTY));
 * }</pre>
 *
 * Descriptions read as the tail of "resources that ..." ({@code "have tag Owner"}), and rule descriptions are built
 * from them.
 */
public final class Predicates {
    private Predicates() {
    }

    /** The property at {@code path} is written and not null (UNKNOWN when its value might be null). */
    public static ResourcePredicate have(String path) {
        return ResourcePredicate.of("have " + path, (r, g) -> Values.isSet(r.property(path)));
    }

    /**
     * The property at {@code path} is one of {@code values}; when it is absent, {@code defaultValue} counts (pass
     * null for "absent is not one of them").
     */
    public static ResourcePredicate haveValue(String path, String defaultValue, String... values) {
        List<String> allowed = Arrays.asList(values);
        String text = values.length == 1 ? values[0] : "one of " + String.join(", ", values);
        return ResourcePredicate.of("have " + path + " " + text, (r, g) -> {
            PropertyValue v = PropertyValue.of(r, path, g);
            if (v.isSet() == Truth.FALSE) {
                return Truth.of(defaultValue != null && allowed.contains(defaultValue));
            }
            return v.isOneOf(allowed);
        });
    }

    /** The property at {@code path} is written and its whole text matches the regular expression {@code regex}. */
    public static ResourcePredicate haveValueMatching(String path, String regex) {
        Pattern pattern = Pattern.compile(regex);
        return ResourcePredicate.of("have " + path + " matching " + regex,
                (r, g) -> PropertyValue.of(r, path, g).matches(pattern));
    }

    /**
     * The property at {@code path} is a number from {@code min} to {@code max} (both included; a null bound is
     * open). Numbers written as strings ({@code "30"}) count.
     */
    public static ResourcePredicate haveNumberBetween(String path, BigDecimal min, BigDecimal max) {
        if (min == null && max == null) {
            throw new IllegalArgumentException("a range needs a minimum, a maximum or both");
        }
        String range = min != null && max != null ? "from " + min.toPlainString() + " to " + max.toPlainString()
                : min != null ? "of at least " + min.toPlainString() : "of at most " + max.toPlainString();
        return ResourcePredicate.of("have " + path + " " + range,
                (r, g) -> PropertyValue.of(r, path, g).isBetween(min, max));
    }

    /** The resource has the tag {@code key} (see {@link Tags}: Terraform and CloudFormation alike). */
    public static ResourcePredicate haveTag(String key) {
        return ResourcePredicate.of("have tag " + key, (r, g) -> Tags.of(r, g).has(key));
    }

    /** The resource's tag {@code key} is one of {@code values}. */
    public static ResourcePredicate haveTagValue(String key, String... values) {
        List<String> allowed = Arrays.asList(values);
        String text = values.length == 1 ? values[0] : "one of " + String.join(", ", values);
        return ResourcePredicate.of("have tag " + key + " " + text, (r, g) -> {
            Tags tags = Tags.of(r, g);
            Truth any = Truth.FALSE;
            for (String v : allowed) {
                any = any.or(tags.hasValue(key, v, g));
            }
            return any;
        });
    }

    /** The resource's tag {@code key} has a value whose whole text matches {@code regex}. */
    public static ResourcePredicate haveTagMatching(String key, String regex) {
        Pattern pattern = Pattern.compile(regex);
        return ResourcePredicate.of("have tag " + key + " matching " + regex,
                (r, g) -> Tags.of(r, g).valueMatches(key, pattern, g));
    }

    /**
     * Every resource reached by {@code traversal} matches {@code predicate}: FALSE as soon as one definitely does
     * not, TRUE only when the related set is complete and all do.
     */
    public static ResourcePredicate allRelated(Traversal traversal, ResourcePredicate predicate) {
        return ResourcePredicate.of("have all of " + traversal.description() + " " + predicate.description(),
                (r, g) -> {
                    Related related = traversal.from(r, g);
                    Truth all = related.complete() ? Truth.TRUE : Truth.UNKNOWN;
                    for (var other : related.resources()) {
                        all = all.and(predicate.test(other, g));
                    }
                    return all;
                });
    }

    /**
     * Some resource reached by {@code traversal} matches {@code predicate}: TRUE as soon as one definitely does,
     * FALSE only when the related set is complete and none does.
     */
    public static ResourcePredicate anyRelated(Traversal traversal, ResourcePredicate predicate) {
        return ResourcePredicate.of("have any of " + traversal.description() + " " + predicate.description(),
                (r, g) -> {
                    Related related = traversal.from(r, g);
                    Truth any = related.complete() ? Truth.FALSE : Truth.UNKNOWN;
                    for (var other : related.resources()) {
                        any = any.or(predicate.test(other, g));
                    }
                    return any;
                });
    }
}
