package dev.preflight.cloudformation.syntax;

/**
 * Turns SnakeYAML's mark indexes, which count code points, into offsets in the Java string, which count UTF-16 units.
 * The two differ only after a character outside the Basic Multilingual Plane (an emoji in a description), so the
 * table is built only for texts that have one.
 */
final class CodePointOffsets {
    private final int length;
    private final int[] offsetOfCodePoint;

    CodePointOffsets(String text) {
        this.length = text.length();
        int codePoints = text.codePointCount(0, text.length());
        if (codePoints == text.length()) {
            offsetOfCodePoint = null;
            return;
        }
        offsetOfCodePoint = new int[codePoints + 1];
        int offset = 0;
        for (int i = 0; i < codePoints; i++) {
            offsetOfCodePoint[i] = offset;
            offset += Character.charCount(text.codePointAt(offset));
        }
        offsetOfCodePoint[codePoints] = offset;
    }

    /** The UTF-16 offset of a code point index, clamped to the text. */
    int offset(int codePointIndex) {
        if (codePointIndex < 0) {
            return 0;
        }
        if (offsetOfCodePoint == null) {
            return Math.min(codePointIndex, length);
        }
        return codePointIndex < offsetOfCodePoint.length ? offsetOfCodePoint[codePointIndex] : length;
    }
}
