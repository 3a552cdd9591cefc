package dev.preflight.terraform.syntax;

import dev.preflight.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the flat segment list of a template into {@link TemplatePart}s: nests {@code %{ if }}/{@code %{ for }}
 * directives with their bodies, joins adjacent literals (heredoc text arrives one line at a time) and drops
 * literals left empty by stripping.
 */
final class TemplateTreeBuilder {
    private final TokenCursor in;
    private final List<TemplateSegment> segments;
    private int pos;

    TemplateTreeBuilder(TokenCursor in, List<TemplateSegment> segments) {
        this.in = in;
        this.segments = segments;
    }

    /** Builds the parts of the whole template. */
    List<TemplatePart> build() throws HclSyntaxException {
        List<TemplatePart> parts = parseUntil(null);
        if (pos < segments.size()) {
            TemplateSegment.Directive stray = (TemplateSegment.Directive) segments.get(pos);
            throw new HclSyntaxException(in.span(stray.start(), stray.end()),
                    "unexpected %{ " + stray.kind().name().toLowerCase() + " } without a matching "
                            + (stray.kind() == TemplateSegment.DirectiveKind.ENDFOR ? "%{ for }" : "%{ if }"));
        }
        return parts;
    }

    /** Parts up to (not including) a directive of one of the stopping kinds, or to the end. */
    private List<TemplatePart> parseUntil(TemplateSegment.Directive opener) throws HclSyntaxException {
        List<TemplatePart> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int textStart = -1;
        int textEnd = -1;
        while (pos < segments.size()) {
            TemplateSegment s = segments.get(pos);
            if (s instanceof TemplateSegment.Literal lit) {
                if (textStart < 0) {
                    textStart = lit.start();
                }
                textEnd = lit.end();
                text.append(lit.text);
                pos++;
                continue;
            }
            if (s instanceof TemplateSegment.Directive d && isCloser(d.kind())) {
                break;
            }
            flushLiteral(parts, text, textStart, textEnd);
            textStart = -1;
            if (s instanceof TemplateSegment.Interpolation interp) {
                parts.add(new TemplatePart.Interpolation(interp.expression(), interp.stripBefore(),
                        interp.stripAfter(), in.span(interp.start(), interp.end())));
                pos++;
            } else {
                parts.add(parseDirective((TemplateSegment.Directive) s));
            }
        }
        flushLiteral(parts, text, textStart, textEnd);
        return parts;
    }

    private static boolean isCloser(TemplateSegment.DirectiveKind kind) {
        return kind == TemplateSegment.DirectiveKind.ELSE || kind == TemplateSegment.DirectiveKind.ENDIF
                || kind == TemplateSegment.DirectiveKind.ENDFOR;
    }

    private void flushLiteral(List<TemplatePart> parts, StringBuilder text, int start, int end) {
        if (start >= 0 && text.length() > 0) {
            parts.add(new TemplatePart.Literal(text.toString(), in.span(start, end)));
        }
        text.setLength(0);
    }

    private TemplatePart parseDirective(TemplateSegment.Directive open) throws HclSyntaxException {
        pos++;
        in.enter(new Token(TokenKind.TEMPLATE_CONTROL, open.start(), open.end()));
        try {
            List<TemplatePart> body = parseUntil(open);
            if (open.kind() == TemplateSegment.DirectiveKind.FOR) {
                TemplateSegment.Directive end = expectCloser(open, TemplateSegment.DirectiveKind.ENDFOR);
                return new TemplatePart.For(open.keyVar(), open.valueVar(), open.expression(), body,
                        in.span(open.start(), end.end()));
            }
            List<TemplatePart> otherwise = List.of();
            TemplateSegment.Directive next = expectCloser(open, null);
            if (next.kind() == TemplateSegment.DirectiveKind.ELSE) {
                otherwise = parseUntil(open);
                next = expectCloser(open, TemplateSegment.DirectiveKind.ENDIF);
            } else if (next.kind() != TemplateSegment.DirectiveKind.ENDIF) {
                throw mismatch(open, next, "%{ else } or %{ endif }");
            }
            return new TemplatePart.If(open.expression(), body, otherwise, in.span(open.start(), next.end()));
        } finally {
            in.exit();
        }
    }

    /** Consumes the closing directive; {@code wanted} null means any closer is fine (checked by the caller). */
    private TemplateSegment.Directive expectCloser(TemplateSegment.Directive open, TemplateSegment.DirectiveKind wanted)
            throws HclSyntaxException {
        String expected = wanted == null ? "%{ else } or %{ endif }" : "%{ " + wanted.name().toLowerCase() + " }";
        if (pos >= segments.size()) {
            Span at = in.span(open.start(), open.end());
            TemplateSegment last = segments.get(segments.size() - 1);
            throw new HclSyntaxException(in.span(last.end(), last.end()), "expected " + expected + " to close the %{ "
                    + open.kind().name().toLowerCase() + " } at line " + at.line() + ", column " + at.column());
        }
        TemplateSegment.Directive next = (TemplateSegment.Directive) segments.get(pos);
        if (wanted != null && next.kind() != wanted) {
            throw mismatch(open, next, expected);
        }
        pos++;
        return next;
    }

    private HclSyntaxException mismatch(TemplateSegment.Directive open, TemplateSegment.Directive found, String expected) {
        Span at = in.span(open.start(), open.end());
        return new HclSyntaxException(in.span(found.start(), found.end()), "expected " + expected + " to close the %{ "
                + open.kind().name().toLowerCase() + " } at line " + at.line() + ", column " + at.column()
                + ", found %{ " + found.kind().name().toLowerCase() + " }");
    }
}
