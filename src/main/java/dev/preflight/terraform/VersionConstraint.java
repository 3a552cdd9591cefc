package dev.preflight.terraform;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A module call's {@code version} argument, read the way Terraform reads it: comma-separated conditions, each an
 * operator ({@code =}, {@code !=}, {@code >}, {@code >=}, {@code <}, {@code <=}, {@code ~>}, none meaning {@code =})
 * and a version of up to three numbers with an optional pre-release. {@code ~> 1.2} allows 1.2 and later below 2.0;
 * {@code ~> 1.2.3} allows 1.2.3 and later below 1.3.0. A pre-release version is allowed only by a condition that
 * names it exactly, as Terraform does for modules.
 */
final class VersionConstraint {
    private static final Pattern CONDITION = Pattern.compile(
            "\\s*(=|!=|>=|<=|>|<|~>)?\\s*v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:-([0-9A-Za-z.-]+))?(?:\\+[0-9A-Za-z.-]+)?\\s*");

    private record Condition(String op, Version version, int precision) {
    }

    private final List<Condition> conditions;

    private VersionConstraint(List<Condition> conditions) {
        this.conditions = conditions;
    }

    /** The constraint in {@code text}, or empty when Terraform would reject it. */
    static Optional<VersionConstraint> parse(String text) {
        List<Condition> out = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            Matcher m = CONDITION.matcher(part);
            if (!m.matches()) {
                return Optional.empty();
            }
            int precision = m.group(4) != null ? 3 : m.group(3) != null ? 2 : 1;
            out.add(new Condition(m.group(1) == null ? "=" : m.group(1),
                    new Version(number(m.group(2)), number(m.group(3)), number(m.group(4)), m.group(5)), precision));
        }
        return Optional.of(new VersionConstraint(out));
    }

    /** True when the installed {@code version} meets every condition. */
    boolean allows(String version) {
        Optional<Version> v = Version.parse(version);
        if (v.isEmpty()) {
            return false;
        }
        for (Condition c : conditions) {
            if (!allows(c, v.get())) {
                return false;
            }
        }
        return true;
    }

    private static boolean allows(Condition c, Version v) {
        if (v.pre() != null && !(c.op().equals("=") && v.equals(c.version()))) {
            return false;
        }
        int cmp = v.compareTo(c.version());
        switch (c.op()) {
            case "=":
                return cmp == 0;
            case "!=":
                return cmp != 0;
            case ">":
                return cmp > 0;
            case ">=":
                return cmp >= 0;
            case "<":
                return cmp < 0;
            case "<=":
                return cmp <= 0;
            default: // ~>: at least the version, and the same numbers up to the last one written but one
                if (cmp < 0) {
                    return false;
                }
                Version base = c.version();
                return c.precision() <= 2 ? v.major().equals(base.major())
                        : v.major().equals(base.major()) && v.minor().equals(base.minor());
        }
    }

    private static BigInteger number(String digits) {
        return digits == null ? BigInteger.ZERO : new BigInteger(digits);
    }

    /** A semantic version; a missing minor or patch number is zero. */
    private record Version(BigInteger major, BigInteger minor, BigInteger patch, String pre)
            implements Comparable<Version> {

        static Optional<Version> parse(String text) {
            Matcher m = CONDITION.matcher(text == null ? "" : text);
            if (!m.matches() || m.group(1) != null) {
                return Optional.empty();
            }
            return Optional.of(new Version(number(m.group(2)), number(m.group(3)), number(m.group(4)), m.group(5)));
        }

        @Override
        public int compareTo(Version o) {
            int c = major.compareTo(o.major);
            if (c == 0) {
                c = minor.compareTo(o.minor);
            }
            if (c == 0) {
                c = patch.compareTo(o.patch);
            }
            if (c != 0) {
                return c;
            }
            if (pre == null || o.pre == null) {
                return pre == null ? (o.pre == null ? 0 : 1) : -1; // a release sorts after its pre-releases
            }
            return pre.compareTo(o.pre);
        }
    }
}
