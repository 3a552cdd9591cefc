package dev.preflight.engine;

import dev.preflight.dsl.Finding;
import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleFailedException;
import dev.preflight.dsl.Severity;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.source.Problem;
import dev.preflight.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one rule and keeps going when its code fails. A rule that throws on a resource cannot judge it, which is
 * not the same as a value being unknown: the gate could not do its job there, so the failure is reported as a
 * {@link #RULE_ERROR} at the resource (and the scan exits with 2), naming the rule and where it came from, with the
 * exception in one line, never a stack trace. The rule's findings on every other resource are kept, and the other
 * rules run as usual. Built-in and users' rules are treated alike.
 */
public final class RuleRunner {
    /** The rule id of findings that say a rule's code failed. */
    public static final String RULE_ERROR = "rule-error";

    private RuleRunner() {
    }

    /** What running a rule gave: its findings, and the places where its code failed. */
    public record Outcome(List<Finding> findings, List<Problem> failures) {
    }

    /** Runs {@code rule} on {@code graph}. */
    public static Outcome run(Rule rule, ResourceGraph graph) {
        try {
            return new Outcome(rule.check(graph), List.of());
        } catch (RuleFailedException e) {
            List<Problem> failures = new ArrayList<>();
            for (RuleFailedException.Failure f : e.failures()) {
                failures.add(new Problem(f.resource().span(), name(rule) + " failed on " + f.resource().address()
                        + ": " + oneLine(f.error())));
            }
            return new Outcome(e.findings(), failures);
        } catch (RuntimeException | LinkageError e) {
            // a rule written without the DSL, or a failure outside any one resource: the whole rule could not run
            return new Outcome(List.of(), List.of(new Problem(origin(rule), name(rule) + " failed: " + oneLine(e))));
        }
    }

    /** The finding that reports a rule's failure. */
    public static Finding finding(Problem failure) {
        return new Finding(RULE_ERROR, Severity.ERROR, failure.message(), failure.where(), null, null, null,
                "The rule could not check this; fix the rule (or report it, for a built-in one), or run without it "
                        + "(--skip-rule).");
    }

    /** "rule 'x' (from rules.jar)" or "built-in rule 'x'". */
    static String name(Rule rule) {
        String id = safeId(rule);
        return rule instanceof UserRule u ? "rule '" + id + "' (from " + u.origin() + ")" : "built-in rule '" + id + "'";
    }

    private static String safeId(Rule rule) {
        try {
            return rule.info().id();
        } catch (RuntimeException e) {
            return rule.getClass().getName();
        }
    }

    /** Where a failure of the whole rule is reported: the jar or rule file it came from. */
    private static Span origin(Rule rule) {
        return new Span(rule instanceof UserRule u ? u.origin() : "preflight", 1, 1, 1, 1);
    }

    /**
     * The exception on one line: its type and message, and the first place in the rule's own code (not the JDK's)
     * where it was thrown, which is what a rule author needs to find the bug.
     */
    static String oneLine(Throwable e) {
        StringBuilder s = new StringBuilder(e.getClass().getSimpleName());
        if (e.getMessage() != null) {
            s.append(": ").append(e.getMessage().lines().findFirst().orElse(""));
        }
        for (StackTraceElement frame : e.getStackTrace()) {
            String c = frame.getClassName();
            if (!c.startsWith("java.") && !c.startsWith("jdk.") && !c.startsWith("sun.")) {
                s.append(" (at ").append(frame.getClassName()).append('.').append(frame.getMethodName());
                if (frame.getFileName() != null && frame.getLineNumber() > 0) {
                    s.append(", ").append(frame.getFileName()).append(':').append(frame.getLineNumber());
                }
                s.append(')');
                break;
            }
        }
        return s.toString();
    }
}
