package dev.preflight.terraform;

import static dev.preflight.terraform.TerraformFixture.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflight.graph.Resource;
import dev.preflight.graph.Value;
import dev.preflight.graph.Values;
import dev.preflight.source.Span;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Module calls whose code {@code terraform init} installed: loaded from {@code .terraform/modules} through the
 * manifest as module instances with the call's arguments, or left unknown, with the reason, when the manifest does
 * not match the call.
 */
class InstalledModulesTest {
    @TempDir
    Path dir;

    /** A registry module "net" (with a local submodule) installed for the call {@code net}. */
    private TerraformFixture installedNet(String call, String manifestSource, String manifestVersion) {
        String version = manifestVersion == null ? "" : ",\"Version\":\"" + manifestVersion + "\"";
        return new TerraformFixture(dir)
                .file("main.tf", call)
                .file(".terraform/modules/modules.json", "{\"Modules\":[{\"Key\":\"\",\"Source\":\"\",\"Dir\":\".\"},"
                        + "{\"Key\":\"net\",\"Source\":\"" + manifestSource + "\"" + version
                        + ",\"Dir\":\".terraform/modules/net\"},"
                        + "{\"Key\":\"net.zone\",\"Source\":\"./modules/zone\",\"Dir\":\".terraform/modules/net/modules/zone\"}]}")
                .file(".terraform/modules/net/main.tf", """
                        variable "cidr" { type = string }
                        variable "azs" {
                          type    = list(string)
                          default = ["eu-west-1a"]
                        }
                        resource "aws_vpc" "this" {
                          cidr_block = var.cidr
                        }
                        module "zone" {
                          source   = "./modules/zone"
                          for_each = toset(var.azs)
                          vpc_id   = aws_vpc.this.id
                          az       = each.value
                          cidr     = cidrsubnet(var.cidr, 8, index(var.azs, each.value))
                        }
                        output "vpc_id" { value = aws_vpc.this.id }
                        output "subnet_ids" { value = [for z in module.zone : z.subnet_id] }
                        output "first_az" { value = element(var.azs, 0) }
                        """)
                .file(".terraform/modules/net/modules/zone/main.tf", """
                        variable "vpc_id" {}
                        variable "az" {}
                        variable "cidr" {}
                        resource "aws_subnet" "this" {
                          vpc_id            = var.vpc_id
                          availability_zone = var.az
                          cidr_block        = var.cidr
                        }
                        output "subnet_id" { value = aws_subnet.this.id }
                        """);
    }

    private static final String CALL = """
            module "net" {
              source  = "example/net/aws"
              version = "~> 1.2"
              cidr    = "10.0.0.0/16"
              azs     = ["eu-west-1a", "eu-west-1b"]
            }
            resource "aws_lb" "web" {
              subnets = module.net.subnet_ids
            }
            output "az" { value = module.net.first_az }
            """;

    @Test
    void anInstalledModuleLoadsWithTheCallsArgumentsItsLocalSubmodulesAndOutputsBack() {
        TerraformLoader.Result r = installedNet(CALL, "registry.terraform.io/example/net/aws", "1.2.7")
                .loadAll(Map.of());
        assertEquals(List.of(), r.load().problems());
        Resource vpc = resource(r.load(), "module.net.aws_vpc.this");
        assertEquals("10.0.0.0/16", Values.text(vpc.property("cidr_block").orElseThrow()).orElseThrow());
        assertTrue(vpc.file().startsWith(".terraform/modules/net/"), vpc.file());
        Resource b = resource(r.load(), "module.net.module.zone[\"eu-west-1b\"].aws_subnet.this");
        assertEquals("10.0.1.0/24", Values.text(b.property("cidr_block").orElseThrow()).orElseThrow());
        Value.ListValue subnets = assertInstanceOf(Value.ListValue.class,
                resource(r.load(), "aws_lb.web").property("subnets").orElseThrow());
        assertEquals(List.of("module.net.module.zone[\"eu-west-1a\"].aws_subnet.this",
                        "module.net.module.zone[\"eu-west-1b\"].aws_subnet.this"),
                subnets.items().stream().map(v -> ((Value.Ref) v).target().address()).toList());
        assertEquals(List.of("net", "net.zone"), r.moduleCalls().stream().map(ModuleCallStatus::key).toList());
        assertTrue(r.moduleCalls().stream().allMatch(ModuleCallStatus::loaded));
        // the nested call is counted at the user's call that leads to it
        assertEquals(1, r.moduleCalls().get(1).reportedAt().line());
        assertEquals("main.tf", r.moduleCalls().get(1).reportedAt().file());
    }

