package dev.preflight.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputSelectionTest {

    private static Path touch(Path dir, String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    @Test
    void aTerraformFileIsWidenedToItsDirectoryNotItsSubdirectories(@TempDir Path dir) throws Exception {
        Path main = touch(dir, "net/main.tf", "");
        Path vars = touch(dir, "net/variables.tf", "");
        touch(dir, "net/terraform.tfvars", "");
        touch(dir, "net/README.md", "");
        touch(dir, "net/child/main.tf", "");
        InputSelection.Selected s = new InputSelection(dir, List.of(), false).select(List.of(main));
        assertEquals(List.of(main, dir.resolve("net/terraform.tfvars"), vars), s.paths());
        assertTrue(s.inScope(dir, "net/variables.tf"));
        assertFalse(s.inScope(dir, "net/child/main.tf"));
    }

    @Test
    void directoriesAreNotScoped(@TempDir Path dir) throws Exception {
        touch(dir, "a/main.tf", "");
        InputSelection.Selected s = new InputSelection(dir, List.of(), false).select(List.of(dir));
        assertEquals(List.of(dir), s.paths());
        assertNull(s.scope());
    }

    @Test
    void excludesDropFilesAndDirectories(@TempDir Path dir) throws Exception {
        Path keep = touch(dir, "live/main.tf", "");
        touch(dir, "legacy/old/main.tf", "");
        touch(dir, "live/skip_me.tf", "");
        InputSelection.Selected s = new InputSelection(dir, List.of("legacy", "**/skip_*.tf"), false)
                .select(List.of(dir));
        assertEquals(List.of(keep), s.paths());
    }

    @Test
    void aLeadingDoubleStarMatchesAtTheTopTooAsInGitignore(@TempDir Path dir) throws Exception {
        Path keep = touch(dir, "live/main.tf", "");
        touch(dir, "examples/main.tf", "");
        touch(dir, "live/examples/main.tf", "");
        InputSelection.Selected s = new InputSelection(dir, List.of("**/examples"), false).select(List.of(dir));
        assertEquals(List.of(keep), s.paths());
    }

    @Test
    void unrecognizedFilesAreSkippedOnlyWhenAsked(@TempDir Path dir) throws Exception {
        Path ci = touch(dir, ".github/ci.yml", "on: push\n");
        Path stack = touch(dir, "stack.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n");
        assertEquals(List.of(stack), new InputSelection(dir, List.of(), true).select(List.of(ci, stack)).paths());
        assertEquals(List.of(ci, stack), new InputSelection(dir, List.of(), false).select(List.of(ci, stack)).paths());
    }
}
