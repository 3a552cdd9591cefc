package dev.preflight.terraform.syntax;

/**
 * One lexical token: its kind and its place as 0-based offsets into the source text (end exclusive).
 * {@code message} is set only on {@link TokenKind#INVALID} tokens and says what was wrong there.
 */
record Token(TokenKind kind, int start, int end, String message) {

    Token(TokenKind kind, int start, int end) {
        this(kind, start, end, null);
    }
}
