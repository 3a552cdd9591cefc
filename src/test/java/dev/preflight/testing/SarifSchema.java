package dev.preflight.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The official SARIF 2.1.0 schema, read from {@code ../shared/schemas} (never copied into the repository), and a
 * real JSON-schema validator over it. Tests that need it are skipped, saying why, when it is absent.
 */
public final class SarifSchema {
    private static JsonSchema schema;

    private SarifSchema() {
    }

    /** Fails the test with every schema violation of {@code sarif}. */
    public static void assertValid(JsonNode sarif) {
        Set<ValidationMessage> errors = schema().validate(sarif);
        assertEquals(Set.of(), errors, "SARIF violates the 2.1.0 schema");
    }

    /** Parses and validates {@code sarif}, returning its tree. */
    public static JsonNode assertValid(byte[] sarif) throws IOException {
        JsonNode tree = new ObjectMapper().readTree(sarif);
        assertValid(tree);
        return tree;
    }

    private static synchronized JsonSchema schema() {
        if (schema == null) {
            Path file = Path.of(System.getProperty("preflight.sarifSchema",
                    "../shared/schemas/sarif-schema-2.1.0.json"));
            assumeTrue(Files.isRegularFile(file), "SARIF schema not found at " + file.toAbsolutePath()
                    + "; the SARIF validation is skipped");
            try (InputStream in = Files.newInputStream(file)) {
                schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return schema;
    }
}
