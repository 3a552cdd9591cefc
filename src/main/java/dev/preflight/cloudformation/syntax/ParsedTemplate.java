package dev.preflight.cloudformation.syntax;

import dev.preflight.source.Problem;
import java.util.List;

/** A parsed template: the root node (null when nothing could be read) and what was wrong on the way. */
public record ParsedTemplate(TemplateNode root, List<Problem> problems) {
    public ParsedTemplate {
        problems = List.copyOf(problems);
    }
}
