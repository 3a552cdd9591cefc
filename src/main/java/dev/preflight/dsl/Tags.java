package dev.preflight.dsl;

import dev.preflight.graph.Format;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.graph.Value;
import dev.preflight.source.Span;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A resource's tags as one map, the same in both formats: Terraform's {@code tags} map merged over the AWS
 * provider's {@code default_tags} (when the provider block is in the scanned configuration), a plan's
 * {@code tags_all}, and CloudFormation's {@code Tags} list of {@code Key}/{@code Value} (or map, for the few types
 * that take one). Three-valued: when the tags come from a value preflight cannot know (a variable without a
 * default, a parameter), a missing tag is UNKNOWN, never FALSE, so a rule cannot fire on it.
 *
 * <pre>{@code
 * Tags tags = Tags.of(service, graph);
 * Truth owned = tags.has("Owner");                    // TRUE, FALSE or UNKNOWN
 * Truth team = tags.hasValue("Team", "payments");
 * }</pre>
 *
 * Tag keys are compared exactly (AWS tag keys are case-sensitive). Tags given outside the scanned files (a
 * provider configured elsewhere, CloudFormation stack-level tags given at deploy time) are not seen.
 */
public final class Tags {
    /** The canonical property name of tags in both formats. */
    public static final String PROPERTY = "tags";
    private static final String PLANNED = "tags_all";

    private final Map<String, Value> known;
    private final String unknownReason;
    private final Span span;

    private Tags(Map<String, Value> known, String unknownReason, Span span) {
        this.known = Collections.unmodifiableMap(known);
        this.unknownReason = unknownReason;
        this.span = span;
    }

    /** The tags of {@code resource}; values that are references are followed through {@code graph}. */
    public static Tags of(Resource resource, ResourceGraph graph) {
        Map<String, Value> tags = new LinkedHashMap<>();
        String unknown = null;
        Optional<Value> planned = resource.format() == Format.TERRAFORM ? resource.property(PLANNED)
                : Optional.empty();
        Optional<Value> written = resource.property(PROPERTY);
        Span span = written.map(Value::span).orElse(null);
        if (planned.isPresent() && planned.get() instanceof Value.MapValue all) {
            // a plan's tags_all is what the provider computed: default tags and the resource's own, merged
            unknown = addEntries(all, tags);
        } else {
            if (resource.providerDefaultTags().isPresent()) {
                unknown = add(resource.providerDefaultTags().get(), tags, graph, "the provider's default_tags");
            }
            if (written.isPresent()) {
                String why = add(written.get(), tags, graph, PropertyPaths.shown(resource, PROPERTY));
                unknown = unknown == null ? why : unknown;
            }
        }
        return new Tags(tags, unknown, span);
    }

    /** Adds the tags in {@code value} (a map, or a CloudFormation list of Key/Value); the reason if not all known. */
    private static String add(Value value, Map<String, Value> into, ResourceGraph graph, String what) {
        Value v = Values.resolve(value, graph);
        if (v instanceof Value.Null) {
            return null;
        }
        if (v instanceof Value.MapValue map) {
            return addEntries(map, into);
        }
        if (v instanceof Value.ListValue list) {
            String unknown = null;
            for (Value item : list.items()) {
                Value entry = Values.resolve(item, graph);
                if (entry instanceof Value.Null) {
                    continue; // an Fn::If that chose AWS::NoValue
                }
                Optional<String> key = entry instanceof Value.MapValue m
                        ? m.get("key").flatMap(k -> Values.resolvedString(k, graph)) : Optional.empty();
                if (key.isEmpty()) {
                    unknown = "a tag key in " + what + " is not known";
                    continue;
                }
                Value tagValue = ((Value.MapValue) entry).get("value").orElse(new Value.Null(entry.span()));
                into.put(key.get(), tagValue);
            }
            return unknown;
        }
        return what + " is not known before apply";
    }

    private static String addEntries(Value.MapValue map, Map<String, Value> into) {
        for (Map.Entry<String, Value> e : map.entries().entrySet()) {
            into.put(e.getKey(), e.getValue());
        }
        return null;
    }

    /** Whether the tag {@code key} is set: FALSE only when every tag is known and none is {@code key}. */
    public Truth has(String key) {
        Value v = known.get(key);
        if (v != null && !(v instanceof Value.Null)) {
            return Truth.TRUE;
        }
        // a tag set to null is left out, as the provider leaves it out
        return complete() ? Truth.FALSE : Truth.UNKNOWN;
    }

    /** The value of tag {@code key}: empty when the tag is known to be absent, unknown when it may be set. */
    public Known<Optional<String>> value(String key, ResourceGraph graph) {
        Value v = known.get(key);
        if (v == null || v instanceof Value.Null) {
            return complete() ? Known.of(Optional.empty()) : Known.unknown(unknownReason);
        }
        Optional<String> text = Values.resolvedString(v, graph);
        return text.isPresent() ? Known.of(text) : Known.unknown("the value of tag " + key + " is not known");
    }

    /** Whether tag {@code key} is set to {@code expected}. */
    public Truth hasValue(String key, String expected, ResourceGraph graph) {
        return test(key, graph, s -> s.equals(expected));
    }

    /** Whether tag {@code key} is set to a value matching {@code pattern} (the whole value). */
    public Truth valueMatches(String key, Pattern pattern, ResourceGraph graph) {
        return test(key, graph, s -> pattern.matcher(s).matches());
    }

    private Truth test(String key, ResourceGraph graph, java.util.function.Predicate<String> test) {
        Known<Optional<String>> v = value(key, graph);
        if (!v.isKnown()) {
            return Truth.UNKNOWN;
        }
        return v.value().map(s -> Truth.of(test.test(s))).orElse(Truth.FALSE);
    }

    /** True when every tag's key is known, so a missing key is definitely missing. */
    public boolean complete() {
        return unknownReason == null;
    }

    /** Why the tags are not all known, or null when they are. */
    public String unknownReason() {
        return unknownReason;
    }

    /** The tags whose keys are known, in the order written (default tags first). */
    public Map<String, Value> known() {
        return known;
    }

    /** Where the resource's own tags are written, or null when it writes none. */
    public Span span() {
        return span;
    }
}
