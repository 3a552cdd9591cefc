package dev.preflight.terraform.plan;

import dev.preflight.source.Span;
import dev.preflight.terraform.syntax.Attribute;
import dev.preflight.terraform.syntax.Block;
import dev.preflight.terraform.syntax.Body;
import dev.preflight.terraform.syntax.BodyItem;
import dev.preflight.terraform.syntax.Expression;
import java.util.List;

/**
 * Where a planned value was written, when the source is at hand: an attribute's expression, or the nested blocks
 * of one type. It gives the value its position and, for values known only after apply, the reference to restore.
 * {@link #NONE} when the value cannot be matched to source (a provider default, a dynamic block, a set of blocks
 * whose order Terraform chose).
 */
sealed interface SourceHint {
    SourceHint NONE = new Nothing();

    /** Where the value is shown: the expression or block, or null when unknown. */
    Span span();

    /** The hint for an element of a list value of {@code size} elements. */
    default SourceHint element(int index, int size) {
        return NONE;
    }

    /** The hint for the attribute or nested block {@code name} of an object value. */
    default SourceHint member(String name) {
        return NONE;
    }

    /** The hint of the top-level {@code name} of a resource body. */
    static SourceHint of(Body body, String name) {
        for (BodyItem item : body.items()) {
            if (item instanceof Attribute a && a.name().equals(name)) {
                return new Written(a.value());
            }
        }
        List<Block> blocks = body.blocks(name);
        boolean dynamic = body.blocks("dynamic").stream().anyMatch(d -> d.labels().size() == 1
                && d.label(0).equals(name));
        return blocks.isEmpty() || dynamic ? NONE : new Blocks(blocks);
    }

    /** True when {@code body} writes {@code name}: as an attribute, as blocks, or as a dynamic block. */
    static boolean isWritten(Body body, String name) {
        return body.attribute(name).isPresent() || !body.blocks(name).isEmpty()
                || body.blocks("dynamic").stream().anyMatch(d -> d.labels().size() == 1 && d.label(0).equals(name));
    }

    record Nothing() implements SourceHint {
        public Span span() {
            return null;
        }
    }

    /** An attribute's expression. */
    record Written(Expression expression) implements SourceHint {
        public Span span() {
            return expression.span();
        }

        @Override
        public SourceHint element(int index, int size) {
            if (expression instanceof Expression.Tuple t && t.elements().size() == size) {
                return new Written(t.elements().get(index));
            }
            return NONE;
        }
    }

    /** The nested blocks of one type. Only a single block is matched: Terraform may reorder blocks in a set. */
    record Blocks(List<Block> blocks) implements SourceHint {
        public Span span() {
            return blocks.get(0).span();
        }

        @Override
        public SourceHint element(int index, int size) {
            return blocks.size() == 1 && size == 1 ? new BlockBody(blocks.get(0).body()) : NONE;
        }

        /**
         * The hint for {@code element}, one of {@code size} planned blocks: the single block, or among several (a
         * set, in Terraform's order) the one block whose literal attributes all equal the element's known values.
         */
        public SourceHint matching(com.fasterxml.jackson.databind.JsonNode element, int size) {
            if (blocks.size() == 1) {
                return element(0, size);
            }
            if (blocks.size() != size || element == null || !element.isObject()) {
                return NONE;
            }
            Block found = null;
            for (Block b : blocks) {
                if (literalsMatch(b.body(), element)) {
                    if (found != null) {
                        return NONE;
                    }
                    found = b;
                }
            }
            return found == null ? NONE : new BlockBody(found.body());
        }

        private static boolean literalsMatch(Body body, com.fasterxml.jackson.databind.JsonNode element) {
            boolean any = false;
            for (BodyItem item : body.items()) {
                if (!(item instanceof Attribute a)) {
                    continue;
                }
                String literal = a.value() instanceof Expression.Template t ? t.literalText()
                        : a.value() instanceof Expression.NumberLiteral n ? n.value().toPlainString()
                        : a.value() instanceof Expression.BoolLiteral b ? String.valueOf(b.value()) : null;
                if (literal == null) {
                    continue;
                }
                com.fasterxml.jackson.databind.JsonNode planned = element.get(a.name());
                if (planned == null || !planned.isValueNode() || planned.isNull()) {
                    return false;
                }
                String text = planned.isNumber() ? planned.decimalValue().toPlainString() : planned.asText();
                if (planned.isNumber() && a.value() instanceof Expression.NumberLiteral n) {
                    if (planned.decimalValue().compareTo(n.value()) != 0) {
                        return false;
                    }
                } else if (!text.equals(literal)) {
                    return false;
                }
                any = true;
            }
            return any;
        }

        @Override
        public SourceHint member(String name) {
            // a block Terraform holds as an object (nesting mode "single")
            return blocks.size() == 1 ? new BlockBody(blocks.get(0).body()).member(name) : NONE;
        }
    }

    /** The body of one nested block. */
    record BlockBody(Body body) implements SourceHint {
        public Span span() {
            return body.span();
        }

        @Override
        public SourceHint member(String name) {
            return of(body, name);
        }
    }
}
