package dev.preflight.terraform;

import dev.preflight.graph.Value;
import dev.preflight.source.Span;

/**
 * A scope where Terraform allows no references to the configuration (variable defaults, tfvars, template files):
 * every variable, local, resource, data source and module is refused, each kind of scope in its own way.
 */
abstract class ClosedScope implements Scope {

    /** The value of a reference to {@code what}, which this scope does not allow. */
    abstract Value refused(String what, Span use);

    @Override
    public Value variable(String name, Span use) {
        return refused("var." + name, use);
    }

    @Override
    public Value local(String name, Span use) {
        return refused("local." + name, use);
    }

    @Override
    public Value resource(String type, String name, Span use) {
        return refused(type + "." + name, use);
    }

    @Override
    public Value data(String type, String name, Span use) {
        return refused("data." + type + "." + name, use);
    }

    @Override
    public Value moduleCall(String call, Span use) {
        return refused("module." + call, use);
    }

    @Override
    public Value moduleOutput(String call, Value instanceKey, String output, Span use) {
        return refused("module." + call, use);
    }
}
