package dev.preflight.terraform;

import dev.preflight.graph.LoadResult;
import dev.preflight.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Loads one Terraform root module (a directory of {@code .tf}/{@code .tf.json} files, plus its tfvars) into graph
 * resources, following local module calls. To be implemented.
 */
public final class TerraformLoader {

    /**
     * @param moduleDir  the root module's directory
     * @param files      its {@code .tf}, {@code .tf.json}, {@code terraform.tfvars} and {@code *.auto.tfvars} files
     * @param variables  variable values given by the user (config file, command line), as HCL expressions' text
     */
    public LoadResult load(Path moduleDir, List<SourceFile> files, Map<String, String> variables) {
        return new LoadResult(List.of(), List.of());
    }
}
