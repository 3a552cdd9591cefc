package dev.preflight.terraform.syntax;

import static dev.preflight.terraform.syntax.HclTestSupport.as;
import static dev.preflight.terraform.syntax.HclTestSupport.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflight.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The inputs that break HCL4j (copied from shared/hcl-probes into testdata/parsing/hcl/probes): the valid ones
 * parse, F18-F20 are rejected at the right place.
 */
class HclProbeTest {
    private static final Path PROBES = Path.of("testdata", "parsing", "hcl", "probes");

    static Stream<String> validProbes() throws IOException {
        try (Stream<Path> files = Files.list(PROBES)) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".tf") && !n.startsWith("F18") && !n.startsWith("F19") && !n.startsWith("F20"))
                    .sorted().toList();
            assertEquals(37, names.size(), "probe files");
            return names.stream();
        }
    }

    private static ConfigFile probe(String name) throws Exception {
        Path p = PROBES.resolve(name);
        return HclParser.parse(new SourceFile(p, name, Files.readString(p, StandardCharsets.UTF_8)));
    }

    private static HclSyntaxException probeError(String name) {
        return assertThrows(HclSyntaxException.class, () -> probe(name));
    }

    private static Expression local(ConfigFile f, String name) {
        return f.body().blocks("locals").get(0).body().attribute(name).orElseThrow().value();
    }

    @ParameterizedTest
    @MethodSource("validProbes")
    void validProbeParses(String name) throws Exception {
        ConfigFile f = probe(name);
        assertTrue(f.body().items().size() >= 1, name);
    }

    @Test
    void probeStructures() throws Exception {
        assertEquals("{(var.k) = 1}", tree(local(probe("F01_paren_key.tf"), "m")));
        assertEquals("{1 = \"a\"}", tree(local(probe("F02_numeric_key.tf"), "m")));
        Expression.For f03 = as(Expression.For.class, local(probe("F03_forobj_key_two_interp.tf"), "m"));
        assertEquals(3, as(Expression.Template.class, f03.keyExpr()).parts().size());
        assertEquals("for(k,v in var.m: k => v {})", tree(local(probe("F04_comment_before_for.tf"), "m")));
        assertEquals("list(var.a, var.b)", tree(local(probe("F05_legacy_list_fn.tf"), "l")));
        assertEquals("café", as(Expression.Template.class, local(probe("F07_unicode_escape.tf"), "u")).literalText());
        assertEquals("merge(for(k,v in var.m: {(k) = v} [])...)", tree(local(probe("F09_spread_after_for.tf"), "m")));
        assertEquals("[var.a, (var.c ? {\"k\" = 1} : {})]", tree(local(probe("F13_cond_map_in_list.tf"), "l")));
        assertEquals("local.m[template3].id", tree(local(probe("F15_index_interp_key.tf"), "x")));
        assertEquals("line1\n  line2\n",
                as(Expression.Template.class, local(probe("F17_heredoc_indent.tf"), "h")).literalText());
        Block m = probe("F21_for_obj_value_object_swallows.tf").body().blocks("module").get(0);
        assertEquals(List.of("a", "b", "c"), m.body().attributes().stream().map(Attribute::name).toList());
        assertEquals(List.of("m", "n"), probe("F24_for_obj_object_value_in_locals.tf").body().blocks("locals").get(0)
                .body().attributes().stream().map(Attribute::name).toList());
        Expression v01 = probe("V01_legacy_splat.tf").body().blocks("output").get(0).body().attribute("value")
                .orElseThrow().value();
        assertEquals("splatL(aws_instance.x each @.id)", tree(v01));
    }

    @Test
    void garbageAtTopLevelIsRejected() {
        HclSyntaxException e = probeError("F18_garbage_top_level.tf");
        assertEquals(1, e.where().line());
        assertEquals(24, e.where().column());
        assertEquals("unexpected character ';'", e.getMessage());
    }

    @Test
    void missingClosingBraceIsRejected() {
        HclSyntaxException e = probeError("F19_missing_close_brace.tf");
        assertEquals(3, e.where().line());
        assertEquals("expected '}' to close the block opened at line 1, column 18", e.getMessage());
    }

    @Test
    void badAttributeIsRejected() {
        HclSyntaxException e = probeError("F20_bad_attr.tf");
        assertEquals(2, e.where().line());
        assertEquals(7, e.where().column());
        assertEquals("expected an expression, found '='", e.getMessage());
    }
}
