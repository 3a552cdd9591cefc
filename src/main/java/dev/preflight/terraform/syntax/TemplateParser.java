package dev.preflight.terraform.syntax;

import dev.preflight.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses quoted templates and heredocs into {@link Expression.Template}s.
 *
 * <p>Works in three steps, as HCL defines them: first the template's tokens become a flat list of
 * {@link TemplateSegment}s (literals decoded, interpolations and directive markers with their expressions); then
 * {@code ~} strip markers and, for {@code <<-} heredocs, the indentation rule rewrite the literal text; finally
 * {@link TemplateTreeBuilder} nests the {@code if}/{@code for} directives and joins adjacent literals.
 */
final class TemplateParser {
    private final TokenCursor in;
    private final ExpressionParser expressions;

    TemplateParser(TokenCursor in, ExpressionParser expressions) {
        this.in = in;
        this.expressions = expressions;
    }

    /** Parses {@code "..."} starting at the opening quote. */
    Expression.Template parseQuoted() throws HclSyntaxException {
        Token open = in.next();
        in.pushNewlines(true); // inside the quotes, no token is a newline; keep the stream exact
        List<TemplateSegment> segments = new ArrayList<>();
        Token close;
        try {
            while (true) {
                Token t = in.peek();
                if (t.kind() == TokenKind.CQUOTE) {
                    close = in.next();
                    break;
                }
                if (t.kind() == TokenKind.QUOTED_LIT) {
                    in.next();
                    segments.add(new TemplateSegment.Literal(StringEscapes.decodeQuoted(in, t), t.start(), t.end()));
                } else {
                    segments.add(parseSequence(open));
                }
            }
        } finally {
            in.popNewlines();
        }
        TemplateStripping.applyStripMarkers(segments);
        List<TemplatePart> parts = new TemplateTreeBuilder(in, segments).build();
        return new Expression.Template(parts, false, in.span(open.start(), close.end()));
    }

    /** Parses a heredoc starting at its {@code <<} introducer. */
    Expression.Template parseHeredoc() throws HclSyntaxException {
        Token open = in.next();
        boolean flush = in.source().text().charAt(open.start() + 2) == '-';
        in.pushNewlines(true);
        List<TemplateSegment> segments = new ArrayList<>();
        Token close;
        try {
            while (true) {
                Token t = in.peek();
                if (t.kind() == TokenKind.CHEREDOC) {
                    close = in.next();
                    break;
                }
                if (t.kind() == TokenKind.HEREDOC_LIT) {
                    in.next();
                    segments.add(new TemplateSegment.Literal(StringEscapes.decodeHeredoc(in.text(t)), t.start(),
                            t.end()));
                } else {
                    segments.add(parseSequence(open));
                }
            }
        } finally {
            in.popNewlines();
        }
        TemplateStripping.applyStripMarkers(segments);
        if (flush) {
            TemplateStripping.flushHeredocIndentation(segments);
        }
        List<TemplatePart> parts = new TemplateTreeBuilder(in, segments).build();
        return new Expression.Template(parts, true, in.span(open.start(), close.end()));
    }

    /**
     * Parses a whole template file, as {@code templatefile()} reads it: literal text with interpolations and
     * directives, escapes and strip markers as in a heredoc, up to the end of the file.
     */
    Expression.Template parseTemplateFile() throws HclSyntaxException {
        in.pushNewlines(true);
        List<TemplateSegment> segments = new ArrayList<>();
        try {
            while (in.peek().kind() != TokenKind.EOF) {
                Token t = in.peek();
                if (t.kind() == TokenKind.HEREDOC_LIT) {
                    in.next();
                    segments.add(new TemplateSegment.Literal(StringEscapes.decodeHeredoc(in.text(t)), t.start(),
                            t.end()));
                } else {
                    segments.add(parseSequence(null));
                }
            }
        } finally {
            in.popNewlines();
        }
        TemplateStripping.applyStripMarkers(segments);
        List<TemplatePart> parts = new TemplateTreeBuilder(in, segments).build();
        int end = in.source().text().length();
        return new Expression.Template(parts, false, in.span(0, end));
    }

