package dev.preflight.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the file system can do to a scan: files and directories it may not read, symbolic link loops, broken links,
 * names with spaces and non-ASCII characters. Each is reported by name with exit code 2, and the good module next to
 * it is still checked.
 */
class FilesystemInputTest {
    @TempDir
    Path dir;

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** chmod 000 stops nobody when the tests run as root: such a run cannot show the case, so it is skipped. */
    private static void assumeUnreadable(Path p) {
        assumeFalse(Files.isReadable(p),
                "running as root (or with CAP_DAC_OVERRIDE): " + p + " is still readable after chmod 000; skipped");
    }

    @Test
    void unreadableFile() throws IOException {
        assumeTrue(posix(dir));
        String good = CliScan.writeGoodModule(dir);
        Path bad = dir.resolve("locked/main.tf");
        Files.createDirectories(bad.getParent());
        Files.writeString(bad, CliScan.GOOD_TF);
        Files.setPosixFilePermissions(bad, PosixFilePermissions.fromString("---------"));
        try {
            assumeUnreadable(bad);
            CliScan.Outcome o = CliScan.scan(dir, ".");
            assertEquals(2, o.exitCode(), o::toString);
            List<JsonNode> errors = o.errorsIn("locked/main.tf");
            assertEquals(1, errors.size(), o::toString);
            assertTrue(errors.get(0).path("message").asText().toLowerCase().contains("permission denied"),
                    o::toString);
            assertTrue(o.goodFileChecked(good), o::toString);
        } finally {
            Files.setPosixFilePermissions(bad, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void unreadableDirectory() throws IOException {
        assumeTrue(posix(dir));
        String good = CliScan.writeGoodModule(dir);
        Path locked = dir.resolve("locked");
        Files.createDirectories(locked);
        Files.writeString(locked.resolve("main.tf"), CliScan.GOOD_TF);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            assumeUnreadable(locked);
            CliScan.Outcome o = CliScan.scan(dir, ".");
            assertEquals(2, o.exitCode(), o::toString);
            assertEquals(1, o.errorsIn("locked").size(), o::toString);
            assertTrue(o.goodFileChecked(good), o::toString);
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void symbolicLinkLoopIsReportedAndEnds() throws IOException {
        String good = CliScan.writeGoodModule(dir);
        Path sub = dir.resolve("stacks/nested");
        Files.createDirectories(sub);
        Files.createSymbolicLink(sub.resolve("back"), dir.resolve("stacks"));
        CliScan.Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> CliScan.scan(dir, "."));
        assertEquals(2, o.exitCode(), o::toString);
        List<JsonNode> errors = o.errorsIn("stacks/nested/back");
        assertEquals(1, errors.size(), o::toString);
        assertTrue(errors.get(0).path("message").asText().contains("symbolic link loop"), o::toString);
        assertTrue(o.goodFileChecked(good), o::toString);
    }

    @Test
    void terraformFileThatIsASelfLoopLinkIsNotSkippedSilently() throws IOException {
        String good = CliScan.writeGoodModule(dir);
        Path mod = dir.resolve("mod");
        Files.createDirectories(mod);
        Files.createSymbolicLink(mod.resolve("main.tf"), mod.resolve("main.tf"));
        Files.createSymbolicLink(mod.resolve("gone.tf"), mod.resolve("nowhere.tf"));
        CliScan.Outcome o = CliScan.scan(dir, ".");
        assertEquals(2, o.exitCode(), o::toString);
        assertEquals(1, o.errorsIn("mod/main.tf").size(), o::toString);
        assertEquals(1, o.errorsIn("mod/gone.tf").size(), o::toString);
        assertTrue(o.errorsIn("mod/gone.tf").get(0).path("message").asText().contains("symbolic link"),
                o::toString);
        assertTrue(o.goodFileChecked(good), o::toString);
    }

    @Test
    void namesWithSpacesAndNonAsciiCharacters() throws IOException {
        Path mod = dir.resolve("my stacks/ünïcødé 日本");
        Files.createDirectories(mod);
        Files.writeString(mod.resolve("main file.tf"), CliScan.GOOD_TF);
        Files.writeString(mod.resolve("broken ✗.tf"), "resource \"aws_vpc\" {\n");
        Path tpl = dir.resolve("my stacks/vorlage größe.yaml");
        Files.writeString(tpl, "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Sg:\n"
                + "    Type: AWS::EC2::SecurityGroup\n    Properties:\n      VpcId: '10.0.0.0/16'\n");
        CliScan.Outcome o = CliScan.scan(dir, "my stacks");
        assertEquals(2, o.exitCode(), o::toString);
        assertEquals(1, o.errorsIn("my stacks/ünïcødé 日本/broken ✗.tf").size(), o::toString);
        assertTrue(o.goodFileChecked("my stacks/ünïcødé 日本/main file.tf"), o::toString);
        assertTrue(o.goodFileChecked("my stacks/vorlage größe.yaml"), o::toString);
    }

    @Test
    void missingPathNamedOnTheCommandLine() {
        String good = CliScan.writeGoodModule(dir);
        CliScan.Outcome o = CliScan.scan(dir, "good", "no/such.tf");
        assertEquals(2, o.exitCode(), o::toString);
        assertEquals(1, o.errorsIn("no/such.tf").size(), o::toString);
        assertTrue(o.errorsIn("no/such.tf").get(0).path("message").asText().contains("no such file"));
        assertTrue(o.goodFileChecked(good), o::toString);
    }
}
