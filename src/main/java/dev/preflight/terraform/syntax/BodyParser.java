package dev.preflight.terraform.syntax;

import dev.preflight.source.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the structural language: bodies of attributes ({@code name = expr}) and blocks
 * ({@code type "label" label {...}}), including one-line blocks. Newlines are significant here: each attribute and
 * each block ends at a newline (or at the end of the file).
 */
final class BodyParser {
    private final TokenCursor in;
    private final ExpressionParser expressions;

    BodyParser(TokenCursor in) {
        this.in = in;
        this.expressions = new ExpressionParser(in);
    }

    /** Parses the whole file as a body. */
    Body parseFile() throws HclSyntaxException {
        List<BodyItem> items = new ArrayList<>();
        Map<String, Attribute> seen = new HashMap<>();
        while (true) {
            Token t = in.peek();
            if (t.kind() == TokenKind.EOF) {
                break;
            }
            if (t.kind() == TokenKind.NEWLINE) {
                in.next();
                continue;
            }
            if (t.kind() == TokenKind.RBRACE) {
                throw new HclSyntaxException(in.span(t), "unexpected '}': there is no open block to close");
            }
            items.add(checkedForRedefinition(parseItem(), seen));
        }
        int length = in.source().text().length();
        return new Body(items, in.span(0, length));
    }

    /** Items up to the '}' that closes the block opened by {@code open}; returns the closing token. */
    private Token parseItemsUntilClose(Token open, List<BodyItem> items) throws HclSyntaxException {
        Map<String, Attribute> seen = new HashMap<>();
        while (true) {
            Token t = in.peek();
            switch (t.kind()) {
                case RBRACE:
                    return in.next();
                case NEWLINE:
                    in.next();
                    continue;
                case EOF:
                    throw new HclSyntaxException(in.span(t), "expected '}' to close the block opened at line "
                            + in.span(open).line() + ", column " + in.span(open).column());
                default:
                    items.add(checkedForRedefinition(parseItem(), seen));
            }
        }
    }

    /** HCL allows each attribute name once per body; a second definition is an error at its name. */
    private static BodyItem checkedForRedefinition(BodyItem item, Map<String, Attribute> seen)
            throws HclSyntaxException {
        if (item instanceof Attribute a) {
            Attribute earlier = seen.putIfAbsent(a.name(), a);
            if (earlier != null) {
                throw new HclSyntaxException(a.nameSpan(), "attribute '" + a.name() + "' is already defined at line "
                        + earlier.nameSpan().line() + "; each name may be set only once");
            }
        }
        return item;
    }

    /** An attribute or a block, starting at its name, including the newline that ends it. */
    private BodyItem parseItem() throws HclSyntaxException {
        Token name = in.peek();
        if (name.kind() != TokenKind.IDENT) {
            throw in.unexpected(name, "an attribute name or a block type");
        }
        in.next();
        Token after = in.peek();
        BodyItem item;
        if (after.kind() == TokenKind.EQUAL) {
            item = parseAttributeValue(name);
        } else {
            item = parseBlock(name);
        }
        endOfLine(item);
        return item;
    }

    private Attribute parseAttributeValue(Token name) throws HclSyntaxException {
        in.next(); // '='
        Expression value = expressions.parseExpression();
        return new Attribute(in.text(name), in.span(name), value, in.span(name).to(value.span()));
    }

    /** After an attribute or block: a newline, or the end of the file. */
    private void endOfLine(BodyItem item) throws HclSyntaxException {
        Token t = in.peek();
        if (t.kind() == TokenKind.NEWLINE) {
            in.next();
        } else if (t.kind() != TokenKind.EOF) {
            String what = item instanceof Attribute a
                    ? "a newline after the value of '" + a.name() + "'"
                    : "a newline after the '}' that closes the block";
            throw in.unexpected(t, what);
        }
    }

    private Block parseBlock(Token type) throws HclSyntaxException {
        in.enter(type);
        try {
            List<Block.Label> labels = new ArrayList<>();
            while (true) {
                Token t = in.peek();
                if (t.kind() == TokenKind.IDENT) {
                    in.next();
                    labels.add(new Block.Label(in.text(t), in.span(t)));
                } else if (t.kind() == TokenKind.OQUOTE) {
                    labels.add(parseQuotedLabel());
                } else if (t.kind() == TokenKind.LBRACE) {
                    break;
                } else {
                    String typeName = in.text(type);
                    throw in.unexpected(t, labels.isEmpty()
                            ? "'=' or a block label or '{' after '" + typeName + "'"
                            : "a block label or '{' in the header of the '" + typeName + "' block");
                }
            }
            Token open = in.next();
            List<BodyItem> items = new ArrayList<>();
            Token close;
            Token first = in.peek();
            if (first.kind() == TokenKind.NEWLINE || first.kind() == TokenKind.RBRACE) {
                close = parseItemsUntilClose(open, items);
            } else {
                close = parseSingleLineBody(open, items);
            }
            Body body = new Body(items, in.span(open.start(), close.end()));
            return new Block(in.text(type), in.span(type), labels, body, in.span(type.start(), close.end()));
        } finally {
            in.exit();
        }
    }

    /** {@code type { name = value }}: at most one attribute, then '}' on the same line. */
    private Token parseSingleLineBody(Token open, List<BodyItem> items) throws HclSyntaxException {
        Token name = in.peek();
        if (name.kind() != TokenKind.IDENT) {
            throw in.unexpected(name, "an attribute name, a newline or '}' after '{'");
        }
        in.next();
        if (!in.at(TokenKind.EQUAL)) {
            throw in.unexpected(in.peek(), "'=' after '" + in.text(name)
                    + "': a block on one line may hold only one attribute, so nested blocks need their own lines");
        }
        items.add(parseAttributeValue(name));
        Token close = in.peek();
        if (close.kind() != TokenKind.RBRACE) {
            throw in.unexpected(close, "'}' to end the one-line block opened at line " + in.span(open).line()
                    + " (a block on one line may hold only one attribute)");
        }
        return in.next();
    }

    /** A block label in quotes: a plain string, no interpolation. */
    private Block.Label parseQuotedLabel() throws HclSyntaxException {
        Token open = in.next();
        StringBuilder value = new StringBuilder();
        while (true) {
            Token t = in.peek();
            if (t.kind() == TokenKind.CQUOTE) {
                in.next();
                Span span = in.span(open.start(), t.end());
                return new Block.Label(value.toString(), span);
            }
            if (t.kind() == TokenKind.QUOTED_LIT) {
                in.next();
                value.append(StringEscapes.decodeQuoted(in, t));
                continue;
            }
            throw in.unexpected(t, "a plain string as block label (labels cannot contain '${' or '%{')");
        }
    }
}
