package dev.preflight.terraform.syntax;

import dev.preflight.source.SourceFile;
import dev.preflight.source.Span;

/**
 * A read position over the token list, shared by the structural, expression and template parsers.
 *
 * <p>Whether newlines matter depends on where the parser is: they end attributes in a body and separate object
 * items, but inside parentheses, brackets, function arguments, for-expressions and template sequences they are
 * ignored. The parsers say so with {@link #pushNewlines(boolean)} / {@link #popNewlines()}, and the cursor then
 * skips NEWLINE tokens as needed. It also guards nesting depth, so no input can overflow the stack.
 */
final class TokenCursor {
    /** Deeper nesting than this is reported as a syntax error instead of risking a stack overflow. */
    /**
     * Each level costs several frames (one per precedence level for parentheses and object values), so 1000 overflowed
     * a default 1 MB thread stack at ~700 levels of parentheses and the error lost its position; 256 leaves room for the
     * evaluator's own recursion over the same tree, and no real configuration nests a tenth as deep.
     */
    static final int MAX_DEPTH = 256;

    private final SourceFile source;
    private final TokenBuffer tokens;
    private Token cached;
    private int cachedIndex = -1;
    private int pos;
    private boolean[] newlineStack = new boolean[64];
    private int newlineTop;
    private int depth;

    TokenCursor(SourceFile source, TokenBuffer tokens) {
        this.source = source;
        this.tokens = tokens;
        newlineStack[0] = true;
    }

    SourceFile source() {
        return source;
    }

    /** Makes newlines significant ({@code true}) or ignorable ({@code false}) until the matching pop. */
    void pushNewlines(boolean significant) {
        if (++newlineTop == newlineStack.length) {
            newlineStack = java.util.Arrays.copyOf(newlineStack, newlineStack.length * 2);
        }
        newlineStack[newlineTop] = significant;
    }

    /** Restores the newline mode that was in force before the matching push. */
    void popNewlines() {
        newlineTop--;
    }

    /** The next token, skipping newlines when they are not significant here; INVALID tokens are thrown. */
    Token peek() throws HclSyntaxException {
        if (!newlineStack[newlineTop]) {
            while (tokens.kind(pos) == TokenKind.NEWLINE) {
                pos++;
            }
        }
        Token t = token(pos);
        if (t.kind() == TokenKind.INVALID) {
            throw new HclSyntaxException(span(t), t.message());
        }
        return t;
    }

    /** The token after the next one (same newline rule), without consuming anything. */
    Token peekSecond() throws HclSyntaxException {
        peek();
        int i = pos + 1;
        if (i >= tokens.size()) {
            return token(tokens.size() - 1);
        }
        if (!newlineStack[newlineTop]) {
            while (i < tokens.size() - 1 && tokens.kind(i) == TokenKind.NEWLINE) {
                i++;
            }
        }
        return tokens.get(i);
    }

    /** Token {@code i}; the parser peeks the same token several times, so the last one made is reused. */
    private Token token(int i) {
        if (i != cachedIndex) {
            cached = tokens.get(i);
            cachedIndex = i;
        }
        return cached;
    }

    /** True if the next token is of this kind. */
    boolean at(TokenKind kind) throws HclSyntaxException {
        return peek().kind() == kind;
    }

    /** True if the next token is the identifier {@code word} (a contextual keyword such as {@code for}). */
    boolean atKeyword(String word) throws HclSyntaxException {
        Token t = peek();
        return t.kind() == TokenKind.IDENT && text(t).equals(word);
    }

    /** Consumes and returns the next token. */
    Token next() throws HclSyntaxException {
        Token t = peek();
        if (t.kind() != TokenKind.EOF) {
            pos++;
        }
        return t;
    }

    /** Consumes the next token if it is of this kind. */
    boolean accept(TokenKind kind) throws HclSyntaxException {
        if (peek().kind() == kind) {
            pos++;
            return true;
        }
        return false;
    }

    /** Consumes a token of this kind, or fails with "expected {what}, found ...". */
    Token expect(TokenKind kind, String what) throws HclSyntaxException {
        Token t = peek();
        if (t.kind() != kind) {
            throw unexpected(t, what);
        }
        pos++;
        return t;
    }

    /** The source text of a token. */
    String text(Token t) {
        return source.text().substring(t.start(), t.end());
    }

    /** The span of a token. */
    Span span(Token t) {
        return source.span(t.start(), t.end());
    }

    /** The span between two offsets. */
    Span span(int start, int end) {
        return source.span(start, end);
    }

    /** An error at {@code t}: "expected {what}, found {t}". */
    HclSyntaxException unexpected(Token t, String what) {
        return new HclSyntaxException(span(t), "expected " + what + ", found " + describe(t));
    }

    /** How an error message names a token: its text for short tokens, its kind otherwise. */
    String describe(Token t) {
        return switch (t.kind()) {
            case IDENT -> "'" + text(t) + "'";
            case NUMBER -> "the number " + text(t);
            default -> t.kind().description();
        };
    }

    /** Enters one nesting level at {@code where}; fails when the input nests too deeply. */
    void enter(Token where) throws HclSyntaxException {
        if (++depth > MAX_DEPTH) {
            throw new HclSyntaxException(span(where), "nesting too deep: more than " + MAX_DEPTH + " levels");
        }
    }

    /** Leaves the nesting level entered last. */
    void exit() {
        depth--;
    }
}
