package dev.preflight.dsl;

import java.util.function.Function;

/**
 * A single answer that may be unknown before apply: the route table of a subnet whose association is computed,
 * the zone of a subnet given by a data source. The reason travels with it so that rules can explain their silence.
 *
 * <pre>{@code
 * Known<RouteTable> table = Network.routeTableOf(subnet, graph);
 * if (!table.isKnown()) {
 *     events.unknown(subnet, table.unknownReason());
 * }
 * }</pre>
 */
public record Known<T>(T value, String unknownReason) {

    /** A known answer. */
    public static <T> Known<T> of(T value) {
        return new Known<>(value, null);
    }

    /** An answer that depends on something not known before apply. */
    public static <T> Known<T> unknown(String why) {
        return new Known<>(null, why);
    }

    /** Whether the answer is known. */
    public boolean isKnown() {
        return unknownReason == null;
    }

    /** The answer transformed, or still unknown for the same reason. */
    public <R> Known<R> map(Function<T, R> f) {
        return isKnown() ? of(f.apply(value)) : unknown(unknownReason);
    }

    /** The answer chained into another answer that may itself be unknown. */
    public <R> Known<R> flatMap(Function<T, Known<R>> f) {
        return isKnown() ? f.apply(value) : unknown(unknownReason);
    }
}
