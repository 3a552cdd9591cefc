package dev.preflight.terraform;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads Terraform addresses such as {@code module.a.module.b["x.y"].aws_subnet.c[0]}, whose instance keys may hold
 * dots and brackets.
 */
public final class ResourceAddress {
    private ResourceAddress() {
    }

    /** The names of the module calls leading to the resource: {@code [a, b]} for the example above. */
    public static List<String> callNames(String address) {
        List<String> names = new ArrayList<>();
        int i = 0;
        while (i < address.length()) {
            if (address.startsWith("module.", i) && (i == 0 || address.charAt(i - 1) == '.')) {
                int start = i + "module.".length();
                int end = start;
                while (end < address.length() && address.charAt(end) != '.' && address.charAt(end) != '[') {
                    end++;
                }
                names.add(address.substring(start, end));
                i = end;
            } else if (address.charAt(i) == '[') {
                i = skipKey(address, i);
            } else if (address.charAt(i) == '.') {
                i++;
            } else {
                break; // the resource's own type and name: no more calls
            }
        }
        return names;
    }

    /**
     * The resource's address inside its module, without instance key: {@code aws_subnet.c} for the example above,
     * {@code data.aws_region.current}, {@code aws_route_table.rt} for an inline route {@code aws_route_table.rt.route[0]}.
     */
    public static String inModule(String address) {
        int i = 0;
        while (address.startsWith("module.", i)) {
            i += "module.".length();
            while (i < address.length() && address.charAt(i) != '.' && address.charAt(i) != '[') {
                i++;
            }
            if (i < address.length() && address.charAt(i) == '[') {
                i = skipKey(address, i);
            }
            if (i < address.length() && address.charAt(i) == '.') {
                i++;
            }
        }
        String rest = address.substring(i);
        String[] parts = rest.split("[.\\[]", 4);
        int names = rest.startsWith("data.") ? 3 : 2;
        return parts.length < names ? rest : String.join(".", java.util.Arrays.asList(parts).subList(0, names));
    }

    /** The name of the last module call: {@code b} for {@code module.a.module.b["x.y"]}; the address if none. */
    public static String lastCallName(String address) {
        List<String> names = callNames(address);
        return names.isEmpty() ? address : names.get(names.size() - 1);
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
