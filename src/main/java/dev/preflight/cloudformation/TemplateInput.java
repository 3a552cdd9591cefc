package dev.preflight.cloudformation;

import dev.preflight.cloudformation.syntax.ParsedTemplate;
import dev.preflight.cloudformation.syntax.TemplateParser;
import dev.preflight.source.SourceFile;
import java.util.List;
import java.util.Optional;

/**
 * A YAML or JSON input parsed, and whether it is a CloudFormation template ({@link TemplateRecognition}). Parsing
 * is the costly part of loading a template and depends on nothing else, so a scan parses its inputs side by side;
 * loading them ({@link CloudFormationLoader#loadAll}) follows nested stacks and imports between them.
 *
 * @param notATemplate why the input is not a template (it is then skipped, not reported), or empty
 */
public record TemplateInput(SourceFile file, ParsedTemplate parsed, Optional<String> notATemplate) {

    /** Parses and recognises {@code file}; never throws. */
    public static TemplateInput parse(SourceFile file) {
        try {
            ParsedTemplate parsed = TemplateParser.parse(file);
            return new TemplateInput(file, parsed, TemplateRecognition.whyNot(file, parsed));
        } catch (RuntimeException | StackOverflowError e) {
            // a bug of ours: reported against the file, which is taken for a template so that it is
            return new TemplateInput(file, new ParsedTemplate(null,
                    List.of(CloudFormationLoader.internalError(file, e))), Optional.empty());
        }
    }

    public boolean isTemplate() {
        return notATemplate.isEmpty();
    }
}
