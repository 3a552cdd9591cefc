package dev.preflight.terraform.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every Terraform fixture under testdata/ is valid Terraform: {@code terraform validate} accepts it. */
class FixtureValidityTest {

    @Test
    void everyTerraformFixtureValidates() {
        TerraformCli cli = TerraformCli.require();
        List<Path> fixtures = TerraformFixtures.roots();
        List<String> invalid = new ArrayList<>();
        for (FixtureRun run : FixtureRuns.of(cli, fixtures)) {
            String why = run.invalidity();
            if (why != null) {
                invalid.add(run.fixture + ":\n" + why.indent(4));
            }
        }
        System.out.println("== terraform validate: " + fixtures.size() + " fixture directories, "
                + invalid.size() + " invalid; opted out: " + TerraformFixtures.optedOutDirectories());
        assertEquals(List.of(), invalid, "fixtures Terraform rejects:\n" + String.join("\n", invalid));
    }
}
