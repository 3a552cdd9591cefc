package dev.preflight.terraform.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The AWS provider's schema ({@code terraform providers schema -json}), read once and cached: it says which values
 * are sets (unordered), maps (exact keys) or blocks (the provider adds attributes), and each attribute's primitive
 * type.
 */
final class ProviderSchema {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ProviderSchema loaded;

    private final JsonNode resourceSchemas;

    private ProviderSchema(JsonNode schemas) {
        this.resourceSchemas = schemas.path("provider_schemas").path("registry.terraform.io/hashicorp/aws")
                .path("resource_schemas");
    }

    /**
     * The schema, made with {@code cli} on first use and kept with the Terraform outcomes (see
     * {@link TerraformOutcomeCache}), or under {@code target/} when that cache is off.
     */
    static synchronized ProviderSchema load(TerraformCli cli) {
        if (loaded != null) {
            return loaded;
        }
        Path cache = cli.cache().map(c -> c.toolchainFile("aws-provider-schema"))
                .orElse(TerraformCli.WORK.resolve("aws-provider-schema.json"));
        try {
            if (!Files.exists(cache)) {
                TerraformCli.Outcome o = cli.run(cli.initializedDirectory(), "providers", "schema", "-json");
                if (!o.ok()) {
                    throw new IllegalStateException("terraform providers schema failed: " + o.diagnostics());
                }
                Path tmp = Files.createTempFile(cache.getParent(), "schema", ".tmp");
                Files.writeString(tmp, o.stdout());
                Files.move(tmp, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            loaded = new ProviderSchema(JSON.readTree(cache.toFile()));
            return loaded;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The type of a resource's top-level attribute or block, or {@link SchemaType#DYNAMIC} when unknown. */
    SchemaType attribute(String resourceType, String name) {
        JsonNode block = resourceSchemas.path(resourceType).path("block");
        return SchemaType.member(block, name);
    }

    /** True when the provider has this resource type. */
    boolean knows(String resourceType) {
        return resourceSchemas.has(resourceType);
    }
}
