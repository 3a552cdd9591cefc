package dev.preflight.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Terraform fixture is a valid configuration for the AWS provider: {@code terraform init} and
 * {@code terraform validate} on a copy of it. Slow (seconds per fixture) and needs a local provider mirror, so it
 * runs only when asked: {@code mvn test -Dtest=TerraformValidateTest -Dpreflight.terraformValidate=/opt/tf-plugins}
 * (the value is the plugin directory holding registry.terraform.io/hashicorp/aws).
 */
class TerraformValidateTest {
    static Stream<Fixture> terraformFixtures() {
        return FixtureTest.fixtures().filter(Fixture::terraform);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("terraformFixtures")
    void isValidTerraform(Fixture fixture) throws IOException, InterruptedException {
        String plugins = System.getProperty("preflight.terraformValidate", "");
        assumeTrue(!plugins.isEmpty() && Files.isDirectory(Path.of(plugins)),
                "set -Dpreflight.terraformValidate=<plugin dir> to run terraform validate");
        Path copy = Files.createTempDirectory("preflight-validate");
        try {
            copyTree(fixture.path(), copy);
            run(copy, "terraform", "init", "-backend=false", "-input=false", "-plugin-dir=" + plugins);
            String out = run(copy, "terraform", "validate", "-no-color");
            assertEquals(true, out.contains("Success!"), fixture + ":\n" + out);
        } finally {
            deleteTree(copy);
        }
    }

    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("CHECKPOINT_DISABLE", "1");
        pb.environment().put("TF_CLI_CONFIG_FILE", "/dev/null");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(120, TimeUnit.SECONDS);
        return out;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

}
