package dev.preflight.terraform.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The type of a value in the provider schema, as far as comparing values needs it. Attribute types are cty type
 * JSON ({@code "string"}, {@code ["set","string"]}, {@code ["object",{...}]}); nested blocks have a nesting mode.
 * {@code block} is the schema block of an object; {@code element} the element type of a collection.
 */
record SchemaType(Shape shape, JsonNode block, String primitive, SchemaType element) {

    enum Shape {
        /** A string, number or bool. */
        PRIMITIVE,
        LIST, SET,
        /** A map attribute: exactly the keys written. */
        MAP,
        /** An object attribute or a nested block's body: the provider may add attributes. */
        OBJECT,
        /** A block whose value is one object (nesting mode single or group). */
        SINGLE_BLOCK,
        /** Not in the schema, or dynamic: compared without type knowledge. */
        DYNAMIC,
        /** Not an attribute of the resource at all (a meta-argument such as depends_on). */
        ABSENT
    }

    static final SchemaType DYNAMIC = new SchemaType(Shape.DYNAMIC, null, null, null);
    static final SchemaType ABSENT = new SchemaType(Shape.ABSENT, null, null, null);

    /** The attribute or nested block {@code name} of a schema block. */
    static SchemaType member(JsonNode block, String name) {
        if (block == null || block.isMissingNode()) {
            return DYNAMIC;
        }
        JsonNode attr = block.path("attributes").path(name);
        if (!attr.isMissingNode()) {
            return attr.has("nested_type")
                    ? nested(attr.get("nested_type").path("nesting_mode").asText(), attr.get("nested_type"))
                    : ofType(attr.path("type"));
        }
        JsonNode nested = block.path("block_types").path(name);
        if (!nested.isMissingNode()) {
            return nested(nested.path("nesting_mode").asText(), nested.path("block"));
        }
        return ABSENT;
    }

    private static SchemaType nested(String mode, JsonNode block) {
        SchemaType body = new SchemaType(Shape.OBJECT, block, null, null);
        return switch (mode) {
            case "set" -> collection(Shape.SET, body);
            case "list" -> collection(Shape.LIST, body);
            case "map" -> collection(Shape.MAP, body);
            default -> new SchemaType(Shape.SINGLE_BLOCK, block, null, null);
        };
    }

    private static SchemaType collection(Shape shape, SchemaType element) {
        return new SchemaType(shape, null, null, element);
    }

    private static SchemaType ofType(JsonNode type) {
        if (type.isTextual()) {
            return type.asText().equals("dynamic") ? DYNAMIC
                    : new SchemaType(Shape.PRIMITIVE, null, type.asText(), null);
        }
        if (type.isArray() && type.size() == 2) {
            switch (type.get(0).asText()) {
                case "list":
                    return collection(Shape.LIST, ofType(type.get(1)));
                case "set":
                    return collection(Shape.SET, ofType(type.get(1)));
                case "map":
                    return collection(Shape.MAP, ofType(type.get(1)));
                case "object":
                    return new SchemaType(Shape.OBJECT, objectAsBlock(type.get(1)), null, null);
                default:
                    return DYNAMIC;
            }
        }
        return DYNAMIC;
    }

    /** An object type's attributes, shaped like a block so that {@link #member(JsonNode, String)} reads both. */
    private static JsonNode objectAsBlock(JsonNode attributes) {
        ObjectNode block = JsonNodeFactory.instance.objectNode();
        ObjectNode attrs = block.putObject("attributes");
        attributes.fields().forEachRemaining(e -> attrs.putObject(e.getKey()).set("type", e.getValue()));
        return block;
    }

    /** The element type of a list, set or map; dynamic otherwise. */
    SchemaType elementType() {
        return element != null ? element : DYNAMIC;
    }

    /** The type of attribute {@code name} of an object or block. */
    SchemaType member(String name) {
        if (shape == Shape.OBJECT || shape == Shape.SINGLE_BLOCK) {
            SchemaType t = member(block, name);
            return t.shape == Shape.ABSENT ? DYNAMIC : t;
        }
        return DYNAMIC;
    }
}
