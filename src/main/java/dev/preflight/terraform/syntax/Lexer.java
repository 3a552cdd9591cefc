package dev.preflight.terraform.syntax;

import dev.preflight.source.SourceFile;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Splits HCL source text into tokens in one left-to-right pass (linear time).
 *
 * <p>HCL's lexical structure depends on context only through templates: inside a quoted string or a heredoc the
 * text is literal until {@code ${} or {@code %{}, and inside those sequences it is expression tokens again until the
 * matching {@code }}. The lexer keeps a stack of modes for that, so the token stream is fixed before parsing starts
 * and the parser never rescans text.
 *
 * <p>The lexer never throws: text it cannot read becomes one {@link TokenKind#INVALID} token carrying the message,
 * after which lexing stops. The parser reports it when it reaches it, so the first error in the file wins.
 */
final class Lexer {

    /** One level of the mode stack. */
    private abstract static class Mode {
    }

    /** Expression tokens; when opened by {@code ${} or {@code %{}, tracks brace depth to find the closing brace. */
    private static final class ExpressionMode extends Mode {
        final boolean inTemplate;
        int braceDepth;

        ExpressionMode(boolean inTemplate) {
            this.inTemplate = inTemplate;
        }
    }

    /** Inside a {@code "..."} template. */
    private static final class QuotedMode extends Mode {
        final int openOffset;

        QuotedMode(int openOffset) {
            this.openOffset = openOffset;
        }
    }

    /** Inside a heredoc (or a template file, with no marker); {@code atLineStart}: the closing marker may appear. */
    private static final class HeredocMode extends Mode {
        final String marker;
        final int openOffset;
        boolean atLineStart = true;

        HeredocMode(String marker, int openOffset) {
            this.marker = marker;
            this.openOffset = openOffset;
        }
    }

    private final String text;
    private final TokenBuffer tokens = new TokenBuffer();
    private final List<Comment> comments = new ArrayList<>();
    private final SourceFile source;
    private final Deque<Mode> modes = new ArrayDeque<>();
    private int pos;

    private Lexer(SourceFile source) {
        this.source = source;
        this.text = source.text();
    }

    /** The result of lexing: tokens ending in EOF (or INVALID then EOF), and the comments found on the way. */
    record Result(TokenBuffer tokens, List<Comment> comments) {
    }

    /** Lexes the whole file. */
    static Result lex(SourceFile source) {
        Lexer lexer = new Lexer(source);
        lexer.run(new ExpressionMode(false));
        return new Result(lexer.tokens, lexer.comments);
    }

    /**
     * Lexes a template file ({@code templatefile()}): the whole text is template literal, as in a heredoc that is
     * never closed, so it gives HEREDOC_LIT tokens and template sequences, then EOF.
     */
    static Result lexTemplate(SourceFile source) {
        Lexer lexer = new Lexer(source);
        lexer.run(new HeredocMode(null, 0));
        return new Result(lexer.tokens, lexer.comments);
    }

    private void run(Mode outermost) {
        modes.push(outermost);
        boolean ok = true;
        while (ok && pos < text.length()) {
            Mode mode = modes.peek();
            if (mode instanceof ExpressionMode e) {
                ok = lexExpressionToken(e);
            } else if (mode instanceof QuotedMode q) {
                ok = lexQuoted(q);
            } else {
                ok = lexHeredoc((HeredocMode) mode);
            }
        }
        if (ok && modes.size() > 1) {
            // The text ended inside a string, heredoc or template sequence.
            Mode mode = modes.peek();
            if (mode instanceof QuotedMode q) {
                invalidAt(text.length(), text.length(),
                        "unterminated string: expected '\"' to close the string opened at line " + lineOf(q.openOffset));
            } else if (mode instanceof HeredocMode h) {
                invalidAt(text.length(), text.length(), "unterminated heredoc: expected a line containing only '"
                        + h.marker + "' to close the heredoc opened at line " + lineOf(h.openOffset));
            }
            // An open ${ is reported by the parser, which knows what it expected.
        }
        tokens.add(TokenKind.EOF, text.length(), text.length());
    }

    private int lineOf(int offset) {
        return source.lineOf(offset);
    }

    private void add(TokenKind kind, int start, int end) {
        tokens.add(kind, start, end);
        pos = end;
    }

    private boolean invalidAt(int start, int end, String message) {
        tokens.addInvalid(start, end, message);
        pos = text.length();
        return false;
    }

    private char at(int i) {
        return i < text.length() ? text.charAt(i) : '\0';
    }

    // ---- expression mode ----

    private boolean lexExpressionToken(ExpressionMode mode) {
        int start = pos;
        char c = text.charAt(pos);
        switch (c) {
            case ' ', '\t' -> {
                pos++;
                return true;
            }
            case '\n' -> {
                add(TokenKind.NEWLINE, start, start + 1);
                return true;
            }
            case '\r' -> {
                add(TokenKind.NEWLINE, start, at(start + 1) == '\n' ? start + 2 : start + 1);
                return true;
            }
            case '#' -> {
                lineComment(start, start + 1);
                return true;
            }
            case '/' -> {
                if (at(start + 1) == '/') {
                    lineComment(start, start + 2);
                    return true;
                }
                if (at(start + 1) == '*') {
                    return blockComment(start);
                }
                add(TokenKind.SLASH, start, start + 1);
                return true;
            }
            case '"' -> {
                add(TokenKind.OQUOTE, start, start + 1);
                modes.push(new QuotedMode(start));
                return true;
            }
            case '{' -> {
                mode.braceDepth++;
                add(TokenKind.LBRACE, start, start + 1);
                return true;
            }
            case '}' -> {
                if (mode.inTemplate && mode.braceDepth == 0) {
                    add(TokenKind.TEMPLATE_SEQ_END, start, start + 1);
                    modes.pop();
                    return true;
                }
                mode.braceDepth--;
                add(TokenKind.RBRACE, start, start + 1);
                return true;
            }
            case '~' -> {
                if (mode.inTemplate && mode.braceDepth == 0 && at(start + 1) == '}') {
                    add(TokenKind.TEMPLATE_SEQ_END, start, start + 2);
                    modes.pop();
                    return true;
                }
                return invalidAt(start, start + 1, "unexpected character '~'");
            }
            case '<' -> {
                if (at(start + 1) == '<') {
                    return heredocIntroducer(start);
                }
                return operator(start, '=', TokenKind.LESS_EQUAL, TokenKind.LESS);
            }
            case '[' -> add(TokenKind.LBRACK, start, start + 1);
            case ']' -> add(TokenKind.RBRACK, start, start + 1);
            case '(' -> add(TokenKind.LPAREN, start, start + 1);
            case ')' -> add(TokenKind.RPAREN, start, start + 1);
            case ',' -> add(TokenKind.COMMA, start, start + 1);
            case '?' -> add(TokenKind.QUESTION, start, start + 1);
            case '+' -> add(TokenKind.PLUS, start, start + 1);
            case '-' -> add(TokenKind.MINUS, start, start + 1);
            case '*' -> add(TokenKind.STAR, start, start + 1);
            case '%' -> add(TokenKind.PERCENT, start, start + 1);
            case ':' -> operator(start, ':', TokenKind.DOUBLE_COLON, TokenKind.COLON);
            case '!' -> operator(start, '=', TokenKind.NOT_EQUAL, TokenKind.BANG);
            case '>' -> operator(start, '=', TokenKind.GREATER_EQUAL, TokenKind.GREATER);
            case '=' -> {
                if (at(start + 1) == '=') {
                    add(TokenKind.EQEQ, start, start + 2);
                } else if (at(start + 1) == '>') {
                    add(TokenKind.FAT_ARROW, start, start + 2);
                } else {
                    add(TokenKind.EQUAL, start, start + 1);
                }
            }
            case '.' -> {
                if (at(start + 1) == '.' && at(start + 2) == '.') {
                    add(TokenKind.ELLIPSIS, start, start + 3);
                } else {
                    add(TokenKind.DOT, start, start + 1);
                }
            }
            case '&' -> {
                if (at(start + 1) != '&') {
                    return invalidAt(start, start + 1, "unexpected character '&' (did you mean '&&'?)");
                }
                add(TokenKind.AND, start, start + 2);
            }
            case '|' -> {
                if (at(start + 1) != '|') {
                    return invalidAt(start, start + 1, "unexpected character '|' (did you mean '||'?)");
                }
                add(TokenKind.OR, start, start + 2);
            }
            default -> {
                if (c >= '0' && c <= '9') {
                    number(start);
                } else if (isIdentifierStart(text.codePointAt(start))) {
                    identifier(start);
                } else {
                    return invalidAt(start, start + Character.charCount(text.codePointAt(start)),
                            "unexpected character " + describeChar(text.codePointAt(start)));
                }
            }
        }
        return true;
    }

    private boolean operator(int start, char second, TokenKind twoChar, TokenKind oneChar) {
        if (at(start + 1) == second) {
            add(twoChar, start, start + 2);
        } else {
            add(oneChar, start, start + 1);
        }
        return true;
    }

    private static String describeChar(int codePoint) {
        if (codePoint < 0x20 || codePoint == 0x7f) {
            return String.format("U+%04X", codePoint);
        }
        return "'" + new String(Character.toChars(codePoint)) + "'";
    }

    static boolean isIdentifierStart(int cp) {
        return cp == '_' || Character.isLetter(cp) || Character.getType(cp) == Character.LETTER_NUMBER;
    }

    static boolean isIdentifierPart(int cp) {
        return cp == '-' || cp == '_' || (Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp));
    }

    private void identifier(int start) {
        int i = start;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (!isIdentifierPart(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        add(TokenKind.IDENT, start, i);
    }

    /** {@code digits ("." digits)? (("e"|"E") ("+"|"-")? digits)?}; a dot or exponent not followed by a digit is left. */
    private void number(int start) {
        int i = digits(start);
        if (at(i) == '.' && isDigit(at(i + 1))) {
            i = digits(i + 1);
        }
        if (at(i) == 'e' || at(i) == 'E') {
            int j = i + 1;
            if (at(j) == '+' || at(j) == '-') {
                j++;
            }
            if (isDigit(at(j))) {
                i = digits(j);
            }
        }
        add(TokenKind.NUMBER, start, i);
    }

    private int digits(int i) {
        while (isDigit(at(i))) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A {@code #} or {@code //} comment up to (not including) the line ending, which stays a NEWLINE token. */
    private void lineComment(int start, int bodyStart) {
        int i = bodyStart;
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        comments.add(new Comment(text.substring(bodyStart, i), source.span(start, i)));
        pos = i;
    }

    private boolean blockComment(int start) {
        int close = text.indexOf("*/", start + 2);
        if (close < 0) {
            return invalidAt(start, start + 2, "unterminated comment: expected '*/' to close the comment");
        }
        comments.add(new Comment(text.substring(start + 2, close), source.span(start, close + 2)));
        pos = close + 2;
        return true;
    }

    /** {@code <<ID} or {@code <<-ID} followed directly by a newline starts a heredoc; anything else is two '<'. */
    private boolean heredocIntroducer(int start) {
        int i = start + 2;
        if (at(i) == '-') {
            i++;
        }
        int nameStart = i;
        if (i < text.length() && isIdentifierStart(text.codePointAt(i))) {
            while (i < text.length() && isIdentifierPart(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            int nameEnd = i;
            int lineEnd = at(i) == '\r' && at(i + 1) == '\n' ? i + 2 : (at(i) == '\n' ? i + 1 : -1);
            if (lineEnd > 0) {
                add(TokenKind.OHEREDOC, start, lineEnd);
                modes.push(new HeredocMode(text.substring(nameStart, nameEnd), start));
                return true;
            }
            return invalidAt(start, nameEnd,
                    "a heredoc introducer '" + text.substring(start, nameEnd) + "' must be followed by a newline");
        }
        add(TokenKind.LESS, start, start + 1);
        return true;
    }

    // ---- template modes ----

    /** True if a template sequence ({@code ${} or {@code %{}) starts at {@code i}. */
    private boolean sequenceStartsAt(int i) {
        return (text.charAt(i) == '$' || text.charAt(i) == '%') && at(i + 1) == '{';
    }

    /** Opens a {@code ${}/{@code %{} (optionally with {@code ~}) at {@code pos}. */
    private void openSequence() {
        int start = pos;
        int end = start + 2;
        if (at(end) == '~') {
            end++;
        }
        add(text.charAt(start) == '$' ? TokenKind.TEMPLATE_INTERP : TokenKind.TEMPLATE_CONTROL, start, end);
        modes.push(new ExpressionMode(true));
    }

    private boolean lexQuoted(QuotedMode mode) {
        int start = pos;
        int i = pos;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' || c == '\n' || c == '\r') {
                break;
            }
            if (c == '\\') {
                i = Math.min(i + 2, text.length());
                if (at(i - 1) == '\n' || at(i - 1) == '\r') {
                    i--;
                    break;
                }
                continue;
            }
            if ((c == '$' || c == '%') && at(i + 1) == c && at(i + 2) == '{') {
                i += 3; // $${ and %%{ are escapes for a literal ${ / %{
                continue;
            }
            if (sequenceStartsAt(i)) {
                break;
            }
            i++;
        }
        if (i > start) {
            add(TokenKind.QUOTED_LIT, start, i);
        }
        if (i >= text.length()) {
            return true; // run() reports the unterminated string
        }
        char c = text.charAt(i);
        if (c == '"') {
            add(TokenKind.CQUOTE, i, i + 1);
            modes.pop();
            return true;
        }
        if (c == '\n' || c == '\r') {
            return invalidAt(i, i, "unterminated string: expected '\"' before the end of the line to close the"
                    + " string opened at line " + lineOf(mode.openOffset) + ", column " + source.columnOf(mode.openOffset));
        }
        pos = i;
        openSequence();
        return true;
    }

    private boolean lexHeredoc(HeredocMode mode) {
        if (mode.atLineStart) {
            int closeEnd = closingMarkerEnd(mode.marker, pos);
            if (closeEnd >= 0) {
                add(TokenKind.CHEREDOC, pos, closeEnd);
                modes.pop();
                return true;
            }
            mode.atLineStart = false;
        }
        int start = pos;
        int i = pos;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n') {
                i++;
                mode.atLineStart = true;
                break;
            }
            if ((c == '$' || c == '%') && at(i + 1) == c && at(i + 2) == '{') {
                i += 3;
                continue;
            }
            if (sequenceStartsAt(i)) {
                break;
            }
            i++;
        }
        if (i > start) {
            add(TokenKind.HEREDOC_LIT, start, i);
        }
        if (i < text.length() && !mode.atLineStart) {
            pos = i;
            openSequence();
        }
        return true;
    }

    /**
     * If the line at {@code i} is {@code [ \t]* marker} then a line end or EOF, the offset after the marker; a
     * template file has no marker ({@code null}) and never closes.
     */
    private int closingMarkerEnd(String marker, int i) {
        if (marker == null) {
            return -1;
        }
        while (at(i) == ' ' || at(i) == '\t') {
            i++;
        }
        if (!text.startsWith(marker, i)) {
            return -1;
        }
        int end = i + marker.length();
        char after = at(end);
        if (end >= text.length() || after == '\n' || (after == '\r' && at(end + 1) == '\n')) {
            return end;
        }
        return -1;
    }
}
