package dev.preflight.terraform.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The AWS provider's schema ({@code terraform providers schema -json}), read once and cached under
 * {@code target/}: it says which values are sets (unordered), maps (exact keys) or blocks (the provider adds
 * attributes), and each attribute's primitive type.
 */
final class ProviderSchema {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ProviderSchema loaded;

    private final JsonNode resourceSchemas;

    private ProviderSchema(JsonNode schemas) {
        this.resourceSchemas = schemas.path("provider_schemas").path("registry.terraform.io/hashicorp/aws")
                .path("resource_schemas");
    }

    /** The schema, made with {@code cli} in the initialized directory {@code initialized} on first use. */
    static synchronized ProviderSchema load(TerraformCli cli, Path initialized) {
        if (loaded != null) {
            return loaded;
        }
        Path cache = TerraformCli.WORK.resolve("aws-provider-schema.json");
        try {
            if (!Files.exists(cache)) {
                TerraformCli.Outcome o = cli.run(initialized, "providers", "schema", "-json");
                if (!o.ok()) {
                    throw new IllegalStateException("terraform providers schema failed: " + o.diagnostics());
                }
                Files.writeString(cache, o.stdout());
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
