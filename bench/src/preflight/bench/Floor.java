package preflight.bench;

/** The JVM's own floor: a trivial main started with the launcher's flags. Prints one line, as a scan would. */
public final class Floor {
    private Floor() {
    }

    public static void main(String[] args) {
        System.out.println("floor");
    }
}
