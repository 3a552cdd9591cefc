package dev.preflight.dsl;

import static dev.preflight.dsl.ResourceSelection.resources;
import static dev.preflight.dsl.TestGraph.str;
import static dev.preflight.dsl.TestGraph.unknown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflight.dsl.Finding;
import dev.preflight.dsl.Severity;
import dev.preflight.graph.Format;
import dev.preflight.graph.Kind;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.graph.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class DslTest {
    /** A condition on {@code name} for tests: violated for "bad", satisfied for "good", unknown otherwise. */
    private static final ResourceCondition NAMED_GOOD = ResourceCondition.of("be named good", (r, g, events) -> {
        Value name = r.property("name").orElse(null);
        if (name instanceof Value.Str s && s.value().equals("bad")) {
            events.violated(r, r.address() + " is named bad", null, "name", "bad");
        } else if (name instanceof Value.Str s && s.value().equals("good")) {
            events.satisfied(r, r.address() + " is named good", null, "name", "good");
        } else {
            events.unknown(r, "name of " + r.address() + " is not known");
        }
    });

    private static final ResourcePredicate TAGGED = ResourcePredicate.of("are tagged", (r, g) ->
            r.property("tagged").map(v -> v instanceof Value.Bool b ? Truth.of(b.value()) : Truth.UNKNOWN)
                    .orElse(Truth.FALSE));

    private static ResourceGraph graph() {
        return TestGraph.terraform()
                .add("aws_subnet.bad", Kind.SUBNET, "name", "bad", "tagged", true)
                .add("aws_subnet.good", Kind.SUBNET, "name", "good", "tagged", true)
                .add("aws_subnet.unknown", Kind.SUBNET, "name", unknown(), "tagged", true)
                .add("aws_subnet.untagged", Kind.SUBNET, "name", "bad", "tagged", false)
                .add("aws_subnet.maybe", Kind.SUBNET, "name", "bad", "tagged", unknown())
                .add("aws_vpc.bad", Kind.VPC, "name", "bad")
                .build();
    }

    @Test
    void threeValuedLogicFollowsKleene() {
        assertEquals(Truth.FALSE, Truth.UNKNOWN.and(Truth.FALSE));
        assertEquals(Truth.UNKNOWN, Truth.UNKNOWN.and(Truth.TRUE));
        assertEquals(Truth.TRUE, Truth.UNKNOWN.or(Truth.TRUE));
        assertEquals(Truth.UNKNOWN, Truth.UNKNOWN.or(Truth.FALSE));
        assertEquals(Truth.UNKNOWN, Truth.UNKNOWN.not());
        assertEquals(Truth.FALSE, Truth.TRUE.not());
    }

    @Test
    void descriptionIsGeneratedFromTheChain() {
        ResourceCheck check = resources(Kind.SUBNET).that(TAGGED).and(ResourcePredicate.not(TAGGED))
                .should(NAMED_GOOD).because("names matter");
        assertEquals("resources of kind SUBNET that are tagged and not are tagged should be named good, "
                + "because names matter", check.description());
        assertEquals("resources should not be named good",
                resources().should(ResourceCondition.never(NAMED_GOOD)).description());
        assertEquals("resources of kind VPC or SUBNET that are tagged or are tagged should be named good and be named good",
                resources(Kind.SUBNET, Kind.VPC).that(TAGGED).or(TAGGED).should(NAMED_GOOD).andShould(NAMED_GOOD)
                        .description());
    }

    @Test
    void onlyDefiniteViolationsOfSelectedResourcesBecomeFindings() {
        RuleDefinition rule = RuleDefinition.rule("test-rule").severity(Severity.WARNING).fix("rename it")
                .check(resources(Kind.SUBNET).that(TAGGED).should(NAMED_GOOD));
        List<Finding> findings = rule.check(graph());
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("test-rule", f.ruleId());
        assertEquals(Severity.WARNING, f.severity());
        assertEquals("aws_subnet.bad", f.resource());
        assertEquals("name", f.propertyPath());
        assertEquals("bad", f.value());
        assertEquals("rename it", f.fixHint());
        // no span on the event: the resource's span
        assertEquals(1, f.span().line());
    }

    @Test
    void aFindingTakesTheFixHintOfItsResourcesFormat() {
        RuleDefinition rule = RuleDefinition.rule("test-rule").severity(Severity.WARNING)
                .fix(Format.TERRAFORM, "Set name = \"good\".").fix(Format.CLOUDFORMATION, "Set Name: good.")
                .check(resources(Kind.SUBNET).should(NAMED_GOOD));
        ResourceGraph cfn = TestGraph.cloudFormation().add("Bad", Kind.SUBNET, "name", "bad").build();
        assertEquals("Set name = \"good\".", rule.check(graph()).get(0).fixHint());
        assertEquals("Set Name: good.", rule.check(cfn).get(0).fixHint());
        assertEquals("Terraform: Set name = \"good\". CloudFormation: Set Name: good.", rule.info().fixHint(),
                "listings show both, labelled");

        RuleDefinition general = rule.fix("Name it good.");
        assertEquals("Name it good.", general.info().fixHint(), "a general hint is what listings show");
        RuleDefinition terraformOnly = RuleDefinition.rule("other-rule").fix("Name it good.")
                .fix(Format.TERRAFORM, "Set name = \"good\".").check(resources(Kind.SUBNET).should(NAMED_GOOD));
        assertEquals("Name it good.", terraformOnly.check(cfn).get(0).fixHint(), "no CloudFormation hint: the "
                + "general one");
    }

    @Test
    void unknownValuesShowWhyAndFingerprintsLeaveTheReasonOut() {
        Value image = new Value.Template(List.of(new Value.Ref(new dev.preflight.graph.ResourceId(".",
                "aws_ecr_repository.app"), List.of("repository_url"), null), new Value.Str(":", null),
                new Value.Unknown("variable `tag` has no default (give it with --var tag=...)", null)), null);
        String shown = Values.show(image);
        assertEquals("${aws_ecr_repository.app.repository_url}:(unknown: variable `tag` has no default (give it "
                + "with --var tag=...))", shown);
        assertEquals("(unknown: data source is read at plan time)",
                Values.show(new Value.Unknown("data source is read at plan time", null)));
        // what fingerprints were made of before reasons were shown, so baselines stay valid
        assertEquals("${aws_ecr_repository.app.repository_url}:${?}", Values.withoutUnknownReasons(shown));
        assertEquals("plain (text)", Values.withoutUnknownReasons("plain (text)"));
    }

    @Test
    void negationFlipsViolationsAndSatisfactionsButNotUnknowns() {
        ConditionEvents events = resources(Kind.SUBNET).that(TAGGED)
                .should(ResourceCondition.never(NAMED_GOOD)).evaluate(graph());
        assertEquals(List.of("aws_subnet.good"),
                events.violations().stream().map(e -> e.resource().address()).toList());
        assertTrue(events.all().stream().anyMatch(e -> e.outcome() == ConditionEvent.Outcome.UNKNOWN
                && e.resource().address().equals("aws_subnet.unknown")));
    }

    @Test
    void customConditionsSeeTheWholeSelection() {
        int[] seen = new int[1];
        ResourceCondition counting = new ResourceCondition("be counted") {
            @Override
            public void init(List<dev.preflight.graph.Resource> selected, ResourceGraph graph) {
                seen[0] = selected.size();
            }

            @Override
            public void check(dev.preflight.graph.Resource resource, ResourceGraph graph, ConditionEvents events) {
            }
        };
        resources().should(counting).evaluate(graph());
        assertEquals(6, seen[0]);
    }

    @Test
    void ruleInfoCarriesMetadataAndKinds() {
        RuleDefinition rule = RuleDefinition.rule("abc-def").title("t").prevents("p").fix("f").doc("d")
                .check(resources(Kind.VPC).should(NAMED_GOOD));
        assertEquals("abc-def", rule.info().id());
        assertEquals(List.of(Kind.VPC), rule.info().kinds());
        assertEquals("resources of kind VPC should be named good", rule.info().description());
        assertThrows(IllegalArgumentException.class, () -> RuleDefinition.rule("Not_Kebab"));
    }

    @Test
    void referrersAreIncompleteWhenAReferenceIsUnknown() {
        ResourceGraph g = TestGraph.terraform()
                .add("aws_subnet.a", Kind.SUBNET)
                .add("aws_route_table_association.a", Kind.ROUTE_TABLE_ASSOCIATION,
                        "subnet_id", TestGraph.ref("aws_subnet.a", "id"))
                .add("aws_route_table_association.b", Kind.ROUTE_TABLE_ASSOCIATION, "subnet_id", str("subnet-0123abcd"))
                .build();
        Related r = Traversal.referrers(Kind.ROUTE_TABLE_ASSOCIATION, "subnet_id").from(g.resources(Kind.SUBNET).get(0), g);
        assertTrue(r.complete());
        assertEquals(1, r.resources().size());

        ResourceGraph g2 = TestGraph.terraform()
                .add("aws_subnet.a", Kind.SUBNET)
                .add("aws_route_table_association.x", Kind.ROUTE_TABLE_ASSOCIATION, "subnet_id", unknown())
                .build();
        Related r2 = Traversal.referrers(Kind.ROUTE_TABLE_ASSOCIATION, "subnet_id")
                .from(g2.resources(Kind.SUBNET).get(0), g2);
        assertTrue(!r2.complete());
    }

    @Test
    void cloudFormationUsersSeePascalCasePaths() {
        ResourceGraph g = TestGraph.cloudFormation().add("Lb", Kind.LOAD_BALANCER).build();
        assertEquals("SubnetMappings[1].SubnetId",
                PropertyPaths.shown(g.resources().get(0), "subnet_mappings[1].subnet_id"));
        ResourceGraph t = TestGraph.terraform().add("aws_lb.x", Kind.LOAD_BALANCER).build();
        assertEquals("subnet_mappings[1].subnet_id",
                PropertyPaths.shown(t.resources().get(0), "subnet_mappings[1].subnet_id"));
    }

    @Test
    void genericPredicatesAndConditionsAreThreeValued() {
        ResourceGraph g = TestGraph.terraform()
                .add("aws_vpc.main", Kind.VPC)
                .add("aws_subnet.a", Kind.SUBNET, "vpc_id", TestGraph.ref("aws_vpc.main", "id"), "map_public_ip_on_launch", true)
                .add("aws_subnet.b", Kind.SUBNET, "vpc_id", TestGraph.ref("aws_vpc.main", "id"))
                .add("aws_lb.both", Kind.LOAD_BALANCER, "subnets",
                        TestGraph.list(TestGraph.ref("aws_subnet.a", "id"), TestGraph.ref("aws_subnet.b", "id")))
                .add("aws_lb.one_unknown", Kind.LOAD_BALANCER, "subnets",
                        TestGraph.list(TestGraph.ref("aws_subnet.a", "id"), unknown()))
                .build();
        ResourcePredicate publicSubnet = Predicates.haveValue("map_public_ip_on_launch", "false", "true");
        ResourcePredicate allPublic = Predicates.allRelated(Traversal.follow("subnets"), publicSubnet);
        ResourcePredicate anyPublic = Predicates.anyRelated(Traversal.follow("subnets"), publicSubnet);
        var both = g.resources(Kind.LOAD_BALANCER).get(0);
        var oneUnknown = g.resources(Kind.LOAD_BALANCER).get(1);
        assertEquals(Truth.FALSE, allPublic.test(both, g));
        assertEquals(Truth.TRUE, anyPublic.test(both, g));
        assertEquals(Truth.UNKNOWN, allPublic.test(oneUnknown, g));
        assertEquals(Truth.TRUE, anyPublic.test(oneUnknown, g));
        assertEquals("have all of the resources referenced by subnets have map_public_ip_on_launch true",
                allPublic.description());

        RuleDefinition rule = RuleDefinition.rule("public-subnets").check(resources(Kind.SUBNET)
                .should(Conditions.match(publicSubnet, "map_public_ip_on_launch")));
        assertEquals("resources of kind SUBNET should have map_public_ip_on_launch true", rule.description());
        assertEquals(List.of("aws_subnet.b"), rule.check(g).stream().map(Finding::resource).toList());
        assertEquals(List.of("aws_subnet.b"), RuleDefinition.rule("x")
                .check(resources(Kind.SUBNET).should(Conditions.have("map_public_ip_on_launch"))).check(g)
                .stream().map(Finding::resource).toList());
    }

    /**
     * A rule whose code throws could not judge the resource: that is a failure of the rule (the engine reports it
     * and fails the gate), not an unknown value, and the other resources are still judged.
     */
    @Test
    void aConditionThatFailsOnOneResourceIsRecordedAsAFailureAndGoesOn() {
        ResourceCondition fragile = ResourceCondition.of("not fail", (r, g, events) -> {
            if (r.address().equals("aws_subnet.bad")) {
                throw new IllegalStateException("boom");
            }
            events.violated(r, r.address(), null, "name", "x");
        });
        ConditionEvents events = resources(Kind.SUBNET).should(fragile).evaluate(graph());
        assertEquals(4, events.violations().size());
        assertEquals(List.of("aws_subnet.bad"), events.failures().stream().map(f -> f.resource().address()).toList());
        assertEquals("boom", events.failures().get(0).error().getMessage());
        assertTrue(events.all().stream().noneMatch(e -> e.outcome() == ConditionEvent.Outcome.UNKNOWN));

        RuleFailedException thrown = assertThrows(RuleFailedException.class,
                () -> RuleDefinition.rule("fragile").check(resources(Kind.SUBNET).should(fragile)).check(graph()));
        assertEquals(4, thrown.findings().size(), "the findings on the other resources are kept");
        assertEquals(1, thrown.failures().size());
    }

    @Test
    void aPredicateThatFailsOnOneResourceSkipsItAndIsRecorded() {
        ResourcePredicate fragile = ResourcePredicate.of("are fine", (r, g) -> {
            if (r.address().equals("aws_subnet.good")) {
                throw new IllegalStateException("boom");
            }
            return Truth.TRUE;
        });
        ConditionEvents events = resources(Kind.SUBNET).that(fragile).should(NAMED_GOOD).evaluate(graph());
        assertEquals(List.of("aws_subnet.good"), events.failures().stream().map(f -> f.resource().address()).toList());
        assertEquals(3, events.violations().size()); // bad, untagged, maybe: all named "bad"
    }
}
