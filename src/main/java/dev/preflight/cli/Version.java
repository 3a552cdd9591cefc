package dev.preflight.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version Maven wrote into {@code version.properties} when it built the jar. */
final class Version {
    private Version() {
    }

    /**
     * The version, or {@code dev} when running from classes Maven did not filter. The jar's manifest comes first:
     * the class loader read it when it defined this package, while looking up {@code version.properties} opens the
     * JDK's module image and the jar again (~10 ms of a cold {@code --version}). The file serves runs from classes.
     */
    static String current() {
        String fromManifest = Version.class.getPackage().getImplementationVersion();
        if (fromManifest != null) {
            return fromManifest;
        }
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