    @Test
    void countOnTheCallMakesInstancesOfTheInstalledModule() {
        TerraformLoader.Result r = installedNet(CALL.replace("cidr    = \"10.0.0.0/16\"",
                        "count   = 2\n  cidr    = \"10.${count.index}.0.0/16\"")
                        .replace("module.net.subnet_ids", "module.net[1].subnet_ids")
                        .replace("module.net.first_az", "module.net[0].first_az"),
                "registry.terraform.io/example/net/aws", "1.2.7").loadAll(Map.of());
        assertEquals(List.of(), r.load().problems());
        assertEquals("10.1.0.0/16", Values.text(resource(r.load(), "module.net[1].aws_vpc.this")
                .property("cidr_block").orElseThrow()).orElseThrow());
        assertEquals("10.0.0.0/16", Values.text(resource(r.load(), "module.net[0].aws_vpc.this")
                .property("cidr_block").orElseThrow()).orElseThrow());
    }

    @Test
    void aManifestThatNoLongerMatchesTheCallLeavesTheModuleUnknownWithTheReason() {
        assertNotChecked(installedNet(CALL, "registry.terraform.io/example/net/aws", "2.0.0"),
                ModuleCallStatus.Reason.VERSION_CHANGED);
        assertNotChecked(installedNet(CALL, "registry.terraform.io/other/net/aws", "1.2.7"),
                ModuleCallStatus.Reason.SOURCE_CHANGED);
        assertNotChecked(installedNet(CALL.replace("module \"net\"", "module \"network\""),
                "registry.terraform.io/example/net/aws", "1.2.7"), ModuleCallStatus.Reason.NOT_INSTALLED);
    }

    @Test
    void aMissingDirectoryOrAnUnreadableManifestLeavesTheModuleUnknown() {
        TerraformFixture f = installedNet(CALL, "registry.terraform.io/example/net/aws", "1.2.7");
        f.file(".terraform/modules/modules.json", "{\"Modules\":[{\"Key\":\"net\",\"Source\":"
                + "\"registry.terraform.io/example/net/aws\",\"Version\":\"1.2.7\",\"Dir\":\".terraform/modules/gone\"}]}");
        assertNotChecked(f, ModuleCallStatus.Reason.DIRECTORY_MISSING);
        f.file(".terraform/modules/modules.json", "{\"Modules\": [");
        assertNotChecked(f, ModuleCallStatus.Reason.MANIFEST_UNREADABLE);
    }

    @Test
    void aRootWithoutTerraformDirectoryBehavesAsBeforeAndSaysItWasNotInitialised() {
        TerraformLoader.Result r = new TerraformFixture(dir).file("main.tf", CALL).loadAll(Map.of());
        assertEquals(List.of("aws_lb.web"), r.load().resources().stream().map(Resource::address).toList());
        Value.Unknown subnets = assertInstanceOf(Value.Unknown.class,
                resource(r.load(), "aws_lb.web").property("subnets").orElseThrow());
        assertTrue(subnets.reason().contains("not initialised"), subnets.reason());
        assertEquals(List.of(ModuleCallStatus.Reason.NOT_INITIALISED),
                r.moduleCalls().stream().map(ModuleCallStatus::reason).toList());
    }

    private void assertNotChecked(TerraformFixture f, ModuleCallStatus.Reason reason) {
        TerraformLoader.Result r = f.loadAll(Map.of());
        assertEquals(List.of(), r.load().problems());
        assertTrue(r.load().resources().stream().noneMatch(x -> x.address().startsWith("module.")),
                "nothing of the module is loaded");
        assertEquals(reason, r.moduleCalls().get(0).reason());
        Optional<Span> at = r.moduleCalls().stream().map(ModuleCallStatus::reportedAt).findFirst();
        assertEquals("main.tf", at.orElseThrow().file());
    }
}
