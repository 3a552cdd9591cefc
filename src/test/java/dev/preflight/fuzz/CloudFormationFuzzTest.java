package dev.preflight.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.preflight.cloudformation.CloudFormationLoader;
import dev.preflight.source.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The CloudFormation loader (YAML and JSON syntax, intrinsics, conditions) on arbitrary text: it must neither throw
 * nor report an internal error. JSON is chosen by the first character, so one target covers both syntaxes; the seeds
 * in {@code CloudFormationFuzzTestInputs/} hold both.
 */
class CloudFormationFuzzTest {
    @FuzzTest(maxDuration = "5m")
    void load(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        FuzzChecks.assertNoInternalError(new CloudFormationLoader().load(SourceFile.of("t.yaml", text), Map.of()));
    }
}
