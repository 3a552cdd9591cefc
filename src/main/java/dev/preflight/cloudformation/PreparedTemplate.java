package dev.preflight.cloudformation;

import dev.preflight.source.SourceFile;

/**
 * One input of a scan made ready for {@link CloudFormationLoader#loadPrepared}: either already loaded on its own ({@code alone}: a template linked to no other), or
 * parsed and waiting for the templates it is linked to ({@code linked}: it nests, exports or imports; or it is not
 * a template, and {@code linked} holds why). Exactly one of the two is set.
 */
public record PreparedTemplate(SourceFile file, TemplateInput linked, StackSetLoad alone) {
    public PreparedTemplate {
        if ((linked == null) == (alone == null)) {
            throw new IllegalArgumentException("a prepared template is either loaded alone or linked");
        }
    }

    /** An input that is loaded with the others, not on its own. */
    public static PreparedTemplate linked(TemplateInput input) {
        return new PreparedTemplate(input.file(), input, null);
    }
}
