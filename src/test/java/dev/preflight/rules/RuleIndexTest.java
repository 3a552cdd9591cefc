package dev.preflight.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflight.engine.RuleRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** rules/README.md and rules/docs/*.md are generated from the rules; this fails when they are stale. */
class RuleIndexTest {
    @Test
    void generatedDocumentationIsUpToDate() throws IOException {
        Map<Path, String> expected = RuleIndex.render(RuleRegistry.discover().rules());
        if (Boolean.getBoolean("preflight.regenerate")) {
            try (Stream<Path> old = Files.list(RuleIndex.RULES_DIR.resolve("docs"))) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            } catch (java.nio.file.NoSuchFileException e) {
                // first generation
            }
            RuleIndex.write(expected);
        }
        for (Map.Entry<Path, String> e : expected.entrySet()) {
            String actual = Files.exists(e.getKey()) ? Files.readString(e.getKey()) : "";
            assertEquals(e.getValue(), actual, Fixture.relative(e.getKey()) + " is stale; regenerate it with: "
                    + RuleIndex.REGENERATE);
        }
        try (Stream<Path> docs = Files.list(RuleIndex.RULES_DIR.resolve("docs"))) {
            List<Path> extra = docs.filter(p -> !expected.containsKey(p)).toList();
            assertTrue(extra.isEmpty(), "docs of rules that no longer exist: " + extra + "; regenerate with: "
                    + RuleIndex.REGENERATE);
        }
    }
}
