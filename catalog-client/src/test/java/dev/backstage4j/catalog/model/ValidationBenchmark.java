package dev.backstage4j.catalog.model;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prints how long validation and YAML reading take. Not a test: run it by hand from the repository root:
 *
 * <pre>
 * mvn -q -Db4j.buildDir=target-bench -pl catalog-client -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=/tmp/b4j-cp.txt
 * java -Xmx64m -cp "catalog-client/target-bench/test-classes:catalog-client/target-bench/classes:$(cat /tmp/b4j-cp.txt)" \
 *     dev.backstage4j.catalog.model.ValidationBenchmark
 * </pre>
 *
 * <p>Both CPU time of the measuring thread and wall time are printed: on a shared, busy machine the CPU time is
 * the figure that says what one core needs.
 *
 * <p>Figures: validating 100,000 generated entities (a mix of valid and invalid, every kind) on one thread,
 * validating 100,000 valid entities (the common case) on one thread, and reading plus validating a
 * 10,000-entity multi-document YAML file in a streaming pass and into a list.
 */
public final class ValidationBenchmark {
  private ValidationBenchmark() {}

  /** Runs the benchmark; the optional argument is the number of entities to validate. */
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    System.out.println("max heap: " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
    CaseGenerator gen = new CaseGenerator(42);
    List<Map<String, Object>> trees = new ArrayList<>(10_000);
    for (int i = 0; i < 10_000; i++) {
      trees.add(gen.entity());
    }
    EntityValidator validator = EntityValidator.create();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    timeValidation(validator, trees, n, "entities");

    // The common case: valid entities only (1,000 distinct ones of every kind), the fast path of the validator.
    List<Map<String, Object>> validTrees = new ArrayList<>(1_000);
    for (int i = 0; i < 1_000; i++) {
      Map<String, Object> t = CaseGenerator.validBase(CaseGenerator.KINDS.get(i % CaseGenerator.KINDS.size()));
      @SuppressWarnings("unchecked")
      Map<String, Object> md = (Map<String, Object>) t.get("metadata");
      md.put("name", "entity-" + i);
      validTrees.add(Entity.fromMap(t).toMap());
    }
    timeValidation(validator, validTrees, n, "valid entities");
    trees.clear(); // the YAML rounds below need the heap (-Xmx64m)
    validTrees.clear();

    Path file = Files.createTempFile("b4j-bench", ".yaml");
    try {
      List<Entity> entities = new ArrayList<>();
      for (int i = 0; i < 10_000; i++) {
        Map<String, Object> t = CaseGenerator.validBase(CaseGenerator.KINDS.get(i % CaseGenerator.KINDS.size()));
        @SuppressWarnings("unchecked")
        Map<String, Object> md = (Map<String, Object>) t.get("metadata");
        md.put("name", "entity-" + i);
        entities.add(Entity.fromMap(t));
      }
      CatalogYaml yaml = CatalogYaml.create();
      yaml.write(entities, file);
      entities = null;
      System.out.printf("wrote 10,000 entities: %,d bytes%n", Files.size(file));
      for (int round = 0; round < 3; round++) {
        long t0 = System.nanoTime();
        long c0 = threads.getCurrentThreadCpuTime();
        AtomicInteger docs = new AtomicInteger();
        AtomicInteger valid = new AtomicInteger();
        yaml.read(file, d -> {
          docs.incrementAndGet();
          if (d.isValid()) {
            valid.incrementAndGet();
          }
        });
        long streamMs = (System.nanoTime() - t0) / 1_000_000;
        long streamCpu = (threads.getCurrentThreadCpuTime() - c0) / 1_000_000;
        t0 = System.nanoTime();
        c0 = threads.getCurrentThreadCpuTime();
        List<Entity> all = yaml.readEntities(file);
        long listMs = (System.nanoTime() - t0) / 1_000_000;
        long listCpu = (threads.getCurrentThreadCpuTime() - c0) / 1_000_000;
        Runtime rt = Runtime.getRuntime();
        System.out.printf("round %d: streamed %,d documents (%,d valid): %,d ms CPU, %,d ms wall; readEntities -> "
            + "%,d entities: %,d ms CPU, %,d ms wall; heap used %,d MiB%n", round, docs.get(), valid.get(), streamCpu,
            streamMs, all.size(), listCpu, listMs, (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** Prints five rounds of validating n entities taken in turn from the pool, CPU and wall time. */
  private static void timeValidation(EntityValidator validator, List<Map<String, Object>> pool, int n, String what) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int round = 0; round < 5; round++) {
      long t0 = System.nanoTime();
      long c0 = threads.getCurrentThreadCpuTime();
      int valid = 0;
      for (int i = 0; i < n; i++) {
        if (validator.validate(pool.get(i % pool.size())).isValid()) {
          valid++;
        }
      }
      long ms = (System.nanoTime() - t0) / 1_000_000;
      long cpuMs = (threads.getCurrentThreadCpuTime() - c0) / 1_000_000;
      System.out.printf("round %d: validated %,d %s (%,d valid) on one thread: %,d ms CPU, %,d ms wall%n",
          round, n, what, valid, cpuMs, ms);
    }
  }
}
