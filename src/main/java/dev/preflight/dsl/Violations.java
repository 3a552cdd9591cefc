package dev.preflight.dsl;

import dev.preflight.source.Span;
import java.util.List;

/**
 * How a test failure lists violations: a header naming the rule, then one line per violation in the form editors
 * and terminals turn into links, {@code file:line:col: [rule-id] message}.
 *
 * <pre>{@code
 * Rule 'acme-service-owner-tag' (resources of kind ECS_SERVICE should have tag Owner) was violated (1 time):
 * infra/main.tf:12:1: [acme-service-owner-tag] aws_ecs_service.api does not have tag Owner (tags: Name)
 * }</pre>
 */
public final class Violations {
    private Violations() {
    }

    /** The whole failure message for {@code what} (e.g. "Rule 'x' (...)") and its violations. */
    public static String report(String what, List<Finding> violations) {
        StringBuilder s = new StringBuilder(what).append(" was violated (").append(violations.size())
                .append(violations.size() == 1 ? " time):" : " times):");
        for (Finding f : violations) {
            s.append('\n').append(line(f));
        }
        return s.toString();
    }

    /** One violation: {@code file:line:col: [rule-id] message}. */
    public static String line(Finding f) {
        Span at = f.span();
        return at.file() + ":" + at.line() + ":" + at.column() + ": [" + f.ruleId() + "] " + f.message();
    }
}
