package dev.preflight.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflight.dsl.Finding;
import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleInfo;
import dev.preflight.dsl.Severity;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.source.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A rule written without the DSL that throws: the whole rule failed, reported once, named with its origin. */
class RuleRunnerTest {
    private static final Rule BROKEN = new Rule() {
        @Override
        public RuleInfo info() {
            return new RuleInfo("acme-broken", Severity.ERROR, "broken", null, null, null, List.of(), null);
        }

        @Override
        public List<Finding> check(ResourceGraph graph) {
            throw new NullPointerException("no graph for me");
        }
    };

    @Test
    void aRuleThatThrowsOutsideAnyResourceIsOneFailureAtItsOrigin() {
        RuleRunner.Outcome builtIn = RuleRunner.run(BROKEN, new ResourceGraph(List.of()));
        assertEquals(List.of(), builtIn.findings());
        Problem p = builtIn.failures().get(0);
        assertTrue(p.message().startsWith("built-in rule 'acme-broken' failed: NullPointerException: no graph for me "
                + "(at dev.preflight.engine.RuleRunnerTest$1.check, RuleRunnerTest.java:"), p.message());
        assertEquals("preflight", p.where().file());

        UserRule user = new UserRule(BROKEN, "rules/acme.jar", BROKEN.info());
        Problem u = RuleRunner.run(user, new ResourceGraph(List.of())).failures().get(0);
        assertTrue(u.message().startsWith("rule 'acme-broken' (from rules/acme.jar) failed: NullPointerException"),
                u.message());
        assertEquals("rules/acme.jar", u.where().file());
        Finding f = RuleRunner.finding(u);
        assertEquals(RuleRunner.RULE_ERROR, f.ruleId());
        assertEquals(Severity.ERROR, f.severity());
    }
}
