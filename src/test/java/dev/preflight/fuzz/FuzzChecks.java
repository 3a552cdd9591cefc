package dev.preflight.fuzz;

import dev.preflight.graph.LoadResult;
import dev.preflight.source.Problem;
import dev.preflight.source.SourceFile;
import dev.preflight.terraform.TerraformLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What every fuzz target asserts. The loaders never throw by contract: they turn their own bugs into problems that
 * say "internal error" or "could not parse: SomeException", and a scan goes on. For a fuzzer those are the crashes
 * worth finding, so they fail the target here.
 */
final class FuzzChecks {
    private FuzzChecks() {
    }

    /** Loads {@code text} as the only file of a Terraform module and fails on any internal error. */
    static LoadResult loadTerraform(String fileName, String text) {
        SourceFile file = new SourceFile(Path.of("/fuzz/module", fileName), fileName, text);
        LoadResult result = new TerraformLoader().load(Path.of("/fuzz"), List.of(file), Map.of());
        assertNoInternalError(result);
        return result;
    }

    static void assertNoInternalError(LoadResult result) {
        for (Problem p : result.problems()) {
            String m = p.message();
            if (m.contains("internal error") || m.startsWith("could not parse: ")) {
                throw new AssertionError("loader bug reported as a problem: " + p);
            }
        }
    }
}
