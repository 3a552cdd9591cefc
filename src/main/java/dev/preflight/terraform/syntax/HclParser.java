package dev.preflight.terraform.syntax;

import dev.preflight.source.SourceFile;

/**
 * Parses HCL native syntax ({@code .tf}, {@code .tfvars}) into a {@link ConfigFile} with exact spans.
 *
 * <p>Written from HashiCorp's HCL native syntax specification: a one-pass {@link Lexer} (with template and heredoc
 * modes), then hand-written recursive descent ({@link BodyParser}, {@link ExpressionParser},
 * {@link TemplateParser}). Linear in the size of the input; never throws anything but {@link HclSyntaxException}.
 */
public final class HclParser {
    private HclParser() {
    }

    /**
     * Parses a template file as Terraform's {@code templatefile()} reads it: the whole text is a template. On invalid
     * input, throws with the span of the first error.
     */
    public static Expression.Template parseTemplate(SourceFile source) throws HclSyntaxException {
        Lexer.Result lexed = Lexer.lexTemplate(source);
        TokenCursor cursor = new TokenCursor(source, lexed.tokens());
        try {
            return new ExpressionParser(cursor).templates().parseTemplateFile();
        } catch (StackOverflowError e) {
            int end = source.text().length();
            throw new HclSyntaxException(source.span(end, end), "nesting too deep for this parser's stack");
        }
    }

    /** Parses one file; on invalid input, throws with the span of the first error and what was expected there. */
    public static ConfigFile parse(SourceFile source) throws HclSyntaxException {
        Lexer.Result lexed = Lexer.lex(source);
        TokenCursor cursor = new TokenCursor(source, lexed.tokens());
        try {
            Body body = new BodyParser(cursor).parseFile();
            return new ConfigFile(source, body, lexed.comments());
        } catch (StackOverflowError e) {
            // A safety net only: the cursor's depth guard stops real nesting well before this on normal stacks.
            int end = source.text().length();
            throw new HclSyntaxException(source.span(end, end), "nesting too deep for this parser's stack");
        }
    }
}
