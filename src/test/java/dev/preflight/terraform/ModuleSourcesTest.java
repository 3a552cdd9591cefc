package dev.preflight.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A call's source and version against what terraform init recorded, as Terraform compares them. */
class ModuleSourcesTest {

    @Test
    void sourcesAreComparedInTheFormTheManifestRecords() {
        assertEquals("registry.terraform.io/terraform-aws-modules/vpc/aws",
                ModuleSourceAddress.normalized("terraform-aws-modules/vpc/aws"));
        assertEquals("registry.terraform.io/terraform-aws-modules/ecs/aws//modules/service",
                ModuleSourceAddress.normalized("terraform-aws-modules/ecs/aws//modules/service"));
        assertEquals("app.terraform.io/acme/vpc/aws", ModuleSourceAddress.normalized("app.terraform.io/acme/vpc/aws"));
        assertEquals("git::https://github.com/acme/net.git?ref=v1.2.0",
                ModuleSourceAddress.normalized("github.com/acme/net?ref=v1.2.0"));
        assertEquals("git::ssh://git@github.com/acme/net.git//modules/a",
                ModuleSourceAddress.normalized("git@github.com:acme/net.git//modules/a"));
        assertEquals("git::https://example.com/net.git?ref=v1",
                ModuleSourceAddress.normalized("git::https://example.com/net.git?ref=v1"));
        assertEquals("./modules/net", ModuleSourceAddress.normalized("./modules/net"));
        assertTrue(ModuleSourceAddress.isLocal("../shared"));
        assertFalse(ModuleSourceAddress.isRegistry("github.com/acme/net"));
    }

    @Test
    void versionConstraintsAllowWhatTerraformAllows() {
        assertAllows("~> 5.0", List.of("5.0.0", "5.21.0"), List.of("6.0.0", "4.9.9"));
        assertAllows("~> 5.12", List.of("5.12.1", "5.99.0"), List.of("5.11.0", "6.0.0"));
        assertAllows("~> 5.12.1", List.of("5.12.1", "5.12.9"), List.of("5.13.0", "5.12.0"));
        assertAllows(">= 2.0, < 3.0", List.of("2.0.0", "2.4.0"), List.of("3.0.0", "1.9.0"));
        assertAllows("5.21.0", List.of("5.21.0"), List.of("5.21.1"));
        assertAllows("!= 1.2.3", List.of("1.2.4"), List.of("1.2.3"));
        assertAllows(">= 1.0", List.of("1.1.0"), List.of("1.2.0-beta1"));
        assertAllows("= 1.2.0-beta1", List.of("1.2.0-beta1"), List.of("1.2.0"));
        assertTrue(VersionConstraint.parse("latest please").isEmpty());
    }

    private static void assertAllows(String constraint, List<String> allowed, List<String> refused) {
        VersionConstraint c = VersionConstraint.parse(constraint).orElseThrow();
        for (String v : allowed) {
            assertTrue(c.allows(v), constraint + " allows " + v);
        }
        for (String v : refused) {
            assertFalse(c.allows(v), constraint + " refuses " + v);
        }
    }
}
