package dev.preflight.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * The example user project in testdata/custom-rules, compiled with the JDK's compiler against this build's classes
 * and the test class path (JUnit), as its own Maven build would against the installed artifact.
 */
final class ExampleProject {
    static final Path ROOT = Path.of("testdata", "custom-rules");

    private ExampleProject() {
    }

    /** Its main and test classes, compiled into {@code out}. */
    static JavaClasses compile(Path out) throws IOException {
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-cp",
                System.getProperty("java.class.path"), "-proc:none", "-nowarn", "--release", "17"));
        for (String tree : List.of("src/main/java", "src/test/java")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(tree))) {
                files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(f -> args.add(f.toString()));
            }
        }
        int code = ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new));
        if (code != 0) {
            throw new IllegalStateException("the example project does not compile against this build (see above)");
        }
        return new ClassFileImporter().importPath(out);
    }
}
