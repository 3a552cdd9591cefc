package dev.preflight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflight.engine.RuleRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README says what the tool does: its configuration example works as written, and every option is in it. */
class ReadmeTest {
    private static final Path REPO = Path.of("").toAbsolutePath();

    private static String readme() throws Exception {
        return Files.readString(REPO.resolve("README.md"));
    }

    /** The fenced block after the HTML comment that starts with {@code marker}. */
    static String block(String markdown, String marker) {
        int at = markdown.indexOf("<!-- " + marker);
        assertTrue(at >= 0, "README.md has no block marked '" + marker + "'");
        int open = markdown.indexOf("```", at);
        int start = markdown.indexOf('\n', open) + 1;
        return markdown.substring(start, markdown.indexOf("```", start));
    }

    @Test
    void theConfigurationExampleWorksWhenPasted(@TempDir Path dir) throws Exception {
        Path config = dir.resolve(".preflight.yaml");
        Files.writeString(config, block(readme(), "tested by ReadmeTest"));
        CliRun run = CliRun.in(REPO, RuleRegistry.discover().rules(), "scan", "testdata/examples", "--config",
                config.toString());
        assertEquals(1, run.exitCode(), "findings at fail_on: error, no config error: " + run.err());
        assertEquals("", run.err());
        assertTrue(run.out().contains("error[image-latest-tag]"), "its severity applies: " + run.out());
        assertTrue(run.out().contains("${Repository.RepositoryUri}:1.4.2"), "its parameter applies: " + run.out());
    }

    @Test
    void everyScanOptionIsDocumented() throws Exception {
        String readme = readme();
        List<String> missing = new ArrayList<>();
        for (Option o : CommandGrammar.command("scan").options.getOptions()) {
            if (!o.getLongOpt().equals("help") && !readme.contains("`--" + o.getLongOpt())) {
                missing.add("--" + o.getLongOpt());
            }
        }
        assertEquals(List.of(), missing, "options the README's table does not name");
    }
}
