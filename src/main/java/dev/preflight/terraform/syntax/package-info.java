/**
 * HCL native syntax as a tree with exact spans: the Terraform syntax layer. The parser here is the project's own,
 * written from HashiCorp's HCL native syntax specification (see {@link dev.preflight.terraform.syntax.HclParser}).
 *
 * <p>Pipeline: {@code Lexer} (one pass, with a mode stack for strings, heredocs and template sequences) fills a
 * {@code TokenBuffer}; {@code BodyParser} reads bodies, attributes and blocks; {@code ExpressionParser} reads
 * expressions; {@code TemplateParser} reads strings and heredocs into segments, which {@code TemplateStripping}
 * ({@code ~} markers, {@code <<-} indentation) and {@code TemplateTreeBuilder} (nesting of {@code %{if}} and
 * {@code %{for}}) turn into {@link dev.preflight.terraform.syntax.TemplatePart}s. {@code TokenCursor} is the shared
 * read position: it knows where newlines matter and caps nesting depth.
 */
package dev.preflight.terraform.syntax;
