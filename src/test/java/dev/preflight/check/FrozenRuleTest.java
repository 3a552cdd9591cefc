package dev.preflight.check;

import static dev.preflight.dsl.ResourceSelection.resources;
import static dev.preflight.dsl.RuleDefinition.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflight.dsl.Conditions;
import dev.preflight.dsl.Infrastructure;
import dev.preflight.dsl.Predicates;
import dev.preflight.dsl.Rule;
import dev.preflight.dsl.Tags;
import dev.preflight.graph.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Freezing: today's violations recorded in a baseline file, only new ones fail, fixed ones leave the record. */
class FrozenRuleTest {
    private static final Rule OWNER = rule("acme-owner").title("owner")
            .check(resources(Kind.ECS_SERVICE).should(Conditions.match(Predicates.haveTag("Owner"), Tags.PROPERTY)));

    @TempDir
    Path dir;

    private Infrastructure services(String... names) throws Exception {
        StringBuilder tf = new StringBuilder();
        for (String n : names) {
            tf.append("resource \"aws_ecs_service\" \"").append(n).append("\" {\n  name = \"").append(n)
                    .append("\"\n}\n\n");
        }
        Files.writeString(dir.resolve("main.tf"), tf.toString());
        return new InfrastructureImporter().relativeTo(dir).importPaths(dir);
    }

    @Test
    void onlyNewViolationsFailAndFixedOnesLeaveTheRecord() throws Exception {
        Path store = dir.resolve("frozen");
        FrozenRule frozen = FrozenRule.freeze(OWNER).storedIn(store);
        Infrastructure today = services("a", "b");

        AssertionError noRecord = assertThrows(AssertionError.class, () -> frozen.check(today));
        assertTrue(noRecord.getMessage().contains("has no record of its violations at " + store.resolve(
                "acme-owner.json") + ": record today's with -Dpreflight.freeze.refreeze=true"), noRecord.getMessage());

        frozen.allowingStoreCreation().check(today);
        assertTrue(Files.readString(frozen.storeFile()).contains("aws_ecs_service.b"));
        frozen.check(today);
        frozen.check(services("b", "a")); // moved: still the same violations

        AssertionError fresh = assertThrows(AssertionError.class, () -> frozen.check(services("a", "b", "c")));
        assertEquals(List.of(".:9:1: [acme-owner] aws_ecs_service.c does not have tag Owner (tags: none)")
                .get(0).replace(".:", "main.tf:"), fresh.getMessage().lines().skip(1).findFirst().orElseThrow());
        assertEquals(2, fresh.getMessage().lines().count(), "only the new violation: " + fresh.getMessage());

        frozen.check(services("b")); // a fixed: it leaves the record
        assertFalse(Files.readString(frozen.storeFile()).contains("aws_ecs_service.a"));
        assertThrows(AssertionError.class, () -> frozen.check(services("a", "b")), "a fixed violation is new again");
    }

    @Test
    void refreezingRecordsTodaysViolationsAnew() throws Exception {
        FrozenRule frozen = FrozenRule.freeze(OWNER).storedIn(dir.resolve("frozen")).allowingStoreCreation();
        frozen.check(services("a"));
        System.setProperty(FrozenRule.REFREEZE_PROPERTY, "true");
        try {
            frozen.check(services("a", "b"));
        } finally {
            System.clearProperty(FrozenRule.REFREEZE_PROPERTY);
        }
        frozen.check(services("a", "b"));
        assertEquals(OWNER.info(), frozen.info());
        assertEquals(2, OWNER.check(services("a", "b").graph()).size(), "unfrozen, the rule finds both");
    }
}
