package dev.preflight.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflight.dsl.Evidence;
import dev.preflight.dsl.Finding;
import dev.preflight.dsl.Locations;
import dev.preflight.dsl.Rule;
import dev.preflight.engine.ScanResult;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every finding explains itself. Per rule, over its own fixtures:
 * <ul>
 * <li>the evidence its fixtures mark ({@code # evidence: rule-id resource|value|definition} on the line) is there,
 *     with that role; a rule whose findings carry evidence has at least one such marker, so its related locations
 *     are pinned by a test;</li>
 * <li>a finding that depends on another resource (taking that resource out of the graph makes the finding go) names
 *     that resource in its evidence. This is how a cross-resource rule that gives no evidence fails, whoever wrote
 *     it: the dependency is found by experiment, not declared. The experiment is made twice, taking the resource
 *     out alone and with everything that refers to it, directly or not (except the finding's own resource), and
 *     only what both find counts: alone, a dangling reference elsewhere (a route of a removed table) can make an
 *     unrelated answer unknown; with its referrers, a chain can (an EIP taking its NAT gateway along).</li>
 * </ul>
 */
class EvidenceTest {

    static List<Rule> rules() {
        return RulePackTest.rules();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void markedEvidenceIsReportedWithItsRole(Rule rule) {
        String id = rule.info().id();
        List<String> problems = new ArrayList<>();
        boolean anyEvidence = false;
        boolean anyMarker = false;
        for (Fixture fixture : Fixture.under(FixtureTest.RULES.resolve(id))) {
            List<Finding> findings = findingsOf(rule, FixtureTest.scan(fixture.path()));
            anyEvidence |= findings.stream().anyMatch(f -> !f.evidence().isEmpty());
            Set<Fixture.ExpectedEvidence> actual = new TreeSet<>();
            for (Finding f : findings) {
                for (Evidence e : f.evidence()) {
                    actual.add(new Fixture.ExpectedEvidence(e.span().file(), e.span().line(), id, role(e.role())));
                }
            }
            for (Fixture.ExpectedEvidence marked : fixture.evidence()) {
                if (!marked.ruleId().equals(id)) {
                    continue;
                }
                anyMarker = true;
                if (!actual.contains(marked)) {
                    problems.add("marked but not reported: " + marked + "; reported: " + actual);
                }
            }
        }
        assertTrue(problems.isEmpty(), id + ":\n  " + String.join("\n  ", problems));
        assertTrue(!anyEvidence || anyMarker, id + " gives evidence on its fixtures, but none is marked "
                + "(# evidence: " + id + " resource|value|definition) to pin it down");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void findingsNameEveryResourceTheyDependOn(Rule rule) {
        String id = rule.info().id();
        List<String> problems = new ArrayList<>();
        for (Fixture fixture : Fixture.under(FixtureTest.RULES.resolve(id))) {
            ResourceGraph graph = FixtureTest.scan(fixture.path()).graph();
            for (Finding f : rule.check(graph)) {
                Resource own = graph.resources().stream().filter(r -> r.address().equals(f.resource()))
                        .findFirst().orElse(null);
                if (own == null) {
                    continue;
                }
                for (Resource other : graph.resourcesIn(own.id().scope())) {
                    if (related(other, own) || stillReported(rule, without(graph, other, own, false), f)
                            || stillReported(rule, without(graph, other, own, true), f)) {
                        continue;
                    }
                    boolean named = f.evidence().stream().anyMatch(e -> Locations.within(e.span(), other.span()));
                    if (!named) {
                        problems.add(f.span().file() + ":" + f.span().line() + " depends on " + other.address()
                                + " (" + other.file() + ":" + other.span().line() + "), which its evidence "
                                + "does not name: " + f.evidence());
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), id + ":\n  " + String.join("\n  ", problems));
    }

    private static List<Finding> findingsOf(Rule rule, ScanResult result) {
        return result.findings().stream().filter(f -> f.ruleId().equals(rule.info().id())).toList();
    }

    /** The resource itself, its inline children and its parent are its own text, not another resource. */
    private static boolean related(Resource other, Resource own) {
        return other == own || other.parent().filter(own::equals).isPresent()
                || own.parent().filter(other::equals).isPresent();
    }

    private static ResourceGraph without(ResourceGraph graph, Resource gone, Resource own, boolean withReferrers) {
        List<Resource> referrers = new ArrayList<>();
        for (int i = -1; withReferrers && i < referrers.size(); i++) {
            Resource from = i < 0 ? gone : referrers.get(i);
            graph.incoming(from).forEach(e -> {
                if (e.from() != own && e.from() != gone && !referrers.contains(e.from())) {
                    referrers.add(e.from());
                }
            });
        }
        List<Resource> kept = new ArrayList<>();
        for (Resource r : graph.resources()) {
            boolean goes = r == gone || r.parent().filter(gone::equals).isPresent()
                    || referrers.contains(r);
            if (!goes) {
                kept.add(r);
            }
        }
        return new ResourceGraph(kept);
    }

    private static boolean stillReported(Rule rule, ResourceGraph graph, Finding f) {
        return rule.check(graph).stream().anyMatch(g -> g.span().equals(f.span()) && g.ruleId().equals(f.ruleId()));
    }

    private static String role(Evidence.Role role) {
        return switch (role) {
            case RELATED_RESOURCE -> "resource";
            case VALUE_SOURCE -> "value";
            case DEFINITION -> "definition";
        };
    }

}
