package dev.preflight.terraform.syntax;

import java.util.Arrays;

/**
 * The token list in compact form (three parallel arrays), so that a large file's tokens are a few arrays rather
 * than millions of objects kept alive for the whole parse; {@link Token}s are made on demand.
 */
final class TokenBuffer {
    private static final TokenKind[] KINDS = TokenKind.values();

    private byte[] kinds = new byte[256];
    private int[] starts = new int[256];
    private int[] ends = new int[256];
    private int size;
    private String invalidMessage;

    /** Appends a token. */
    void add(TokenKind kind, int start, int end) {
        if (size == kinds.length) {
            int n = size * 2;
            kinds = Arrays.copyOf(kinds, n);
            starts = Arrays.copyOf(starts, n);
            ends = Arrays.copyOf(ends, n);
        }
        kinds[size] = (byte) kind.ordinal();
        starts[size] = start;
        ends[size] = end;
        size++;
    }

    /** Appends the one INVALID token (lexing stops after it). */
    void addInvalid(int start, int end, String message) {
        add(TokenKind.INVALID, start, end);
        invalidMessage = message;
    }

    /** The number of tokens. */
    int size() {
        return size;
    }

    /** The kind of token {@code i}, without allocating. */
    TokenKind kind(int i) {
        return KINDS[kinds[i]];
    }

    /** Token {@code i} as an object. */
    Token get(int i) {
        TokenKind kind = kind(i);
        return new Token(kind, starts[i], ends[i], kind == TokenKind.INVALID ? invalidMessage : null);
    }
}