    /** One {@code ${ expr }} or {@code %{ directive }} sequence; {@code templateOpen} is null in a template file. */
    private TemplateSegment parseSequence(Token templateOpen) throws HclSyntaxException {
        Token open = in.peek();
        if (open.kind() != TokenKind.TEMPLATE_INTERP && open.kind() != TokenKind.TEMPLATE_CONTROL) {
            String what = templateOpen == null ? "template text, '${' or '%{'"
                    : templateOpen.kind() == TokenKind.OQUOTE
                    ? "'\"' to close the string opened at line " + in.span(templateOpen).line()
                    : "the closing marker of the heredoc opened at line " + in.span(templateOpen).line();
            throw in.unexpected(open, what);
        }
        in.next();
        boolean stripBefore = open.end() - open.start() == 3;
        in.pushNewlines(false);
        in.enter(open);
        try {
            if (open.kind() == TokenKind.TEMPLATE_INTERP) {
                Expression expr = expressions.parseExpression();
                Token close = expectSequenceEnd(open);
                return new TemplateSegment.Interpolation(expr, stripBefore, stripAfter(close), open.start(),
                        close.end());
            }
            return parseDirective(open, stripBefore);
        } finally {
            in.exit();
            in.popNewlines();
        }
    }

    private TemplateSegment parseDirective(Token open, boolean stripBefore) throws HclSyntaxException {
        Token keyword = in.expect(TokenKind.IDENT, "a template directive (if, else, endif, for or endfor) after '%{'");
        String word = in.text(keyword);
        switch (word) {
            case "if": {
                Expression condition = expressions.parseExpression();
                Token close = expectSequenceEnd(open);
                return new TemplateSegment.Directive(TemplateSegment.DirectiveKind.IF, condition, null, null,
                        stripBefore, stripAfter(close), open.start(), close.end());
            }
            case "for": {
                String first = in.text(in.expect(TokenKind.IDENT, "a variable name after 'for'"));
                String second = null;
                if (in.accept(TokenKind.COMMA)) {
                    second = in.text(in.expect(TokenKind.IDENT, "a second variable name after ','"));
                }
                if (!in.atKeyword("in")) {
                    throw in.unexpected(in.peek(), "'in' after the for directive's variable names");
                }
                in.next();
                Expression collection = expressions.parseExpression();
                Token close = expectSequenceEnd(open);
                String keyVar = second == null ? null : first;
                String valueVar = second == null ? first : second;
                return new TemplateSegment.Directive(TemplateSegment.DirectiveKind.FOR, collection, keyVar, valueVar,
                        stripBefore, stripAfter(close), open.start(), close.end());
            }
            case "else", "endif", "endfor": {
                Token close = expectSequenceEnd(open);
                TemplateSegment.DirectiveKind kind = switch (word) {
                    case "else" -> TemplateSegment.DirectiveKind.ELSE;
                    case "endif" -> TemplateSegment.DirectiveKind.ENDIF;
                    default -> TemplateSegment.DirectiveKind.ENDFOR;
                };
                return new TemplateSegment.Directive(kind, null, null, null, stripBefore, stripAfter(close),
                        open.start(), close.end());
            }
            default:
                throw new HclSyntaxException(in.span(keyword), "'" + word
                        + "' is not a template directive; expected if, else, endif, for or endfor");
        }
    }

    private Token expectSequenceEnd(Token open) throws HclSyntaxException {
        Span at = in.span(open);
        return in.expect(TokenKind.TEMPLATE_SEQ_END, "'}' to close the '" + in.text(open) + "' at line " + at.line()
                + ", column " + at.column());
    }

    private static boolean stripAfter(Token close) {
        return close.end() - close.start() == 2;
    }
}
