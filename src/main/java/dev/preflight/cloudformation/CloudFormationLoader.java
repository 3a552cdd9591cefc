package dev.preflight.cloudformation;

import dev.preflight.graph.LoadResult;
import dev.preflight.source.SourceFile;
import java.util.List;
import java.util.Map;

/** Loads one CloudFormation template (YAML or JSON) into graph resources. To be implemented. */
public final class CloudFormationLoader {

    /** @param parameters parameter values given by the user; others take their defaults or stay unknown */
    public LoadResult load(SourceFile template, Map<String, String> parameters) {
        return new LoadResult(List.of(), List.of());
    }
}
