package dev.preflight.terraform;

import dev.preflight.graph.Value;
import dev.preflight.graph.Values;
import dev.preflight.source.Span;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Functions that registry modules use beyond those of most roots ({@code sort}, {@code regexall},
 * {@code formatlist}, {@code index}, ...), on known arguments. Regular expressions are Terraform's RE2 syntax; a pattern using what
 * RE2 lacks (look-around, back-references), which Terraform rejects, is not evaluated.
 */
final class ModuleFunctions {
    /** Constructs of Java's regular expressions that RE2 does not have: Terraform would reject the pattern. */
    private static final Pattern NOT_RE2 = Pattern.compile("\\(\\?<?[=!]|\\\\[1-9]|[*+?}]\\+");

    /** A named group, {@code (?<name>}, in the order of the groups (all groups are named when one is). */
    private static final Pattern NAMED_GROUP = Pattern.compile("(?<!\\\\)\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    private ModuleFunctions() {
    }

    /** The function's value on known arguments, or an unknown naming a function preflight does not evaluate. */
    static Value call(String fn, List<Value> args, Span span) {
        switch (fn) {
            case "sort":
                return sort(list(args, 0, span), span);
            case "regexall":
                return regexall(args, span);
            case "regex":
                return regex(args, span);
            case "formatlist":
                return formatlist(args, span);
            case "base64decode":
                return base64decode(args, span);
            case "index":
                return index(list(args, 0, span), args.size() == 2 ? args.get(1) : null, span);
            case "anytrue":
            case "alltrue":
                return allOrAny(fn.equals("alltrue"), list(args, 0, span), span);
            default:
                return new Value.Unknown("function " + fn + "() is not evaluated by preflight", span);
        }
    }

    private static Value.ListValue list(List<Value> args, int i, Span span) {
        if (args.size() <= i || !(args.get(i) instanceof Value.ListValue l)) {
            throw new EvalException(span, "a list is required");
        }
        return l;
    }

    /** Strings in lexical order (numbers and bools as their text, as Terraform converts them). */
    private static Value sort(Value.ListValue l, Span span) {
        List<String> items = new ArrayList<>();
        for (Value v : l.items()) {
            items.add(Values.text(v).orElseThrow(() -> new EvalException(span, "sort() takes a list of strings")));
        }
        items.sort(null);
        List<Value> out = new ArrayList<>();
        for (String s : items) {
            out.add(new Value.Str(s, span));
        }
        return new Value.ListValue(out, span);
    }

    private static Pattern pattern(String re2, Span span) {
        if (NOT_RE2.matcher(re2).find()) {
            throw new EvalException(span, "regular expression uses what RE2 does not have: " + re2);
        }
        try {
            return Pattern.compile(re2.replace("(?P<", "(?<"));
        } catch (PatternSyntaxException e) {
            throw new EvalException(span, "invalid regular expression: " + e.getDescription());
        }
    }

    /** A match as Terraform gives it: the text, a list of the groups, or a map of the named groups. */
    private static Value match(Matcher m, Pattern p, Span span) {
        if (m.groupCount() == 0) {
            return new Value.Str(m.group(), span);
        }
        List<String> named = new ArrayList<>();
        Matcher n = NAMED_GROUP.matcher(p.pattern());
        while (n.find()) {
            named.add(n.group(1));
        }
        if (!named.isEmpty()) {
            if (named.size() != m.groupCount()) {
                throw new EvalException(span, "a regular expression cannot mix named and unnamed groups");
            }
            Map<String, Value> out = new LinkedHashMap<>();
            for (int g = 1; g <= named.size(); g++) {
                out.put(named.get(g - 1), group(m, g, span));
            }
            return new Value.MapValue(out, span);
        }
        List<Value> groups = new ArrayList<>();
        for (int g = 1; g <= m.groupCount(); g++) {
            groups.add(group(m, g, span));
        }
        return new Value.ListValue(groups, span);
    }

    /** A group that took part in the match, or null (Terraform's value for a group that did not). */
    private static Value group(Matcher m, int g, Span span) {
        return m.group(g) == null ? new Value.Null(span) : new Value.Str(m.group(g), span);
    }

    private static Value regexall(List<Value> args, Span span) {
        Pattern p = pattern(Functions.text(args, 0, span), span);
        Matcher m = p.matcher(Functions.text(args, 1, span));
        List<Value> out = new ArrayList<>();
        while (m.find()) {
            out.add(match(m, p, span));
            if (m.end() == m.start() && m.end() >= m.regionEnd()) {
                break;
            }
        }
        return new Value.ListValue(out, span);
    }

    private static Value regex(List<Value> args, Span span) {
        Pattern p = pattern(Functions.text(args, 0, span), span);
        Matcher m = p.matcher(Functions.text(args, 1, span));
        if (!m.find()) {
            throw new EvalException(span, "regex() found no match");
        }
        return match(m, p, span);
    }

    /** {@code format} over the elements of the list arguments (all of one length); other arguments repeat. */
    private static Value formatlist(List<Value> args, Span span) {
        int length = -1;
        for (int i = 1; i < args.size(); i++) {
            if (args.get(i) instanceof Value.ListValue l) {
                if (length >= 0 && l.items().size() != length) {
                    throw new EvalException(span, "formatlist() lists differ in length");
                }
                length = l.items().size();
            }
        }
        if (length < 0) {
            throw new EvalException(span, "formatlist() needs at least one list");
        }
        List<Value> out = new ArrayList<>();
        for (int k = 0; k < length; k++) {
            List<Value> row = new ArrayList<>();
            row.add(args.get(0));
            for (int i = 1; i < args.size(); i++) {
                row.add(args.get(i) instanceof Value.ListValue l ? l.items().get(k) : args.get(i));
            }
            out.add(Format.format(row, span));
        }
        return new Value.ListValue(out, span);
    }

    private static Value base64decode(List<Value> args, Span span) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(Functions.text(args, 0, span));
        } catch (IllegalArgumentException e) {
            throw new EvalException(span, "base64decode() of text that is not base64");
        }
        try {
            return new Value.Str(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString(), span);
        } catch (CharacterCodingException e) {
            throw new EvalException(span, "base64decode() of bytes that are not UTF-8");
        }
    }

    /** The position of the first element equal to {@code wanted}. */
    private static Value index(Value.ListValue l, Value wanted, Span span) {
        if (wanted == null) {
            throw new EvalException(span, "index() takes a list and a value");
        }
        for (int i = 0; i < l.items().size(); i++) {
            if (Values.sameKnown(l.items().get(i), wanted).orElse(false)) {
                return new Value.Num(java.math.BigDecimal.valueOf(i), span);
            }
        }
        throw new EvalException(span, "index() found no such element");
    }

    private static Value allOrAny(boolean all, Value.ListValue l, Span span) {
        for (Value v : l.items()) {
            boolean b = Values.bool(v).orElseThrow(() -> new EvalException(span, "a list of bools is required"));
            if (b != all) {
                return new Value.Bool(!all, span);
            }
        }
        return new Value.Bool(all, span);
    }
}
