package dev.preflight.cloudformation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.preflight.cloudformation.syntax.MappingNode;
import dev.preflight.cloudformation.syntax.ParsedTemplate;
import dev.preflight.cloudformation.syntax.SequenceNode;
import dev.preflight.cloudformation.syntax.TemplateNode;
import dev.preflight.cloudformation.syntax.TemplateParser;
import dev.preflight.source.SourceFile;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a YAML or JSON file is a CloudFormation template the way CloudFormation reads one: a mapping that
 * declares {@code AWSTemplateFormatVersion} or a {@code Transform}, or whose {@code Resources} is a mapping of
 * logical ids to mappings with a {@code Type}. Discovery only sniffs the text for {@code Resources} and an
 * {@code AWS::} type, which CodeDeploy AppSpec files (a list of resources), cfn-guard test files (a list of cases
 * embedding template fragments), a Serverless Framework file (its templates nested under {@code resources}) or a
 * macro's event payload also have; those are skipped, not reported.
 *
 * <p>A file that does not parse is judged from what it says at its top level: a YAML line starting at column 1 with
 * {@code AWSTemplateFormatVersion:} or {@code Transform:}, or {@code Resources:} followed by an indented mapping of
 * typed resources; for JSON, the top-level keys read before the syntax error. Such a file is a template with a
 * syntax error, which is a real defect and is reported; text that only mentions those words deeper down (a Kubernetes
 * manifest embedding a template in a ConfigMap) is not, nor is a file that fails because it holds a template engine's
 * markup (a Helm chart's or a Sceptre/Jinja template, which CloudFormation only ever sees rendered).
 */
final class TemplateRecognition {
    private static final Pattern YAML_DECLARATION = Pattern.compile(
            "(?m)^[\"']?(AWSTemplateFormatVersion|Transform)[\"']?[ \\t]*:");
    private static final Pattern YAML_RESOURCES = Pattern.compile("(?m)^[\"']?Resources[\"']?[ \\t]*:[ \\t]*(#.*)?$");
    /** The first line with content after {@code Resources:}: an indented key opens a mapping, "- " a list. */
    private static final Pattern NEXT_CONTENT_LINE = Pattern.compile("(?m)^([ \\t]*)([^\\s#].*)$");
    private static final Pattern YAML_TYPE = Pattern.compile("(?m)^[ \\t]+[\"']?Type[\"']?[ \\t]*:[ \\t]*[\"']?"
            + "[A-Za-z0-9]+::");
    /**
     * Markup of a template engine (Go templates, Jinja): {@code {{ ... }}} other than CloudFormation's own dynamic
     * references ({@code {{resolve:...}}}), or a {@code {% ... %}} statement.
     */
    private static final Pattern TEMPLATE_ENGINE_MARKUP = Pattern.compile("\\{\\{(?!resolve:)|\\{%");
    private static final JsonFactory LENIENT_JSON =
            JsonFactory.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).build();

    private TemplateRecognition() {
    }

    /** Why {@code file} is not a CloudFormation template, or empty when it is one. */
    static Optional<String> whyNot(SourceFile file, ParsedTemplate parsed) {
        TemplateNode root = parsed.root();
        if (root == null) {
            if (TEMPLATE_ENGINE_MARKUP.matcher(file.text()).find()) {
                return Optional.of("not a CloudFormation template: it does not parse and holds a template"
                        + " engine's markup ({{ }} or {% %}, as Helm, Jinja or Sceptre write), which CloudFormation"
                        + " never sees; scan the rendered file");
            }
            return declaresTemplate(file.text()) ? Optional.empty()
                    : Optional.of("not a CloudFormation template: it does not parse"
                    + (TemplateParser.looksLikeJson(file.text()) ? " as JSON" : " as YAML")
                    + " and declares no AWSTemplateFormatVersion, Transform or Resources at its top level");
        }
        if (root instanceof SequenceNode) {
            return Optional.of("not a CloudFormation template: the document is a list, not a mapping"
                    + " (the shape of cfn-guard test files and parameter files)");
        }
        if (!(root instanceof MappingNode template)) {
            return Optional.of("not a CloudFormation template: the document is a single value, not a mapping");
        }
        if (template.entry("AWSTemplateFormatVersion").isPresent() || template.entry("Transform").isPresent()) {
            return Optional.empty();
        }
        Optional<TemplateNode> resources = template.get("Resources");
        if (resources.isEmpty()) {
            return Optional.of("not a CloudFormation template: no AWSTemplateFormatVersion, Transform or Resources"
                    + " at its top level");
        }
        if (!(resources.get() instanceof MappingNode section)) {
            return Optional.of("not a CloudFormation template: its Resources is "
                    + (resources.get() instanceof SequenceNode ? "a list (the shape of a CodeDeploy AppSpec file)"
                    : "not a mapping") + ", not a mapping of logical ids to resources");
        }
        for (MappingNode.Entry e : section.entries()) {
            if (e.value() instanceof MappingNode body && body.entry("Type").isPresent()) {
                return Optional.empty();
            }
        }
        return Optional.of("not a CloudFormation template: no entry of its Resources has a Type");
    }

    /** Whether the text of a file that does not parse declares a template at its top level. */
    static boolean declaresTemplate(String text) {
        return TemplateParser.looksLikeJson(text) ? jsonDeclaresTemplate(text) : yamlDeclaresTemplate(text);
    }

    private static boolean yamlDeclaresTemplate(String text) {
        if (YAML_DECLARATION.matcher(text).find()) {
            return true;
        }
        Matcher resources = YAML_RESOURCES.matcher(text);
        if (!resources.find()) {
            return false;
        }
        Matcher next = NEXT_CONTENT_LINE.matcher(text);
        if (!next.find(resources.end())) {
            return false;
        }
        boolean indentedMapping = !next.group(1).isEmpty() && !next.group(2).startsWith("-");
        return indentedMapping && YAML_TYPE.matcher(text).find(resources.end());
    }

    /**
     * The top-level keys Jackson reads before the syntax error: {@code AWSTemplateFormatVersion} or
     * {@code Transform}, or a {@code Resources} object one of whose entries has a {@code Type}.
     */
    private static boolean jsonDeclaresTemplate(String text) {
        try (JsonParser parser = LENIENT_JSON.createParser(text)) {
            int depth = 0;
            boolean inResourcesObject = false;
            String topKey = null;
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    depth++;
                    if (depth == 2) {
                        inResourcesObject = "Resources".equals(topKey) && t == JsonToken.START_OBJECT;
                    }
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    depth--;
                } else if (t == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    if (depth == 1) {
                        if (name.equals("AWSTemplateFormatVersion") || name.equals("Transform")) {
                            return true;
                        }
                        topKey = name;
                    } else if (depth == 3 && inResourcesObject && name.equals("Type")) {
                        return true;
                    }
                }
            }
        } catch (IOException e) {
            // the syntax error: what was read before it has been judged
        }
        return false;
    }
}
