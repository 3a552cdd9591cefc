package dev.preflight.terraform;

import dev.preflight.graph.Value;
import dev.preflight.source.SourceFile;
import dev.preflight.source.Span;
import dev.preflight.terraform.syntax.TemplatePart;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects the pieces of a template file as it renders, and notes for each character of the result where in the
 * file it was written: literal text character by character (past the whitespace a strip marker removed and the
 * {@code $${} escapes), and whatever an interpolation or directive gave at that sequence's place.
 */
final class TemplateFileOutput implements TemplateRenderer.Output {
    private final SourceFile file;
    private final List<Value> pieces = new ArrayList<>();
    private int[] starts = new int[256];
    private int[] ends = new int[256];
    private int length;

    TemplateFileOutput(SourceFile file) {
        this.file = file;
    }

    @Override
    public void literal(TemplatePart.Literal literal) {
        pieces.add(new Value.Str(literal.text(), literal.span()));
        align(literal.text(), offset(literal.span(), true), offset(literal.span(), false));
    }

    @Override
    public void piece(Value piece, Span at) {
        pieces.add(piece);
        int start = offset(at, true);
        int end = offset(at, false);
        int count = piece instanceof Value.Str s ? s.value().length() : 1;
        for (int i = 0; i < count; i++) {
            add(start, end);
        }
    }

    /** The rendered value, and where each character of its canonical text was written. */
    Value value(Span span, TextOrigins origins) {
        Value v = TemplateRenderer.join(pieces, span);
        origins.record(TextOrigins.canonical(pieces),
                new TextOrigins.Origin(file, Arrays.copyOf(starts, length), Arrays.copyOf(ends, length)));
        return v;
    }

    /** Maps the literal's characters onto the source between {@code start} and {@code end}. */
    private void align(String text, int start, int end) {
        String src = file.text();
        int i = start;
        for (int j = 0; j < text.length(); j++) {
            char c = text.charAt(j);
            boolean sequence = (c == '$' || c == '%') && j + 1 < text.length() && text.charAt(j + 1) == '{';
            if (sequence && src.startsWith(c + "" + c + "{", i)) {
                // an escape: $${ in the file is ${ in the text
                add(i, i + 2);
                add(i + 2, i + 3);
                i += 3;
                j++;
                continue;
            }
            while (i < end && src.charAt(i) != c) {
                i++; // whitespace a strip marker removed
            }
            if (i >= end) {
                add(start, end); // never expected: the literal is not its source; point at all of it
                continue;
            }
            add(i, i + 1);
            i++;
        }
    }

    private int offset(Span span, boolean start) {
        return start ? file.offsetOf(span.line(), span.column()) : file.offsetOf(span.endLine(), span.endColumn());
    }

    private void add(int start, int end) {
        if (length == starts.length) {
            starts = Arrays.copyOf(starts, length * 2);
            ends = Arrays.copyOf(ends, length * 2);
        }
        starts[length] = start;
        ends[length] = end;
        length++;
    }
}
