package dev.preflight.terraform;

import dev.preflight.graph.Value;
import dev.preflight.source.SourceFile;
import dev.preflight.source.Span;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the texts that {@code file()} and {@code templatefile()} gave were written, so that a JSON document decoded
 * from one (container definitions, a policy) points into the file, line and column, not at the call. A text is
 * known by its content, which survives the value being passed through locals, variables and module inputs; two
 * files that give the same text are both right places, and the first is kept.
 *
 * <p>Texts are compared in their canonical form: the known parts, with one character for each part that is not
 * known ({@link #canonical}).
 */
final class TextOrigins {
    /** Stands for a part that is not known in the canonical text; a private-use character no real text holds. */
    private static final char HOLE = '\uE003';

    /**
     * Where each character of a canonical text was written: it starts at {@code starts[i]} and ends before
     * {@code ends[i]} in {@code file} (an interpolation covers all of its source). Null arrays: the text is the
     * file's own, character for character.
     */
    record Origin(SourceFile file, int[] starts, int[] ends) {
        /** The span in the file of the canonical characters {@code from} to {@code to} (exclusive). */
        Span span(int from, int to) {
            if (starts == null) {
                return file.span(from, to);
            }
            return file.span(starts[from], ends[to - 1]);
        }

        int length() {
            return starts == null ? file.text().length() : starts.length;
        }
    }

    private final Map<String, Origin> byText = new HashMap<>();

    /** Notes that {@code text} (a canonical text) came from {@code origin}. */
    void record(String text, Origin origin) {
        byText.putIfAbsent(text, origin);
    }

    /** Where {@code value}, a string or a template, was written, if it came from a file. */
    Optional<Origin> of(Value value) {
        if (byText.isEmpty()) {
            return Optional.empty();
        }
        if (value instanceof Value.Str s) {
            return Optional.ofNullable(byText.get(s.value()));
        }
        if (value instanceof Value.Template t) {
            return Optional.ofNullable(byText.get(canonical(t.parts())));
        }
        return Optional.empty();
    }

    /** The canonical text of template parts: known text as it is, one character for each other part. */
    static String canonical(List<Value> parts) {
        StringBuilder sb = new StringBuilder();
        for (Value p : parts) {
            if (p instanceof Value.Str s) {
                sb.append(s.value());
            } else {
                sb.append(HOLE);
            }
        }
        return sb.toString();
    }
}
