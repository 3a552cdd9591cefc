package dev.preflight.cloudformation.syntax;

import dev.preflight.source.Span;
import java.util.List;
import java.util.Optional;

/** A mapping with its keys in source order. Duplicate keys were reported by the parser; the last one is kept. */
public record MappingNode(List<Entry> entries, Span span) implements TemplateNode {

    /** One {@code key: value} pair; {@code keySpan} covers the key as written (quotes included). */
    public record Entry(String key, Span keySpan, TemplateNode value) {
    }

    public MappingNode {
        entries = List.copyOf(entries);
    }

    /** The value under {@code key} (exact, case-sensitive, as CloudFormation reads keys), or empty. */
    public Optional<TemplateNode> get(String key) {
        return entry(key).map(Entry::value);
    }

    /** The entry under {@code key}, or empty. */
    public Optional<Entry> entry(String key) {
        for (Entry e : entries) {
            if (e.key().equals(key)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
