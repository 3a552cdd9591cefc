package dev.preflight.junit;

import dev.preflight.dsl.Infrastructure;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.ClasspathRootSelector;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.PackageSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;

/**
 * The JUnit Platform engine that runs {@link AnalyzeInfrastructure} classes (engine id {@code preflight}), as
 * ArchUnit's engine runs {@code @AnalyzeClasses} classes. Registered in
 * {@code META-INF/services/org.junit.platform.engine.TestEngine}; Surefire, Gradle and IDEs find it on the test
 * class path and run it beside Jupiter. Each class's infrastructure is loaded once per run, shared by the classes
 * that name the same inputs; a load that fails fails the class.
 *
 * <pre>{@code
 * mvn test -Dtest=InfrastructureRulesTest     # selects the class, as for any other test class
 * }</pre>
 */
public final class PreflightTestEngine implements TestEngine {
    /** The engine's id, the first segment of its tests' unique ids. */
    public static final String ID = "preflight";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("dev.preflight");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("preflight");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        EngineDescriptor engine = new EngineDescriptor(uniqueId, "preflight");
        Predicate<String> names = className -> request.getFiltersByType(ClassNameFilter.class).stream()
                .allMatch(f -> f.apply(className).included());
        for (ClasspathRootSelector s : request.getSelectorsByType(ClasspathRootSelector.class)) {
            ReflectionSupport.findAllClassesInClasspathRoot(s.getClasspathRoot(),
                    InfrastructureClassDescriptor::isTestClass, names).forEach(c -> add(engine, c, null));
        }
        for (PackageSelector s : request.getSelectorsByType(PackageSelector.class)) {
            ReflectionSupport.findAllClassesInPackage(s.getPackageName(), InfrastructureClassDescriptor::isTestClass,
                    names).forEach(c -> add(engine, c, null));
        }
        for (ClassSelector s : request.getSelectorsByType(ClassSelector.class)) {
            add(engine, s.getJavaClass(), null);
        }
        for (MethodSelector s : request.getSelectorsByType(MethodSelector.class)) {
            add(engine, s.getJavaClass(), s.getMethodName());
        }
        for (UniqueIdSelector s : request.getSelectorsByType(UniqueIdSelector.class)) {
            addByUniqueId(engine, s.getUniqueId());
        }
        return engine;
    }

    /** Adds {@code testClass} (when it is one) with its member {@code only}, or all members when null. */
    private static void add(EngineDescriptor engine, Class<?> testClass, String only) {
        if (!InfrastructureClassDescriptor.isTestClass(testClass)) {
            return;
        }
        UniqueId id = engine.getUniqueId().append(InfrastructureClassDescriptor.SEGMENT, testClass.getName());
        InfrastructureClassDescriptor descriptor = (InfrastructureClassDescriptor) engine.getChildren().stream()
                .filter(c -> c.getUniqueId().equals(id)).findFirst().orElse(null);
        if (descriptor == null) {
            descriptor = new InfrastructureClassDescriptor(engine.getUniqueId(), testClass);
            engine.addChild(descriptor);
        }
        descriptor.addMembers(only);
    }

    /** [engine:preflight]/[class:x.Y]/[field:z]...: the class, and the member when named. */
    private static void addByUniqueId(EngineDescriptor engine, UniqueId id) {
        List<UniqueId.Segment> segments = id.getSegments();
        if (segments.size() < 2 || !engine.getUniqueId().equals(UniqueId.root(segments.get(0).getType(),
                segments.get(0).getValue())) || !segments.get(1).getType().equals(InfrastructureClassDescriptor.SEGMENT)) {
            return;
        }
        Optional<Class<?>> c = ReflectionSupport.tryToLoadClass(segments.get(1).getValue()).toOptional();
        c.ifPresent(testClass -> add(engine, testClass, segments.size() > 2 ? segments.get(2).getValue() : null));
    }

    @Override
    public void execute(ExecutionRequest request) {
        TestDescriptor engine = request.getRootTestDescriptor();
        EngineExecutionListener listener = request.getEngineExecutionListener();
        listener.executionStarted(engine);
        Map<List<String>, Infrastructure> loaded = new HashMap<>();
        for (TestDescriptor child : engine.getChildren()) {
            runClass((InfrastructureClassDescriptor) child, listener, loaded);
        }
        listener.executionFinished(engine, TestExecutionResult.successful());
    }

    private static void runClass(InfrastructureClassDescriptor testClass, EngineExecutionListener listener,
                                 Map<List<String>, Infrastructure> loaded) {
        listener.executionStarted(testClass);
        Infrastructure infrastructure;
        try {
            infrastructure = loaded.computeIfAbsent(testClass.inputsKey(), k -> testClass.load());
        } catch (RuntimeException e) {
            listener.executionFinished(testClass, TestExecutionResult.failed(e));
            return;
        }
        for (TestDescriptor member : testClass.getChildren()) {
            run((MemberDescriptor) member, infrastructure, listener);
        }
        listener.executionFinished(testClass, TestExecutionResult.successful());
    }

    private static void run(MemberDescriptor test, Infrastructure infrastructure, EngineExecutionListener listener) {
        listener.executionStarted(test);
        TestExecutionResult result;
        try {
            test.run(infrastructure);
            for (TestDescriptor child : test.getChildren()) {
                run((MemberDescriptor) child, infrastructure, listener);
            }
            result = TestExecutionResult.successful();
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError e) {
                throw e;
            }
            result = TestExecutionResult.failed(t);
        }
        listener.executionFinished(test, result);
    }
}
