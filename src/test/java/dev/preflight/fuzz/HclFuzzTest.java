package dev.preflight.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.preflight.source.SourceFile;
import dev.preflight.terraform.syntax.HclParser;
import dev.preflight.terraform.syntax.HclSyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * The HCL parser and the Terraform loader on arbitrary text. The parser may only throw {@link HclSyntaxException};
 * the loader may not report an internal error. Saved inputs (seeds and every crash found) are in
 * {@code src/test/resources/dev/preflight/fuzz/HclFuzzTestInputs/}; fuzz for real with
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=HclFuzzTest}.
 */
class HclFuzzTest {
    @FuzzTest(maxDuration = "5m")
    void parseAndLoad(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            HclParser.parse(SourceFile.of("main.tf", text));
        } catch (HclSyntaxException expected) {
            // a syntax error with a span is the right answer to bad input
        }
        FuzzChecks.loadTerraform("main.tf", text);
    }
}
