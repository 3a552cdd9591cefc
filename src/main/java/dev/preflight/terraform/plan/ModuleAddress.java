package dev.preflight.terraform.plan;

/** Reads module instance addresses such as {@code module.a.module.b["x"]}, whose keys may hold dots and brackets. */
final class ModuleAddress {
    private ModuleAddress() {
    }

    /** The name of the last module call: {@code b} for {@code module.a.module.b["x.y"]}. */
    static String lastCallName(String address) {
        String name = null;
        int i = 0;
        while (i < address.length()) {
            if (address.startsWith("module.", i)) {
                int start = i + "module.".length();
                int end = start;
                while (end < address.length() && address.charAt(end) != '.' && address.charAt(end) != '[') {
                    end++;
                }
                name = address.substring(start, end);
                i = end;
            } else if (address.charAt(i) == '[') {
                i = skipKey(address, i);
            } else {
                i++;
            }
        }
        return name == null ? address : name;
    }

    /** The index just after the {@code [...]} key starting at {@code open}, honouring quoted strings. */
    static int skipKey(String s, int open) {
        int i = open + 1;
        boolean quoted = false;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (quoted && c == '\\') {
                i += 2;
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ']' && !quoted) {
                return i + 1;
            }
            i++;
        }
        return s.length();
    }
}
