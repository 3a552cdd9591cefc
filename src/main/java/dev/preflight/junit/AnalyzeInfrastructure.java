package dev.preflight.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class whose {@link PreflightTest} fields and methods check the infrastructure in {@link #paths}, as
 * ArchUnit's {@code @AnalyzeClasses} does for classes. The paths are loaded once per test run and shared by every
 * class that names the same ones.
 *
 * <pre>{@code
 * @AnalyzeInfrastructure(paths = {"infra/terraform", "infra/cloudformation"}, variables = "environment=prod")
 * class PolicyTest { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AnalyzeInfrastructure {
    /** Files and folders to load, relative to the working directory (the project's directory under Maven). */
    String[] paths();

    /** Terraform variables as {@code name=value} (string values, as {@code terraform plan -var}). */
    String[] variables() default {};

    /** Terraform {@code .tfvars} files to load with the modules. */
    String[] varFiles() default {};

    /** CloudFormation parameters as {@code Name=value}. */
    String[] parameters() default {};
}
