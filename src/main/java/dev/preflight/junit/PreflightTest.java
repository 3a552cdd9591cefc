package dev.preflight.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test in an {@link AnalyzeInfrastructure} class, as ArchUnit's {@code @ArchTest}: a field holding a
 * {@link dev.preflight.dsl.Rule} (checked), or a {@link dev.preflight.dsl.RuleSet} (each rule its own test), or a
 * method taking an {@link dev.preflight.dsl.Infrastructure}. Fields and methods may be static; for instance ones
 * the class needs a constructor without arguments.
 *
 * <pre>{@code
 * @PreflightTest
 * static final Rule ownerTags = FrozenRule.freeze(new ServiceOwnerTag());
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface PreflightTest {
}
