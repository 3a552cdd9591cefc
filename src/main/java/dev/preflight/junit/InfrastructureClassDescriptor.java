package dev.preflight.junit;

import dev.preflight.check.InfrastructureImporter;
import dev.preflight.dsl.Infrastructure;
import dev.preflight.dsl.RuleSet;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;

/**
 * An {@link AnalyzeInfrastructure} class: a container whose children are its {@link PreflightTest} fields and
 * methods, in declaration order as the JVM reports it, sorted by name for a stable order.
 */
final class InfrastructureClassDescriptor extends AbstractTestDescriptor {
    static final String SEGMENT = "class";

    private final Class<?> testClass;

    InfrastructureClassDescriptor(UniqueId parent, Class<?> testClass) {
        super(parent.append(SEGMENT, testClass.getName()), testClass.getSimpleName(), ClassSource.from(testClass));
        this.testClass = testClass;
    }

    static boolean isTestClass(Class<?> c) {
        return c.isAnnotationPresent(AnalyzeInfrastructure.class) && !Modifier.isAbstract(c.getModifiers());
    }

    /** Adds the members named {@code only} (all when null). */
    void addMembers(String only) {
        List<Field> fields = new ArrayList<>(Arrays.asList(testClass.getDeclaredFields()));
        fields.sort(Comparator.comparing(Field::getName));
        for (Field f : fields) {
            if (f.isAnnotationPresent(PreflightTest.class) && (only == null || only.equals(f.getName()))
                    && findChild(MemberDescriptor.FIELD, f.getName()) == null) {
                addChild(MemberDescriptor.forField(getUniqueId(), testClass, f));
            }
        }
        List<Method> methods = new ArrayList<>(Arrays.asList(testClass.getDeclaredMethods()));
        methods.sort(Comparator.comparing(Method::getName));
        for (Method m : methods) {
            if (m.isAnnotationPresent(PreflightTest.class) && (only == null || only.equals(m.getName()))
                    && findChild(MemberDescriptor.METHOD, m.getName()) == null) {
                addChild(MemberDescriptor.forMethod(getUniqueId(), testClass, m));
            }
        }
    }

    private Object findChild(String segment, String name) {
        UniqueId id = getUniqueId().append(segment, name);
        return getChildren().stream().filter(c -> c.getUniqueId().equals(id)).findFirst().orElse(null);
    }

    Class<?> testClass() {
        return testClass;
    }

    /** What to load, as a key: classes that name the same inputs share one load. */
    List<String> inputsKey() {
        AnalyzeInfrastructure a = testClass.getAnnotation(AnalyzeInfrastructure.class);
        List<String> key = new ArrayList<>();
        key.add(String.join("\0", a.paths()));
        key.add(String.join("\0", a.variables()));
        key.add(String.join("\0", a.varFiles()));
        key.add(String.join("\0", a.parameters()));
        return key;
    }

    /** Loads what the annotation names. */
    Infrastructure load() {
        AnalyzeInfrastructure a = testClass.getAnnotation(AnalyzeInfrastructure.class);
        InfrastructureImporter importer = new InfrastructureImporter();
        for (String v : a.variables()) {
            String[] kv = pair(v, "variables");
            importer = importer.withVariable(kv[0], kv[1]);
        }
        for (String p : a.parameters()) {
            String[] kv = pair(p, "parameters");
            importer = importer.withParameter(kv[0], kv[1]);
        }
        for (String f : a.varFiles()) {
            importer = importer.withVarFile(Path.of(f));
        }
        List<Path> paths = new ArrayList<>();
        for (String p : a.paths()) {
            paths.add(Path.of(p));
        }
        return importer.importPaths(paths);
    }

    private String[] pair(String text, String attribute) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("@AnalyzeInfrastructure(" + attribute + ") of " + testClass.getName()
                    + " takes name=value, not '" + text + "'");
        }
        return new String[] {text.substring(0, eq), text.substring(eq + 1)};
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    /** A RuleSet field is a container of one test per rule; the others are tests. */
    static boolean isRuleSet(Field f) {
        return RuleSet.class.isAssignableFrom(f.getType());
    }
}
