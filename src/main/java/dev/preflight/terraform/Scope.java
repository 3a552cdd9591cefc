package dev.preflight.terraform;

import dev.preflight.graph.ResourceId;
import dev.preflight.graph.Value;
import dev.preflight.source.Span;
import java.nio.file.Path;

/** What the names of one module instance mean: its variables, locals, resources, data sources and module calls. */
interface Scope {
    /** {@code var.name}. */
    Value variable(String name, Span use);

    /** {@code local.name}. */
    Value local(String name, Span use);

    /** {@code type.name}: the resource (a reference), a list/map of instances, or null when not declared. */
    Value resource(String type, String name, Span use);

    /** {@code data.type.name}, or null when not declared. */
    Value data(String type, String name, Span use);

    /** {@code module.call}: an object of the call's outputs (a list/map of them for count/for_each). */
    Value moduleCall(String call, Span use);

    /** {@code module.call.output} for a call without count/for_each, or the given instance key. */
    Value moduleOutput(String call, Value instanceKey, String output, Span use);

    /** The module's directory on disk, for {@code path.module} and {@code file()}. */
    Path directory();

    /** The root module's directory. */
    Path rootDirectory();

    /** Whether {@code resource}, referred to as a whole, has neither count nor for_each (a single instance). */
    default boolean isSingleInstance(ResourceId resource) {
        return false;
    }

    /** The files this scope's {@code file()} and {@code templatefile()} read; none by default. */
    default ModuleFiles files() {
        return ModuleFiles.NONE;
    }
}
