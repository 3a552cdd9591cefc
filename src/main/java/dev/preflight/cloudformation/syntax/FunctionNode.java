package dev.preflight.cloudformation.syntax;

import dev.preflight.source.Span;

/**
 * An intrinsic function call, whichever way it was written: {@code !GetAtt A.B}, {@code Fn::GetAtt: [A, B]},
 * {@code {"Fn::GetAtt": ["A", "B"]}}. {@code name} is always the long name ({@code Ref}, {@code Condition},
 * {@code Fn::GetAtt}); {@code nameSpan} covers the tag or the key; {@code span} covers the whole call.
 */
public record FunctionNode(String name, TemplateNode argument, boolean shortForm, Span nameSpan, Span span)
        implements TemplateNode {
}
