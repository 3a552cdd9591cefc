package dev.preflight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflight.engine.ConfigLoader;
import dev.preflight.engine.RuleRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.cli.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README says what the tool does: its configuration example works as written, every option and config key is in
 * it, and every page it links to exists.
 */
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

    @Test
    void everyConfigKeyIsInTheExample() throws Exception {
        String example = block(readme(), "tested by ReadmeTest");
        List<String> missing = new ArrayList<>();
        for (String key : ConfigLoader.KEYS) {
            // a key below a section (terraform.var_files) shows as the section's key and its own
            if (!Arrays.stream(key.split("\\.")).allMatch(part -> example.contains(part + ":"))) {
                missing.add(key);
            }
        }
        assertEquals(List.of(), missing, "config keys the README's example does not show");
    }

    @Test
    void everyLinkedFileExists() throws Exception {
        List<String> broken = new ArrayList<>();
        Matcher link = Pattern.compile("\\]\\(([^)#:]+)(#[^)]*)?\\)").matcher(readme());
        while (link.find()) {
            if (!Files.exists(REPO.resolve(link.group(1)))) {
                broken.add(link.group(1));
            }
        }
        assertEquals(List.of(), broken, "links in README.md to files that do not exist");
    }
}
