package dev.preflight.terraform.syntax;

/** Decodes the literal text of quoted strings (backslash escapes, {@code $${}, {@code %%{}) and of heredocs. */
final class StringEscapes {
    private StringEscapes() {
    }

    /** Decodes a QUOTED_LIT token; a bad escape is a syntax error at the escape. */
    static String decodeQuoted(TokenCursor in, Token t) throws HclSyntaxException {
        String raw = in.text(t);
        if (raw.indexOf('\\') < 0 && raw.indexOf("{") < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '\\') {
                i = escape(in, t.start() + i, raw, i, out);
                continue;
            }
            if ((c == '$' || c == '%') && raw.startsWith(c + "" + c + "{", i)) {
                out.append(c).append('{');
                i += 3;
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** Decodes heredoc text: only {@code $${} and {@code %%{} are escapes there. */
    static String decodeHeredoc(String raw) {
        if (raw.indexOf("${") < 0 && raw.indexOf("%{") < 0) {
            return raw;
        }
        return raw.replace("$${", "${").replace("%%{", "%{");
    }

    /** Decodes the escape at {@code raw[i]} (a backslash) and returns the index after it. */
    private static int escape(TokenCursor in, int offset, String raw, int i, StringBuilder out)
            throws HclSyntaxException {
        if (i + 1 >= raw.length()) {
            throw new HclSyntaxException(in.span(offset, offset + 1), "incomplete escape sequence '\\'");
        }
        char e = raw.charAt(i + 1);
        switch (e) {
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case '"' -> out.append('"');
            case '\\' -> out.append('\\');
            case 'u', 'U' -> {
                int digits = e == 'u' ? 4 : 8;
                int end = i + 2 + digits;
                if (end > raw.length() || !isHex(raw, i + 2, end)) {
                    throw new HclSyntaxException(in.span(offset, offset + Math.min(end, raw.length()) - i),
                            "invalid escape sequence: '\\" + e + "' must be followed by " + digits + " hexadecimal digits");
                }
                int cp = Integer.parseUnsignedInt(raw.substring(i + 2, end), 16);
                if (!Character.isValidCodePoint(cp) || (cp >= 0xD800 && cp <= 0xDFFF)) {
                    throw new HclSyntaxException(in.span(offset, offset + end - i),
                            "invalid escape sequence: U+" + Integer.toHexString(cp).toUpperCase() + " is not a valid character");
                }
                out.appendCodePoint(cp);
                return end;
            }
            default -> throw new HclSyntaxException(in.span(offset, offset + 2),
                    "invalid escape sequence '\\" + e + "'; the valid ones are \\n \\r \\t \\\" \\\\ \\uNNNN \\UNNNNNNNN");
        }
        return i + 2;
    }

    private static boolean isHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if ("0123456789abcdefABCDEF".indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
