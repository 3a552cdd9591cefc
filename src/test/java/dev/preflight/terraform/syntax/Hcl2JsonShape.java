package dev.preflight.terraform.syntax;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * Renders our syntax tree in the JSON shape that HashiCorp's parser produces through {@code @cdktf/hcl2json}, so the
 * two can be compared node for node. The rules, established by probing hcl2json:
 * <ul>
 *   <li>a body is an object; a block without labels is {@code type: [body, ...]}, with labels
 *       {@code type: {label1: {label2: [body, ...]}}};</li>
 *   <li>number, bool and null literals are JSON values, and so is {@code -}/{@code !} applied directly to one;</li>
 *   <li>a literal string is its decoded text with {@code ${} / {@code %{} written back as {@code $${} /
 *       {@code %%{}; a template made only of one interpolation is rendered as that expression; other templates are
 *       joined from their parts ({@code ${src}}, {@code %{if src}...%{else}...%{endif}},
 *       {@code %{for k, v in src}...%{endfor}});</li>
 *   <li>tuples and objects are JSON arrays and objects (object keys rendered as strings);</li>
 *   <li>every other expression is {@code "${" + its exact source text + "}"}; inside a template, a conditional
 *       interpolation is rendered like an {@code %{if}} directive (see {@link #stringPart}).</li>
 * </ul>
 * While rendering it counts what it saw, for the differential test's figures.
 */
final class Hcl2JsonShape {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final dev.preflight.source.SourceFile file;
    private final String text;
    long blocks;
    long attributes;
    long literals;
    long expressions;

    Hcl2JsonShape(ConfigFile file) {
        this.file = file.source();
        this.text = file.source().text();
    }

    /** The file's body in hcl2json's shape. */
    ObjectNode render(Body body) {
        ObjectNode out = JSON.objectNode();
        for (BodyItem item : body.items()) {
            if (item instanceof Attribute a) {
                attributes++;
                out.set(a.name(), expression(a.value()));
            } else {
                Block b = (Block) item;
                blocks++;
                List<Block.Label> labels = b.labels();
                JsonNode container = out.get(b.type());
                if (container == null) {
                    container = labels.isEmpty() ? JSON.arrayNode() : JSON.objectNode();
                    out.set(b.type(), container);
                }
                for (int i = 0; i < labels.size(); i++) {
                    ObjectNode level = (ObjectNode) container;
                    JsonNode next = level.get(labels.get(i).value());
                    if (next == null) {
                        next = i == labels.size() - 1 ? JSON.arrayNode() : JSON.objectNode();
                        level.set(labels.get(i).value(), next);
                    }
                    container = next;
                }
                ((ArrayNode) container).add(render(b.body()));
            }
        }
        return out;
    }

    private JsonNode expression(Expression e) {
        if (e instanceof Expression.NumberLiteral n) {
            literals++;
            return JSON.numberNode(n.value());
        }
        if (e instanceof Expression.BoolLiteral b) {
            literals++;
            return JSON.booleanNode(b.value());
        }
        if (e instanceof Expression.NullLiteral) {
            literals++;
            return JSON.nullNode();
        }
        if (e instanceof Expression.Unary u && isLiteralValue(u.operand())) {
            literals++;
            if (u.operand() instanceof Expression.NumberLiteral n && u.op() == Expression.Operator.NEGATE) {
                return JSON.numberNode(n.value().negate());
            }
            if (u.operand() instanceof Expression.BoolLiteral b && u.op() == Expression.Operator.NOT) {
                return JSON.booleanNode(!b.value());
            }
            return wrap(e);
        }
        if (e instanceof Expression.Template t) {
            if (t.parts().size() == 1 && t.parts().get(0) instanceof TemplatePart.Interpolation i) {
                return expression(i.expression());
            }
            if (t.literalText() != null) {
                literals++;
            } else {
                expressions++;
            }
            return JSON.textNode(templateText(t.parts()));
        }
        if (e instanceof Expression.Tuple t) {
            ArrayNode out = JSON.arrayNode();
            t.elements().forEach(x -> out.add(expression(x)));
            return out;
        }
        if (e instanceof Expression.ObjectCons o) {
            ObjectNode out = JSON.objectNode();
            for (Expression.ObjectCons.Item item : o.items()) {
                out.set(objectKey(item.key()), expression(item.value()));
            }
            return out;
        }
        expressions++;
        return wrap(e);
    }

    private static boolean isLiteralValue(Expression e) {
        return e instanceof Expression.NumberLiteral || e instanceof Expression.BoolLiteral
                || e instanceof Expression.NullLiteral;
    }

    private String objectKey(Expression key) {
        if (key instanceof Expression.Template t) {
            return templateText(t.parts());
        }
        if (key instanceof Expression.NumberLiteral n) {
            return numberText(n.value());
        }
        return "${" + source(key) + "}";
    }

    private JsonNode wrap(Expression e) {
        return JSON.textNode("${" + source(e) + "}");
    }

    private String source(Node n) {
        var s = n.span();
        return text.substring(file.offsetOf(s.line(), s.column()), file.offsetOf(s.endLine(), s.endColumn()));
    }

    private String templateText(List<TemplatePart> parts) {
        StringBuilder out = new StringBuilder();
        for (TemplatePart p : parts) {
            if (p instanceof TemplatePart.Literal l) {
                out.append(escape(l.text()));
            } else if (p instanceof TemplatePart.Interpolation i) {
                out.append(stringPart(i.expression()));
            } else if (p instanceof TemplatePart.If f) {
                out.append("%{if ").append(source(f.condition())).append('}').append(templateText(f.then()));
                String otherwise = templateText(f.otherwise());
                if (!otherwise.isEmpty()) {
                    out.append("%{else}").append(otherwise);
                }
                out.append("%{endif}");
            } else if (p instanceof TemplatePart.For f) {
                out.append("%{for ").append(f.keyVar() == null ? "" : f.keyVar() + ", ").append(f.valueVar())
                        .append(" in ").append(source(f.collection())).append('}').append(templateText(f.body()))
                        .append("%{endfor}");
            }
        }
        return out.toString();
    }

    private String stringPart(Expression e) {
        if (e instanceof Expression.NumberLiteral n) {
            return numberText(n.value());
        }
        if (e instanceof Expression.BoolLiteral b) {
            return Boolean.toString(b.value());
        }
        if (e instanceof Expression.NullLiteral) {
            return "null";
        }
        if (e instanceof Expression.Template t) {
            if (t.parts().size() == 1 && t.parts().get(0) instanceof TemplatePart.Interpolation i) {
                return stringPart(i.expression());
            }
            return templateText(t.parts());
        }
        if (e instanceof Expression.Conditional c) {
            // HashiCorp's tree represents %{ if } as a conditional expression, so hcl2json cannot tell
            // ${ a ? b : c } from %{ if a }b%{ else }c%{ endif } and renders both as the directive.
            String otherwise = stringPart(c.otherwise());
            return "%{if " + source(c.condition()) + "}" + stringPart(c.then())
                    + (otherwise.isEmpty() ? "" : "%{else}" + otherwise) + "%{endif}";
        }
        return "${" + source(e) + "}";
    }

    private static String numberText(BigDecimal n) {
        return n.signum() == 0 ? "0" : n.stripTrailingZeros().toPlainString();
    }

    private static String escape(String s) {
        return s.replace("${", "$${").replace("%{", "%%{");
    }
}
