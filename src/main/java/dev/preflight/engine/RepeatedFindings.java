package dev.preflight.engine;

import dev.preflight.dsl.Evidence;
import dev.preflight.dsl.Finding;
import dev.preflight.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One finding per rule and source location. A resource expanded by {@code count} / {@code for_each}, or a module
 * called several times, yields the same finding at the same place once per instance; the user has one place to fix,
 * so one finding is reported, naming every instance that has the problem:
 * {@code ... (3 instances: aws_subnet.a[0], aws_subnet.a[1], aws_subnet.a[2])}, the one the message is about first,
 * at most {@value #LISTED} names and then "and N more". The reported finding is the first of the group in {@link Scanner#FINDING_ORDER}, the one
 * reported alone before instances were named, so its fingerprint is unchanged and baselines written before still
 * match it; its evidence is the union of the group's.
 */
final class RepeatedFindings {
    /** How many instance names a message lists before "and N more": enough to recognise them, short enough to read. */
    static final int LISTED = 5;

    private RepeatedFindings() {
    }

    /** The findings of {@code sorted} (in {@link Scanner#FINDING_ORDER}), one per rule and place, in that order. */
    static List<Finding> merged(List<Finding> sorted) {
        // keyed by text, not by a record: a record's equals and hashCode are bootstrapped on first use, which cost a
        // pre-commit run 15 ms in a cold JVM
        Map<String, List<Finding>> groups = new LinkedHashMap<>();
        for (Finding f : sorted) {
            String place = place(f);
            List<Finding> group = groups.get(place);
            if (group == null) {
                group = new ArrayList<>();
                groups.put(place, group);
            }
            group.add(f);
        }
        List<Finding> out = new ArrayList<>(groups.size());
        for (List<Finding> group : groups.values()) {
            out.add(group.size() == 1 ? group.get(0) : naming(group));
        }
        return out;
    }

    /** The rule and the exact span of {@code f}, as one text. */
    private static String place(Finding f) {
        Span s = f.span();
        return s == null ? f.ruleId() : f.ruleId() + '\u0000' + s.file() + ':' + s.line() + ':' + s.column() + '-'
                + s.endLine() + ':' + s.endColumn();
    }

    /** The first finding of {@code group}, its message naming the group's resources when there are several. */
    private static Finding naming(List<Finding> group) {
        Finding first = group.get(0);
        Set<String> addresses = new LinkedHashSet<>();
        Set<Evidence> evidence = new LinkedHashSet<>();
        for (Finding f : group) {
            if (f.resource() != null) {
                addresses.add(f.resource());
            }
            evidence.addAll(f.evidence());
        }
        String message = addresses.size() < 2 ? first.message() : first.message() + " (" + listed(addresses) + ")";
        return new Finding(first.ruleId(), first.severity(), message, first.span(), first.resource(),
                first.propertyPath(), first.value(), first.fixHint(), new ArrayList<>(evidence));
    }

    /**
     * "3 instances: a[0], a[1], a[2]": the first address (the one the message is about), then the others in natural
     * order ({@code a[2]} before {@code a[10]}), capped.
     */
    static String listed(Set<String> addresses) {
        List<String> names = new ArrayList<>(addresses);
        names.subList(1, names.size()).sort(RepeatedFindings::compareNaturally);
        StringBuilder sb = new StringBuilder().append(names.size()).append(" instances: ");
        int shown = Math.min(names.size(), LISTED);
        sb.append(String.join(", ", names.subList(0, shown)));
        if (shown < names.size()) {
            sb.append(" and ").append(names.size() - shown).append(" more");
        }
        return sb.toString();
    }

    /** Compares texts with runs of digits compared as numbers, so that instance keys sort as people count. */
    static int compareNaturally(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                int c = compareDigits(a.substring(i, endA), b.substring(j, endB));
                if (c != 0) {
                    return c;
                }
                i = endA;
                j = endB;
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static int digitsEnd(String s, int from) {
        int end = from;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    /** Two runs of digits as numbers, whatever their length: leading zeros aside, the longer one is larger. */
    private static int compareDigits(String a, String b) {
        String x = a.replaceFirst("^0+(?=.)", "");
        String y = b.replaceFirst("^0+(?=.)", "");
        return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
    }
}
