package dev.preflight.check;

import dev.preflight.dsl.Infrastructure;
import dev.preflight.engine.ScanRequest;
import dev.preflight.engine.ScannedInfrastructure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads Terraform modules, CloudFormation templates and Terraform plan JSON into an {@link Infrastructure} to check
 * rules against, as ArchUnit's {@code ClassFileImporter} loads classes. Paths are read as {@code preflight scan}
 * reads them (a directory is searched, a {@code .tf} file stands for its module); findings name files relative to
 * the working directory, or to {@link #relativeTo}. Immutable: every {@code with} method returns a new importer.
 *
 * <pre>{@code
 * Infrastructure infrastructure = new InfrastructureImporter()
 *         .withVariable("environment", "prod")
 *         .importPaths(Path.of("src/test/resources/infra"));
 * }</pre>
 */
public final class InfrastructureImporter {
    private final Map<String, String> variables;
    private final Map<String, String> parameters;
    private final List<Path> varFiles;
    private final Path baseDir;

    /** An importer with no variables, relative to the working directory. */
    public InfrastructureImporter() {
        this(Map.of(), Map.of(), List.of(), Path.of("").toAbsolutePath());
    }

    private InfrastructureImporter(Map<String, String> variables, Map<String, String> parameters,
                                   List<Path> varFiles, Path baseDir) {
        this.variables = variables;
        this.parameters = parameters;
        this.varFiles = varFiles;
        this.baseDir = baseDir;
    }

    /** A Terraform variable's value, as a string ({@code terraform plan -var name=value}). */
    public InfrastructureImporter withVariable(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(variables);
        more.put(name, ScanRequest.stringVariable(value));
        return new InfrastructureImporter(more, parameters, varFiles, baseDir);
    }

    /** A Terraform {@code .tfvars} file to load with the modules. */
    public InfrastructureImporter withVarFile(Path file) {
        List<Path> more = new ArrayList<>(varFiles);
        more.add(file);
        return new InfrastructureImporter(variables, parameters, more, baseDir);
    }

    /** A CloudFormation parameter's value. */
    public InfrastructureImporter withParameter(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(parameters);
        more.put(name, value);
        return new InfrastructureImporter(variables, more, varFiles, baseDir);
    }

    /** Findings name files relative to {@code directory} instead of the working directory. */
    public InfrastructureImporter relativeTo(Path directory) {
        return new InfrastructureImporter(variables, parameters, varFiles, directory.toAbsolutePath());
    }

    /** Loads {@code paths} (files or directories). */
    public Infrastructure importPaths(Path... paths) {
        return importPaths(Arrays.asList(paths));
    }

    /** Loads {@code paths} (files or directories). */
    public Infrastructure importPaths(Collection<Path> paths) {
        List<Path> all = new ArrayList<>();
        for (Path p : paths) {
            all.add(baseDir.resolve(p).normalize());
        }
        for (Path f : varFiles) {
            all.add(baseDir.resolve(f).normalize());
        }
        return ScannedInfrastructure.load(all, baseDir, variables, parameters);
    }
}
