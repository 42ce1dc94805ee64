package dev.backstage4j.catalog.model;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hostile-input timings for {@link CatalogYaml} (issue #24): how long a file of a given size takes to be rejected
 * or validated, and the heap it needs. Shapes: one long line, and many small documents.
 *
 * <pre>
 * java -Xmx256m -cp &lt;catalog-client test classpath&gt; dev.backstage4j.catalog.model.YamlLimitsHarness [MiB...]
 * </pre>
 */
public final class YamlLimitsHarness {
  private YamlLimitsHarness() {}

  public static void main(String[] args) throws IOException {
    int[] sizes = args.length == 0 ? new int[] {4, 16, 64, 200} : java.util.Arrays.stream(args)
        .mapToInt(Integer::parseInt).toArray();
    System.out.printf(Locale.ROOT, "max heap %d MiB%n", Runtime.getRuntime().maxMemory() >> 20);
    for (int mib : sizes) {
      time("one long line", longLine(mib), mib);
      time("small documents", smallDocuments(mib), mib);
    }
  }

  private static void time(String shape, Path file, int mib) throws IOException {
    AtomicLong documents = new AtomicLong();
    AtomicLong violations = new AtomicLong();
    long t0 = System.nanoTime();
    String outcome;
    try {
      CatalogYaml.create().read(file, doc -> {
        documents.incrementAndGet();
        violations.addAndGet(doc.validation().violations().size());
      });
      outcome = "validated: " + documents + " documents, " + violations + " violations";
    } catch (CatalogYamlException e) {
      outcome = "rejected: " + e.getMessage();
    } catch (OutOfMemoryError e) {
      outcome = "OutOfMemoryError";
    }
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "%-16s %4d MiB  %7.2f s  peak heap %4d MiB  %s%n", shape, mib, s, peakHeapMiB(),
        outcome.length() > 140 ? outcome.substring(0, 140) + "…" : outcome);
    Files.delete(file);
  }

  private static Path longLine(int mib) throws IOException {
    Path f = Files.createTempFile("b4j-longline", ".yaml");
    try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
      w.write("apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: x\n  description: ");
      char[] chunk = "abcdefghij".repeat(10_000).toCharArray();
      for (long written = 0; written < (long) mib << 20; written += chunk.length) {
        w.write(chunk);
      }
      w.write("\nspec: {type: service, lifecycle: production, owner: team-a}\n");
    }
    return f;
  }

  private static Path smallDocuments(int mib) throws IOException {
    Path f = Files.createTempFile("b4j-manydocs", ".yaml");
    try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
      long written = 0;
      for (int i = 0; written < (long) mib << 20; i++) {
        String doc = "---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: c-" + i
            + "\n  title: yes\nspec: {type: service, lifecycle: production, owner: team-" + (i % 7) + "}\n";
        w.write(doc);
        written += doc.length();
      }
    }
    return f;
  }

  private static long peakHeapMiB() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
        pool.resetPeakUsage();
      }
    }
    return peak >> 20;
  }
}
