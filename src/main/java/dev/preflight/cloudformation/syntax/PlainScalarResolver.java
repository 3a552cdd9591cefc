package dev.preflight.cloudformation.syntax;

import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Tags plain scalars with {@link ScalarTyping}, CloudFormation's reading, instead of YAML 1.1's regular expressions:
 * the converter types a plain scalar with {@code ScalarTyping} anyway, so the resolver's guesses (timestamps, octal,
 * {@code yes}) were thrown away after costing a match per scalar, a tenth of reading a template in a cold JVM. Only
 * YAML's structural oddities keep their own resolvers, so that {@code <<} is still a merge key the converter refuses.
 */
final class PlainScalarResolver extends Resolver {

    @Override
    protected void addImplicitResolvers() {
        addImplicitResolver(Tag.MERGE, MERGE, "<");
        addImplicitResolver(Tag.YAML, YAML, "!&*");
    }

    @Override
    public Tag resolve(NodeId kind, String value, boolean implicit) {
        Tag tag = super.resolve(kind, value, implicit);
        if (kind != NodeId.scalar || !implicit || !tag.equals(Tag.STR)) {
            return tag;
        }
        return switch (ScalarTyping.ofPlain(value)) {
            case BOOLEAN -> Tag.BOOL;
            case NULL -> Tag.NULL;
            case NUMBER -> value.indexOf('.') < 0 ? Tag.INT : Tag.FLOAT;
            default -> Tag.STR;
        };
    }
}
