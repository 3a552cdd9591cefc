package dev.preflight.cloudformation;

import dev.preflight.graph.Value;
import java.util.Optional;

/** The values a parent stack passes to a nested stack's parameters. A template deployed on its own has none. */
interface ParameterBindings {
    ParameterBindings NONE = name -> Optional.empty();

    /**
     * The value the parent passes for parameter {@code name}, as the parent evaluates it; empty when the parent
     * does not pass it (the parameter then takes its default).
     */
    Optional<Value> passed(String name);
}
