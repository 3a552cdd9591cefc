package dev.preflight.terraform.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.preflight.graph.LoadResult;
import dev.preflight.graph.Resource;
import dev.preflight.graph.Value;
import dev.preflight.graph.Values;
import dev.preflight.source.SourceFile;
import dev.preflight.terraform.TerraformLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluator fixes the oracle asked for, pinned without Terraform: each case is a contradiction
 * {@link EvaluatorOracleTest} found, with the value Terraform planned.
 */
class EvaluatorFixesTest {
    @TempDir
    Path dir;

    private Value tag(String expression) throws Exception {
        Path main = dir.resolve("main.tf");
        Files.writeString(main, "resource \"aws_ssm_parameter\" \"p\" {\n  tags = { v = " + expression + " }\n}\n");
        LoadResult r = new TerraformLoader().load(dir,
                List.of(new SourceFile(main, "main.tf", Files.readString(main))), Map.of());
        Resource p = r.resources().get(0);
        return p.property("tags.v").orElseThrow();
    }

    private static String describe(Value v) {
        return Values.describe(v);
    }

    @Test
    void collectionConversionsUnifyMixedPrimitivesToStrings() throws Exception {
        // terraform plan: tomap({a = 1, b = "x"}) is {a = "1", b = "x"}; tolist([true, "a", 2]) is ["true","a","2"]
        Value.MapValue m = (Value.MapValue) tag("tomap({ a = 1, b = \"x\" })");
        assertEquals("\"1\"", describe(m.entries().get("a")));
        assertEquals("[\"true\", \"a\", \"2\"]", describe(tag("tolist([true, \"a\", 2])")));
    }

    @Test
    void setsOfNumbersAreOrderedNumericallyAndMixedSetsAsStrings() throws Exception {
        // terraform plan: toset([3, 1, 20, 1]) is [1, 3, 20]; toset(["b", 10, "a"]) is ["10", "a", "b"]
        assertEquals("[1, 3, 20]", describe(tag("toset([3, 1, 20, 1])")));
        assertEquals("[\"10\", \"a\", \"b\"]", describe(tag("toset([\"b\", 10, \"a\"])")));
    }
}
