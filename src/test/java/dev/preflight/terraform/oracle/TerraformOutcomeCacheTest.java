package dev.preflight.terraform.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache of Terraform's outcomes: hits for the same files and toolchain only, and never a timeout stored. */
class TerraformOutcomeCacheTest {
    @TempDir
    Path dir;

    private static final TerraformCli.Outcome OK = new TerraformCli.Outcome(0, "planned", "");

    @Test
    void anOutcomeIsFoundForTheSameFilesAndToolchainOnly() throws Exception {
        Path fixture = dir.resolve("fixture");
        Files.createDirectories(fixture.resolve("modules/net"));
        Files.writeString(fixture.resolve("main.tf"), "resource \"aws_vpc\" \"a\" {}\n");
        Files.writeString(fixture.resolve("modules/net/main.tf"), "variable \"x\" {}\n");
        TerraformOutcomeCache cache = new TerraformOutcomeCache(dir.resolve("cache"), "terraform 1.11, aws 5.100");
        Files.createDirectories(dir.resolve("cache"));
        assertTrue(cache.get(fixture).isEmpty());

        cache.put(fixture, new TerraformOutcomeCache.Stored(OK, OK, OK, "{\"format_version\":\"1.2\"}"));
        TerraformOutcomeCache.Stored stored = cache.get(fixture).orElseThrow();
        assertEquals(OK, stored.plan());
        assertEquals("{\"format_version\":\"1.2\"}", stored.planJson());

        TerraformOutcomeCache otherProvider = new TerraformOutcomeCache(dir.resolve("cache"),
                "terraform 1.11, aws 5.101");
        assertTrue(otherProvider.get(fixture).isEmpty(), "another provider may plan differently");
        Files.writeString(fixture.resolve("modules/net/main.tf"), "variable \"y\" {}\n");
        assertTrue(cache.get(fixture).isEmpty(), "a changed module file is another fixture");
    }

    @Test
    void onlyTerraformsAnswersAboutTheFixtureAreStored() throws Exception {
        Path fixture = dir.resolve("fixture");
        Files.createDirectories(fixture);
        Files.writeString(fixture.resolve("main.tf"), "resource \"aws_vpc\" \"a\" {}\n");
        TerraformOutcomeCache cache = new TerraformOutcomeCache(dir.resolve("cache"), "t");
        Files.createDirectories(dir.resolve("cache"));
        cache.put(fixture, new TerraformOutcomeCache.Stored(OK, null, new TerraformCli.Outcome(-1, "", "timed out"),
                null));
        assertTrue(cache.get(fixture).isEmpty());
        cache.put(fixture, new TerraformOutcomeCache.Stored(OK, null, new TerraformCli.Outcome(1, "",
                "Error: Missing required provider\n\nThis configuration requires provider registry..."), null));
        assertTrue(cache.get(fixture).isEmpty(), "a provider missing from the work directory says nothing about it");
        cache.put(fixture, new TerraformOutcomeCache.Stored(OK, null, new TerraformCli.Outcome(1, "",
                "Error: Unsupported argument"), null));
        assertTrue(cache.get(fixture).isPresent(), "an invalid fixture is Terraform's answer, and kept");
    }
}
