package dev.preflight.terraform.syntax;

import dev.preflight.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The contents of a file or a block: attributes and nested blocks in source order. */
public record Body(List<BodyItem> items, Span span) implements Node {
    public Body {
        items = List.copyOf(items);
    }

    public List<Attribute> attributes() {
        List<Attribute> out = new ArrayList<>();
        for (BodyItem item : items) {
            if (item instanceof Attribute a) {
                out.add(a);
            }
        }
        return out;
    }

    public List<Block> blocks() {
        List<Block> out = new ArrayList<>();
        for (BodyItem item : items) {
            if (item instanceof Block b) {
                out.add(b);
            }
        }
        return out;
    }

    public Optional<Attribute> attribute(String name) {
        for (BodyItem item : items) {
            if (item instanceof Attribute a && a.name().equals(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    public List<Block> blocks(String type) {
        List<Block> out = new ArrayList<>();
        for (BodyItem item : items) {
            if (item instanceof Block b && b.type().equals(type)) {
                out.add(b);
            }
        }
        return out;
    }
}
