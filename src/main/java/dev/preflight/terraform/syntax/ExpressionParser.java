package dev.preflight.terraform.syntax;

import dev.preflight.source.Span;
import dev.preflight.terraform.syntax.Expression.Operator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for HCL expressions: conditionals, binary operators by precedence climbing (left
 * associative), unary operators, terms with their postfix traversals and splats, collections and for-expressions.
 * Every method consumes exactly the tokens of what it returns, so nothing is ever rescanned.
 */
final class ExpressionParser {
    private final TokenCursor in;
    private final TemplateParser templates;

    ExpressionParser(TokenCursor in) {
        this.in = in;
        this.templates = new TemplateParser(in, this);
    }

    /** The template parser that shares this parser's cursor. */
    TemplateParser templates() {
        return templates;
    }

    /** Parses one full expression ({@code Expression} in the spec). */
    Expression parseExpression() throws HclSyntaxException {
        Token first = in.peek();
        in.enter(first);
        try {
            Expression condition = parseBinary(1);
            if (!in.accept(TokenKind.QUESTION)) {
                return condition;
            }
            Expression then = parseExpression();
            in.expect(TokenKind.COLON, "':' between the two results of the conditional expression");
            Expression otherwise = parseExpression();
            return new Expression.Conditional(condition, then, otherwise, condition.span().to(otherwise.span()));
        } finally {
            in.exit();
        }
    }

    /** Precedence climbing: operands joined by operators of at least {@code minPrecedence}, left-associative. */
    private Expression parseBinary(int minPrecedence) throws HclSyntaxException {
        Expression left = parseUnary();
        while (true) {
            Operator op = binaryOperator(in.peek().kind());
            if (op == null || op.precedence() < minPrecedence) {
                return left;
            }
            in.next();
            Expression right = parseBinary(op.precedence() + 1);
            left = new Expression.Binary(op, left, right, left.span().to(right.span()));
        }
    }

    private static Operator binaryOperator(TokenKind kind) {
        return switch (kind) {
            case OR -> Operator.OR;
            case AND -> Operator.AND;
            case EQEQ -> Operator.EQUAL;
            case NOT_EQUAL -> Operator.NOT_EQUAL;
            case LESS -> Operator.LESS;
            case LESS_EQUAL -> Operator.LESS_OR_EQUAL;
            case GREATER -> Operator.GREATER;
            case GREATER_EQUAL -> Operator.GREATER_OR_EQUAL;
            case PLUS -> Operator.ADD;
            case MINUS -> Operator.SUBTRACT;
            case STAR -> Operator.MULTIPLY;
            case SLASH -> Operator.DIVIDE;
            case PERCENT -> Operator.MODULO;
            default -> null;
        };
    }

    private Expression parseUnary() throws HclSyntaxException {
        Token t = in.peek();
        if (t.kind() != TokenKind.MINUS && t.kind() != TokenKind.BANG) {
            return parsePostfix(parseTerm());
        }
        in.next();
        in.enter(t);
        try {
            Expression operand = parseUnary();
            Operator op = t.kind() == TokenKind.MINUS ? Operator.NEGATE : Operator.NOT;
            return new Expression.Unary(op, operand, in.span(t).to(operand.span()));
        } finally {
            in.exit();
        }
    }

    // ---- terms ----

