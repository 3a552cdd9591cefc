package dev.preflight.terraform.syntax;

/**
 * One flat piece of a template before directives are nested: the intermediate form on which strip markers and
 * heredoc indentation are applied. Offsets are 0-based into the source (end exclusive).
 */
sealed interface TemplateSegment {

    /** Start offset in the source. */
    int start();

    /** End offset in the source (exclusive). */
    int end();

    /** Literal text, decoded; mutable because strip markers and heredoc indentation rewrite it. */
    final class Literal implements TemplateSegment {
        String text;
        final int start;
        final int end;

        Literal(String text, int start, int end) {
            this.text = text;
            this.start = start;
            this.end = end;
        }

        @Override
        public int start() {
            return start;
        }

        @Override
        public int end() {
            return end;
        }
    }

    /** {@code ${ expr }}. */
    record Interpolation(Expression expression, boolean stripBefore, boolean stripAfter, int start, int end)
            implements TemplateSegment {
    }

    /** The kinds of {@code %{ }} directive marker. */
    enum DirectiveKind { IF, ELSE, ENDIF, FOR, ENDFOR }

    /** A {@code %{ ... }} marker: {@code expression} is the if-condition or for-collection. */
    record Directive(DirectiveKind kind, Expression expression, String keyVar, String valueVar, boolean stripBefore,
                     boolean stripAfter, int start, int end) implements TemplateSegment {
    }
}
