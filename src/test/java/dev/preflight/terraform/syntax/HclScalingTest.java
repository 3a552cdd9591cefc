package dev.preflight.terraform.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflight.source.SourceFile;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;

/**
 * The parser must be linear: a 4x larger file may not take anywhere near 16x the time. Absolute times are not
 * asserted (shared, noisy machines); only a generous bound on the ratio.
 */
class HclScalingTest {

    /** A synthetic file of about {@code bytes} characters, using most constructs. */
    static String generate(int bytes) {
        StringBuilder sb = new StringBuilder(bytes + 2048);
        int i = 0;
        while (sb.length() < bytes) {
            sb.append("resource \"aws_instance\" \"web_").append(i).append("\" {\n")
                    .append("  ami           = \"ami-${var.region}-").append(i).append("\"\n")
                    .append("  count         = var.enabled ? 1 + 2 * 3 : 0\n")
                    .append("  subnet_id     = aws_subnet.a[count.index % 3].id # comment\n")
                    .append("  ids           = aws_instance.x[*].id\n")
                    .append("  tags = merge(var.tags, {\n    Name = \"web-").append(i).append("\"\n  })\n")
                    .append("  m = { for k, v in var.m : k => upper(v) if v != \"\" }\n")
                    .append("  user_data = <<-EOT\n    #!/bin/bash\n    echo ${var.x}\n  EOT\n")
                    .append("  ebs_block_device {\n    volume_size = 10\n  }\n")
                    .append("}\n\n");
            i++;
        }
        return sb.toString();
    }

    /** Best wall-clock and best thread-CPU nanoseconds over {@code runs} parses, each from a collected heap. */
    private static long[] bestParseNanos(SourceFile file, int runs) throws HclSyntaxException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long bestWall = Long.MAX_VALUE;
        long bestCpu = Long.MAX_VALUE;
        for (int r = 0; r < runs; r++) {
            // Start each run from a collected heap, so the previous run's tree is not what the GC copies.
            System.gc();
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            ConfigFile parsed = HclParser.parse(file);
            bestWall = Math.min(bestWall, System.nanoTime() - t0);
            bestCpu = Math.min(bestCpu, threads.getCurrentThreadCpuTime() - c0);
            assertTrue(parsed.body().items().size() > 0);
        }
        return new long[] {bestWall, bestCpu};
    }

    @Test
    void parseTimeGrowsLinearly() throws HclSyntaxException {
        SourceFile small = SourceFile.of("small.tf", generate(1 << 20));
        SourceFile large = SourceFile.of("large.tf", generate(4 << 20));
        // Warm up the JIT on the small file first.
        bestParseNanos(small, 3);
        long[] tSmall = bestParseNanos(small, 5);
        long[] tLarge = bestParseNanos(large, 5);
        double sizeRatio = (double) large.text().length() / small.text().length();
        double wallRatio = (double) tLarge[0] / tSmall[0];
        double cpuRatio = (double) tLarge[1] / tSmall[1];
        System.out.printf("scaling: %.2f MB in %d ms (cpu %d ms), %.2f MB in %d ms (cpu %d ms); size ratio %.2f:"
                        + " wall-time ratio %.2f (exponent %.2f), cpu-time ratio %.2f (exponent %.2f);"
                        + " 1 = linear, 2 = quadratic%n",
                small.text().length() / 1e6, tSmall[0] / 1_000_000, tSmall[1] / 1_000_000,
                large.text().length() / 1e6, tLarge[0] / 1_000_000, tLarge[1] / 1_000_000, sizeRatio,
                wallRatio, Math.log(wallRatio) / Math.log(sizeRatio), cpuRatio, Math.log(cpuRatio) / Math.log(sizeRatio));
        // Thread CPU time excludes other processes and the GC threads, which makes it the steadier measure on a
        // shared machine; quadratic behaviour would show as a ratio near 16.
        assertTrue(cpuRatio < 10, "4x the input took " + cpuRatio + "x the CPU time");
        assertEquals(1, HclParser.parse(SourceFile.of("one.tf", generate(1))).body().items().size());
    }
}