    private static String abbreviated(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

        private Expression parseTerm() throws HclSyntaxException {
        Token t = in.peek();
        switch (t.kind()) {
            case NUMBER:
                in.next();
                try {
                    return new Expression.NumberLiteral(new BigDecimal(in.text(t)), in.span(t));
                } catch (NumberFormatException e) {
                    // an exponent past what a number can hold (1E444444444444444444): found by fuzzing
                    throw new HclSyntaxException(in.span(t), "number out of range: " + abbreviated(in.text(t)));
                }
            case IDENT:
                return parseIdentifierTerm();
            case OQUOTE:
                return templates.parseQuoted();
            case OHEREDOC:
                return templates.parseHeredoc();
            case LBRACK:
                return parseTupleOrFor();
            case LBRACE:
                return parseObjectOrFor();
            case LPAREN:
                return parseParens();
            default:
                throw in.unexpected(t, "an expression");
        }
    }

    private Expression parseIdentifierTerm() throws HclSyntaxException {
        Token name = in.next();
        String text = in.text(name);
        TokenKind after = in.peek().kind();
        if (after == TokenKind.LPAREN || after == TokenKind.DOUBLE_COLON) {
            return parseFunctionCall(name);
        }
        Span span = in.span(name);
        return switch (text) {
            case "true" -> new Expression.BoolLiteral(true, span);
            case "false" -> new Expression.BoolLiteral(false, span);
            case "null" -> new Expression.NullLiteral(span);
            default -> new Expression.Variable(text, span);
        };
    }

    /** {@code name(args)} or {@code provider::ns::name(args)}; the first name token is already consumed. */
    private Expression parseFunctionCall(Token first) throws HclSyntaxException {
        Token last = first;
        while (in.accept(TokenKind.DOUBLE_COLON)) {
            last = in.expect(TokenKind.IDENT, "a function name after '::'");
        }
        String name = in.source().text().substring(first.start(), last.end());
        Span nameSpan = in.span(first.start(), last.end());
        Token open = in.expect(TokenKind.LPAREN, "'(' after the function name '" + name + "'");
        in.pushNewlines(false);
        try {
            List<Expression> args = new ArrayList<>();
            boolean expandFinal = false;
            while (!in.at(TokenKind.RPAREN)) {
                args.add(parseExpression());
                if (in.accept(TokenKind.ELLIPSIS)) {
                    expandFinal = true;
                    if (!in.at(TokenKind.RPAREN)) {
                        throw in.unexpected(in.peek(), "')' after the '...' that expands the last argument of '"
                                + name + "'");
                    }
                    break;
                }
                if (!in.accept(TokenKind.COMMA) && !in.at(TokenKind.RPAREN)) {
                    throw in.unexpected(in.peek(), "',' or ')' in the arguments of '" + name + "' opened at line "
                            + in.span(open).line());
                }
            }
            Token close = in.next();
            return new Expression.FunctionCall(name, args, expandFinal, nameSpan, in.span(first.start(), close.end()));
        } finally {
            in.popNewlines();
        }
    }

    private Expression parseParens() throws HclSyntaxException {
        Token open = in.next();
        in.pushNewlines(false);
        try {
            Expression inner = parseExpression();
            Token close = in.expect(TokenKind.RPAREN, "')' to close the '(' at line " + in.span(open).line()
                    + ", column " + in.span(open).column());
            return new Expression.Parens(inner, in.span(open.start(), close.end()));
        } finally {
            in.popNewlines();
        }
    }

    private Expression parseTupleOrFor() throws HclSyntaxException {
        Token open = in.next();
        in.pushNewlines(false);
        try {
            if (in.atKeyword("for")) {
                return parseFor(open, false);
            }
            List<Expression> elements = new ArrayList<>();
            while (!in.at(TokenKind.RBRACK)) {
                elements.add(parseExpression());
                if (!in.accept(TokenKind.COMMA) && !in.at(TokenKind.RBRACK)) {
                    throw in.unexpected(in.peek(), "',' or ']' in the list opened at line " + in.span(open).line()
                            + ", column " + in.span(open).column());
                }
            }
            Token close = in.next();
            return new Expression.Tuple(elements, in.span(open.start(), close.end()));
        } finally {
            in.popNewlines();
        }
    }

    private Expression parseObjectOrFor() throws HclSyntaxException {
        Token open = in.next();
        // Newlines (and line comments) may come between '{' and 'for'.
        in.pushNewlines(false);
        try {
            if (in.atKeyword("for")) {
                return parseFor(open, true);
            }
        } finally {
            in.popNewlines();
        }
        in.pushNewlines(true);
        try {
            return parseObjectItems(open);
        } finally {
            in.popNewlines();
        }
    }

    /** Object items separated by commas or newlines, up to the closing brace. */
    private Expression parseObjectItems(Token open) throws HclSyntaxException {
        List<Expression.ObjectCons.Item> items = new ArrayList<>();
        while (true) {
            while (in.accept(TokenKind.NEWLINE)) {
                // blank lines between items
            }
            if (in.at(TokenKind.RBRACE)) {
                break;
            }
            if (in.at(TokenKind.EOF)) {
                throw in.unexpected(in.peek(), "'}' to close the object opened at line " + in.span(open).line()
                        + ", column " + in.span(open).column());
            }
            Expression key = objectKey(parseExpression());
            Token sep = in.peek();
            if (sep.kind() != TokenKind.EQUAL && sep.kind() != TokenKind.COLON) {
                throw in.unexpected(sep, "'=' or ':' after the object key");
            }
            in.next();
            Expression value = parseExpression();
            items.add(new Expression.ObjectCons.Item(key, value, key.span().to(value.span())));
            Token after = in.peek();
            if (after.kind() == TokenKind.COMMA || after.kind() == TokenKind.NEWLINE) {
                in.next();
            } else if (after.kind() != TokenKind.RBRACE) {
                throw in.unexpected(after, "',' or a newline or '}' after the object item");
            }
        }
        Token close = in.next();
        return new Expression.ObjectCons(items, in.span(open.start(), close.end()));
    }

    /** A bare name as an object key means that literal name (as do the keywords true/false/null). */
    private static Expression objectKey(Expression key) {
        if (key instanceof Expression.Variable v) {
            return literalKey(v.name(), v.span());
        }
        if (key instanceof Expression.BoolLiteral b) {
            return literalKey(Boolean.toString(b.value()), b.span());
        }
        if (key instanceof Expression.NullLiteral n) {
            return literalKey("null", n.span());
        }
        return key;
    }

    private static Expression literalKey(String name, Span span) {
        return new Expression.Template(List.of(new TemplatePart.Literal(name, span)), false, span);
    }

    /**
     * {@code for k, v in coll : [key =>] value [...] [if cond]} up to the closing bracket; the opening bracket is
     * consumed and newlines are already ignorable.
     */
    private Expression parseFor(Token open, boolean objectResult) throws HclSyntaxException {
        in.next(); // 'for'
        String first = in.text(in.expect(TokenKind.IDENT, "a variable name after 'for'"));
        String second = null;
        if (in.accept(TokenKind.COMMA)) {
            second = in.text(in.expect(TokenKind.IDENT, "a second variable name after ','"));
        }
        if (!in.atKeyword("in")) {
            throw in.unexpected(in.peek(), "'in' after the for-expression's variable names");
        }
        in.next();
        Expression collection = parseExpression();
        in.expect(TokenKind.COLON, "':' after the for-expression's collection");
        Expression keyExpr = null;
        Expression valueExpr;
        boolean grouping = false;
        if (objectResult) {
            keyExpr = parseExpression();
            in.expect(TokenKind.FAT_ARROW, "'=>' between the key and the value of the object for-expression");
            valueExpr = parseExpression();
            grouping = in.accept(TokenKind.ELLIPSIS);
        } else {
            valueExpr = parseExpression();
        }
        Expression condition = null;
        if (in.atKeyword("if")) {
            in.next();
            condition = parseExpression();
        }
        TokenKind closeKind = objectResult ? TokenKind.RBRACE : TokenKind.RBRACK;
        Token close = in.expect(closeKind, (objectResult ? "'}'" : "']'") + " to close the for-expression opened at line "
                + in.span(open).line() + ", column " + in.span(open).column());
        String keyVar = second == null ? null : first;
        String valueVar = second == null ? first : second;
        return new Expression.For(keyVar, valueVar, collection, keyExpr, valueExpr, condition, grouping, objectResult,
                in.span(open.start(), close.end()));
    }

    // ---- traversals and splats ----

    /** Applies {@code .name}, {@code .0}, {@code [key]}, {@code [*]} and {@code .*} to {@code term}. */
    private Expression parsePostfix(Expression term) throws HclSyntaxException {
        Expression current = term;
        while (true) {
            TokenKind kind = in.peek().kind();
            if (kind == TokenKind.DOT) {
                if (in.peekSecond().kind() == TokenKind.STAR) {
                    current = parseLegacySplat(current);
                } else {
                    current = parseDotTraversal(current);
                }
            } else if (kind == TokenKind.LBRACK) {
                if (in.peekSecond().kind() == TokenKind.STAR) {
                    current = parseFullSplat(current);
                } else {
                    current = parseIndex(current);
                }
            } else {
                return current;
            }
        }
    }

    /** {@code .name} or the legacy index {@code .0}. */
    private Expression parseDotTraversal(Expression source) throws HclSyntaxException {
        in.next(); // '.'
        Token t = in.peek();
        if (t.kind() == TokenKind.IDENT) {
            in.next();
            return new Expression.GetAttr(source, in.text(t), in.span(t), source.span().to(in.span(t)));
        }
        if (t.kind() == TokenKind.NUMBER) {
            String digits = in.text(t);
            if (!digits.chars().allMatch(Character::isDigit)) {
                throw new HclSyntaxException(in.span(t), "a legacy index after '.' must be a whole number, found "
                        + digits + " (write [" + digits + "] or chain indexes with brackets)");
            }
            in.next();
            Expression key = new Expression.NumberLiteral(new BigDecimal(digits), in.span(t));
            return new Expression.Index(source, key, source.span().to(in.span(t)));
        }
        throw in.unexpected(t, "an attribute name after '.'");
    }

    private Expression parseIndex(Expression source) throws HclSyntaxException {
        Token open = in.next();
        in.pushNewlines(false);
        try {
            Expression key = parseExpression();
            Token close = in.expect(TokenKind.RBRACK, "']' to close the index opened at line " + in.span(open).line()
                    + ", column " + in.span(open).column());
            return new Expression.Index(source, key, source.span().to(in.span(close)));
        } finally {
            in.popNewlines();
        }
    }

    /** {@code source[*]} then every following {@code .name}, {@code .0} and {@code [key]}, folded into each. */
    private Expression parseFullSplat(Expression source) throws HclSyntaxException {
        in.next(); // '['
        in.pushNewlines(false);
        Token close;
        try {
            in.next(); // '*'
            close = in.expect(TokenKind.RBRACK, "']' after '[*'");
        } finally {
            in.popNewlines();
        }
        Expression each = new Expression.SplatItem(in.span(close.end(), close.end()));
        Span end = in.span(close);
        while (true) {
            TokenKind kind = in.peek().kind();
            if (kind == TokenKind.DOT && in.peekSecond().kind() != TokenKind.STAR) {
                each = parseDotTraversal(each);
            } else if (kind == TokenKind.LBRACK && in.peekSecond().kind() != TokenKind.STAR) {
                each = parseIndex(each);
            } else {
                break;
            }
            end = each.span();
        }
        return new Expression.Splat(source, each, false, source.span().to(end));
    }

    /** {@code source.*} then every following {@code .name} (and legacy {@code .0}), folded into each. */
    private Expression parseLegacySplat(Expression source) throws HclSyntaxException {
        in.next(); // '.'
        Token star = in.next();
        Expression each = new Expression.SplatItem(in.span(star.end(), star.end()));
        Span end = in.span(star);
        while (in.at(TokenKind.DOT) && in.peekSecond().kind() != TokenKind.STAR) {
            each = parseDotTraversal(each);
            end = each.span();
        }
        return new Expression.Splat(source, each, true, source.span().to(end));
    }
}
