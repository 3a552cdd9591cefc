package dev.preflight.junit;

import dev.preflight.dsl.Infrastructure;
import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleSet;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;

/**
 * One {@link PreflightTest} member: a field holding a rule (a test), a field holding a rule set (a container of one
 * test per rule), or a method taking the infrastructure (a test).
 */
final class MemberDescriptor extends AbstractTestDescriptor {
    static final String FIELD = "field";
    static final String METHOD = "method";
    static final String RULE = "rule";

    /** What running the test does with the loaded infrastructure. */
    @FunctionalInterface
    interface Body {
        void run(Infrastructure infrastructure) throws Throwable;
    }

    private final Type type;
    private final Body body;

    /**
     * A field's source is a method source named after the field: the platform has no field source, and build
     * tools name a test by its method (Surefire reports a test without one as "null", and two as reruns of one).
     */
    private MemberDescriptor(UniqueId id, String name, Type type, MethodSource source, Body body) {
        super(id, name, source);
        this.type = type;
        this.body = body;
    }

    static TestDescriptor forField(UniqueId parent, Class<?> testClass, Field field) {
        UniqueId id = parent.append(FIELD, field.getName());
        MethodSource source = MethodSource.from(testClass.getName(), field.getName());
        if (!InfrastructureClassDescriptor.isRuleSet(field)) {
            return new MemberDescriptor(id, field.getName(), Type.TEST, source, infrastructure -> {
                Object value = valueOf(testClass, field);
                if (!(value instanceof Rule rule)) {
                    throw new IllegalStateException("@PreflightTest field " + field.getName() + " of "
                            + testClass.getName() + " holds " + value + ", not a Rule or RuleSet");
                }
                rule.check(infrastructure);
            });
        }
        // a rule set is read now, to show each rule as a test of its own; if it cannot be read, that is the test
        RuleSet rules;
        try {
            rules = (RuleSet) valueOf(testClass, field);
        } catch (Throwable e) {
            return new MemberDescriptor(id, field.getName(), Type.TEST, source, infrastructure -> {
                throw e;
            });
        }
        MemberDescriptor container = new MemberDescriptor(id, field.getName(), Type.CONTAINER, source, null);
        for (Rule rule : rules) {
            container.addChild(new MemberDescriptor(id.append(RULE, rule.info().id()), rule.info().id(),
                    Type.TEST, MethodSource.from(testClass.getName(), field.getName() + "[" + rule.info().id() + "]"),
                    rule::check));
        }
        return container;
    }

    static TestDescriptor forMethod(UniqueId parent, Class<?> testClass, Method method) {
        return new MemberDescriptor(parent.append(METHOD, method.getName()), method.getName() + "(Infrastructure)",
                Type.TEST, MethodSource.from(method), infrastructure -> {
                    if (method.getParameterCount() != 1 || method.getParameterTypes()[0] != Infrastructure.class) {
                        throw new IllegalStateException("@PreflightTest method " + method.getName() + " of "
                                + testClass.getName() + " must take one Infrastructure parameter");
                    }
                    method.setAccessible(true);
                    try {
                        method.invoke(Modifier.isStatic(method.getModifiers()) ? null : instance(testClass),
                                infrastructure);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static Object valueOf(Class<?> testClass, Field field) throws ReflectiveOperationException {
        field.setAccessible(true);
        return field.get(Modifier.isStatic(field.getModifiers()) ? null : instance(testClass));
    }

    private static Object instance(Class<?> testClass) throws ReflectiveOperationException {
        Constructor<?> c = testClass.getDeclaredConstructor();
        c.setAccessible(true);
        return c.newInstance();
    }

    /** Runs the test; a container has nothing of its own to run. */
    void run(Infrastructure infrastructure) throws Throwable {
        if (body != null) {
            body.run(infrastructure);
        }
    }

    @Override
    public Type getType() {
        return type;
    }
}
