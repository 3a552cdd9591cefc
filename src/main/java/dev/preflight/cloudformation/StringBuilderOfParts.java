package dev.preflight.cloudformation;

import dev.preflight.graph.Value;
import dev.preflight.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the string a {@code Fn::Sub} or {@code Fn::Join} makes: a {@link Value.Str} when every part is known,
 * otherwise a {@link Value.Template} whose known parts are merged and whose other parts keep their order.
 */
final class StringBuilderOfParts {
    private final Span span;
    private final List<Value> parts = new ArrayList<>();
    private final StringBuilder pendingText = new StringBuilder();

    StringBuilderOfParts(Span span) {
        this.span = span;
    }

    void addText(String text) {
        pendingText.append(text);
    }

    /** Adds a value as text when it is a known scalar, spliced when it is a template, as a part otherwise. */
    void addValue(Value value) {
        var text = Values.text(value);
        if (text.isPresent()) {
            addText(text.get());
        } else if (value instanceof Value.Template t) {
            t.parts().forEach(this::addValue);
        } else if (value instanceof Value.Ref || value instanceof Value.Unknown) {
            flush();
            parts.add(value);
        } else {
            flush();
            parts.add(new Value.Unknown(Values.whyNotText(value), value.span() == null ? span : value.span()));
        }
    }

    private void flush() {
        if (pendingText.length() > 0) {
            parts.add(new Value.Str(pendingText.toString(), span));
            pendingText.setLength(0);
        }
    }

    Value build() {
        if (parts.isEmpty()) {
            return new Value.Str(pendingText.toString(), span);
        }
        flush();
        return new Value.Template(parts, span);
    }
}
