package dev.preflight.cloudformation;

import dev.preflight.graph.Value;
import dev.preflight.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits text that is partly known at a delimiter that is written in its known parts: a list of references joined
 * with commas ({@code !Join [",", [!Ref A, !Ref B]]}), passed to a nested stack or exported and imported, splits back
 * into the references, as CloudFormation splits it at deploy time.
 */
final class TextSplitter {
    private TextSplitter() {
    }

    /**
     * The items of {@code text} between occurrences of {@code delimiter}; an item that is one reference is that
     * reference. With {@code trim}, items lose the blanks at their ends, as a list parameter's members do.
     */
    static Value.ListValue split(Value.Template text, String delimiter, boolean trim, Span span) {
        List<Value> items = new ArrayList<>();
        StringBuilderOfParts item = new StringBuilderOfParts(span);
        for (Value part : text.parts()) {
            Optional<String> known = Values.text(part);
            if (known.isEmpty()) {
                item.addValue(part);
                continue;
            }
            String[] pieces = known.get().split(java.util.regex.Pattern.quote(delimiter), -1);
            for (int i = 0; i < pieces.length; i++) {
                if (i > 0) {
                    items.add(unwrapped(item.build()));
                    item = new StringBuilderOfParts(span);
                }
                String piece = trim && i > 0 ? pieces[i].stripLeading() : pieces[i];
                item.addText(trim && i < pieces.length - 1 ? piece.stripTrailing() : piece);
            }
        }
        items.add(unwrapped(item.build()));
        return new Value.ListValue(items, span);
    }

    private static Value unwrapped(Value item) {
        return item instanceof Value.Template t && t.parts().size() == 1 ? t.parts().get(0) : item;
    }
}
