package dev.preflight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.preflight.engine.RuleRegistry;
import dev.preflight.testing.ModuleInstallation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A root whose registry module was never installed stays silent and says so; the same root after
 * {@code terraform init} reports the module's finding at its call. Neither line changes the exit code.
 */
class ModulesNotCheckedTest {
    private static final Path FIXTURE = Path.of("testdata/registry-modules/vpc-nat-no-s3-endpoint").toAbsolutePath();

    @Test
    void aRootWithoutTerraformDirectoryStaysSilentAndSaysSoInTheSummary() throws Exception {
        CliRun text = CliRun.in(FIXTURE, RuleRegistry.discover().rules(), "scan", ".", "--fail-on", "note");
        assertEquals(0, text.exitCode(), text.out() + text.err());
        List<String> lines = text.out().lines().toList();
        assertEquals("preflight: no findings in 1 file", lines.get(lines.size() - 2));
        assertEquals("1 module call not checked: not initialised; run `terraform init` or scan a plan",
                lines.get(lines.size() - 1));

        CliRun json = CliRun.in(FIXTURE, RuleRegistry.discover().rules(), "scan", ".", "--format", "json");
        JsonNode report = new ObjectMapper().readTree(json.out());
        assertEquals(0, report.path("findings").size());
        JsonNode modules = report.path("summary").path("moduleCalls");
        assertEquals(0, modules.path("loaded").asInt());
        assertEquals(1, modules.path("notCheckedByReason").path("not-initialised").asInt());
    }

    @Test
    void afterTerraformInitTheModulesFindingIsReportedAtTheCall(@TempDir Path work) throws Exception {
        assumeTrue(ModuleInstallation.available(), "no ../shared/modules; skipped");
        ModuleInstallation.install(FIXTURE, work);
        CliRun text = CliRun.in(work, RuleRegistry.discover().rules(), "scan", ".");
        assertEquals(1, text.exitCode(), text.out() + text.err());
        assertFalse(text.out().contains("not checked"), text.out());
        assertEquals("main.tf:4:1: warning[nat-without-s3-gateway-endpoint] module.vpc.aws_route_table.private[0] "
                        + "sends internet traffic through a NAT gateway and module.vpc.aws_vpc.this[0] has no S3 "
                        + "gateway endpoint on it: S3 traffic and ECR image layers are billed per GB as NAT data "
                        + "processing", text.out().lines().findFirst().orElseThrow());
    }
}
