package dev.preflight.terraform;

import dev.preflight.graph.Value;

/**
 * Names bound inside an expression: {@code count.index}, {@code each.key}/{@code each.value}, for-expression
 * variables, a dynamic block's iterator. An immutable chain: binding returns a new link.
 */
final class Bindings {
    static final Bindings EMPTY = new Bindings(null, null, null);

    private final String name;
    private final Value value;
    private final Bindings outer;

    private Bindings(String name, Value value, Bindings outer) {
        this.name = name;
        this.value = value;
        this.outer = outer;
    }

    Bindings bind(String name, Value value) {
        return new Bindings(name, value, this);
    }

    /** The value bound to {@code name}, or null. */
    Value lookup(String name) {
        for (Bindings b = this; b != null && b.name != null; b = b.outer) {
            if (b.name.equals(name)) {
                return b.value;
            }
        }
        return null;
    }
}
