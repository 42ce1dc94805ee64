package dev.backstage4j.catalog;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import dev.backstage4j.catalog.model.Entity;
import dev.backstage4j.core.CredentialsProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Whole-catalog reads from a <em>real</em> Backstage backend, side by side in one run: curl (the floor: the
 * server's own time to produce the JSON plus the transfer), curl with gzip, backstage4j's {@code streamAll}
 * (one {@code GET /entities}) and {@code query()} (by-query cursor pages) in this JVM, and Backstage's own
 * {@code @backstage/catalog-client} {@code streamEntities} in Node, with its default fetch (gzip) and with
 * compression off. Readers are interleaved: each cycle runs every reader {@code runs} times after
 * {@code warmups} untimed runs of each, then takes the timed runs round-robin, one run of each reader at a time, so
 * a drift of the server's speed or of the machine's load hits all of them alike.
 *
 * <p>Started by {@code bench/real-catalog/run.sh}, which starts and seeds the backend; arguments:
 * {@code baseUrl token expectedCount nodeScript [cycles runs warmups bigPageSize]} (the page size of the
 * whole-catalog walk rows next to the default page size's; 2,000 unless given). Prints one line per cycle
 * and reader (median wall, median CPU where it is ours), then a table of medians, their ratios to curl's, and the
 * median of the paired ratios (each run over curl's run in the same round).
 */
public final class RealCatalogReadBenchmark {

  private static final long SETTLE_MILLIS = 300;

  private RealCatalogReadBenchmark() {}

  /** A reader that returns how many entities it read and, where it runs in this JVM, its CPU time. */
  private interface Reader {
    Sample read() throws Exception;
  }

  private record Sample(long wallNanos, long cpuNanos, long entities) {}

  public static void main(String[] args) throws Exception {
    URI base = URI.create(args[0]);
    String token = args[1];
    long expected = Long.parseLong(args[2]);
    String nodeScript = args[3];
    int cycles = args.length > 4 ? Integer.parseInt(args[4]) : 3;
    int runs = args.length > 5 ? Integer.parseInt(args[5]) : 9;
    int warmups = args.length > 6 ? Integer.parseInt(args[6]) : 2;
    int bigPage = args.length > 7 ? Integer.parseInt(args[7]) : 2000;
    int defaultPage = EntityQuery.DEFAULT_PAGE_SIZE;

    watchLiveHeap();
    CatalogClient catalog = CatalogClient.create(base, CredentialsProvider.staticToken(token));
    Map<String, Reader> readers = new LinkedHashMap<>();
    readers.put("curl, plain GET /entities (the floor)", () -> curl(base, token, false));
    readers.put("curl, gzip", () -> curl(base, token, true));
    OkHttpClient raw = new OkHttpClient();
    readers.put("raw OkHttp, bytes of GET /entities only", () -> inProcess(() -> drain(raw, base, token)));
    for (int size : new int[] {defaultPage, bigPage}) {
      readers.put("raw OkHttp, by-query pages of " + size + " walked, bytes only",
          () -> inProcess(() -> bigPages(raw, base, token, size)));
    }
    readers.put("backstage4j streamAll", () -> inProcess(() -> {
      try (Stream<Entity> s = catalog.entities().streamAll(EntityQuery.all())) {
        return s.mapToLong(e -> e.metadata().name().isEmpty() ? 0 : 1).sum();
      }
    }));
    readers.put("backstage4j query(), no page size set (" + defaultPage + ", then pages of ~2 MiB)",
        () -> inProcess(() -> count(catalog, EntityQuery.all())));
    for (int size : new int[] {defaultPage, bigPage}) {
      readers.put("backstage4j query(), pageSize(" + size + ")",
          () -> inProcess(() -> count(catalog, EntityQuery.builder().pageSize(size).build())));
    }
    NodeReader node = new NodeReader(nodeScript, base, token);
    readers.put("@backstage/catalog-client streamEntities, default fetch (gzip)", () -> node.read("default"));
    readers.put("@backstage/catalog-client streamEntities, compression off", () -> node.read("identity"));

    System.out.printf(Locale.ROOT, "real backend %s, %,d entities expected; %d cycles x %d runs after %d warm-ups;"
        + " JVM max heap %d MiB, %d cores%n", base, expected, cycles, runs, warmups,
        Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
    Map<String, List<Long>> cycleMedians = new LinkedHashMap<>();
    readers.keySet().forEach(k -> cycleMedians.put(k, new ArrayList<>()));
    // Per reader, its wall divided by curl's in the same round, over every round of every cycle.
    Map<String, List<Double>> pairedRatios = new LinkedHashMap<>();
    readers.keySet().forEach(k -> pairedRatios.put(k, new ArrayList<>()));
    for (int cycle = 1; cycle <= cycles; cycle++) {
      for (Map.Entry<String, Reader> reader : readers.entrySet()) {
        for (int w = 0; w < warmups; w++) {
          rest();
          check(reader.getKey(), reader.getValue().read(), expected);
        }
      }
      // Round-robin, one run of each reader at a time: the server's speed drifts (its own GC and JIT, other
      // load), and interleaving single runs makes every reader see the same drift.
      Map<String, List<Sample>> samples = new LinkedHashMap<>();
      for (int r = 0; r < runs; r++) {
        for (Map.Entry<String, Reader> reader : readers.entrySet()) {
          rest();
          samples.computeIfAbsent(reader.getKey(), k -> new ArrayList<>())
              .add(check(reader.getKey(), reader.getValue().read(), expected));
        }
      }
      List<Sample> curlRuns = samples.values().iterator().next();
      for (Map.Entry<String, List<Sample>> e : samples.entrySet()) {
        for (int r = 0; r < runs; r++) {
          pairedRatios.get(e.getKey()).add(e.getValue().get(r).wallNanos() / (double) curlRuns.get(r).wallNanos());
        }
        long wall = median(e.getValue().stream().map(Sample::wallNanos).toList());
        long cpu = median(e.getValue().stream().map(Sample::cpuNanos).toList());
        cycleMedians.get(e.getKey()).add(wall);
        System.out.printf(Locale.ROOT, "cycle %d  %-62s wall %5d ms%s%n", cycle, e.getKey(), ms(wall),
            cpu > 0 ? String.format(Locale.ROOT, "  cpu %4d ms", ms(cpu)) : "");
      }
    }
    List<Long> floor = cycleMedians.values().iterator().next();
    System.out.println();
    System.out.println("| reader | median wall per cycle | ratio to curl plain per cycle | median of the "
        + cycles * runs + " paired ratios (run / curl's run of the same round) |");
    System.out.println("|---|---|---|---|");
    for (Map.Entry<String, List<Long>> e : cycleMedians.entrySet()) {
      List<String> walls = new ArrayList<>();
      List<String> ratios = new ArrayList<>();
      for (int i = 0; i < e.getValue().size(); i++) {
        walls.add(Long.toString(ms(e.getValue().get(i))));
        ratios.add(String.format(Locale.ROOT, "%.2fx", e.getValue().get(i) / (double) floor.get(i)));
      }
      List<Double> paired = new ArrayList<>(pairedRatios.get(e.getKey()));
      Collections.sort(paired);
      System.out.printf(Locale.ROOT, "| %s | %s ms | %s | %.2fx |%n", e.getKey(), String.join(" / ", walls),
          String.join(" / ", ratios), paired.get(paired.size() / 2));
    }
    System.out.printf(Locale.ROOT, "%nJVM heap: at most %.1f MiB in use after any of %d collections, of %d MiB max"
        + " (goal: flat within -Xmx64m); goals: streamAll <= 1.3x and query() <= 1.6x curl plain%n",
        MAX_LIVE_HEAP.get() / 1048576.0, collections(), Runtime.getRuntime().maxMemory() >> 20);
  }

  /**
   * Waits {@value #SETTLE_MILLIS} ms before a run: the reader before it left the server with garbage of a 16 MiB
   * answer, whose collection (V8's concurrent marking and sweeping, on the second core) would otherwise be charged
   * to whichever reader comes next. Every reader, curl included, starts on a server at rest.
   */
  private static void rest() throws InterruptedException {
    Thread.sleep(SETTLE_MILLIS);
  }

  private static long count(CatalogClient catalog, EntityQuery query) {
    long n = 0;
    for (Entity e : catalog.entities().query(query)) {
      n += e.metadata().name().isEmpty() ? 0 : 1;
    }
    return n;
  }

  private static Sample inProcess(LongSupplier body) {
    long cpu0 = processCpuNanos();
    long t0 = System.nanoTime();
    long n = body.getAsLong();
    long wall = System.nanoTime() - t0;
    return new Sample(wall, processCpuNanos() - cpu0, n);
  }

  /** The transfer alone, with the same HTTP client we use: no JSON decoding at all. */
  private static long drain(OkHttpClient raw, URI base, String token) {
    Request request = new Request.Builder().url(base + "/api/catalog/entities")
        .header("Authorization", "Bearer " + token).header("Accept-Encoding", "identity").build();
    try (Response response = raw.newCall(request).execute(); InputStream in = response.body().byteStream()) {
      byte[] buffer = new byte[65536];
      while (in.read(buffer) > 0) {
        // only the bytes
      }
      return -1;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The paging floor: the by-query pages fetched one after the other as fast as the server hands them out, the
   * next cursor cut out of each body's tail without decoding the items. A cursor-paged reader cannot ask for
   * page k+1 before it has page k's cursor, so this is what query() could reach with free decoding.
   */
  private static long bigPages(OkHttpClient raw, URI base, String token, int pageSize) {
    String cursor = null;
    do {
      String url = base + "/api/catalog/entities/by-query?limit=" + pageSize
          + (cursor == null ? "" : "&cursor=" + cursor);
      Request request = new Request.Builder().url(url).header("Authorization", "Bearer " + token)
          .header("Accept-Encoding", "identity").build();
      try (Response response = raw.newCall(request).execute()) {
        String body = response.body().string();
        int at = body.lastIndexOf("\"nextCursor\":\"");
        cursor = at < 0 ? null : body.substring(at + 14, body.indexOf('"', at + 14));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } while (cursor != null);
    return -1;
  }

  /** curl's own time_total, so process start-up is not counted; the entity count comes from the byte stream. */
  private static Sample curl(URI base, String token, boolean gzip) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("curl", "-sS", "-o", "/dev/null", "-w",
        "%{time_total} %{size_download} %{http_code}", "-H", "Authorization: Bearer " + token));
    if (gzip) {
      command.add("--compressed");
    }
    command.add(base + "/api/catalog/entities");
    String[] out = run(command).trim().split(" ");
    if (!"200".equals(out[2])) {
      throw new IllegalStateException("curl got HTTP " + out[2]);
    }
    return new Sample((long) (Double.parseDouble(out[0]) * 1e9), 0, -1);
  }

  /**
   * One long-lived Node process, warmed like our JVM: it reads a mode per line on stdin, times one
   * {@code streamEntities} read itself (from the call to the last page) and answers "wallMs count".
   */
  private static final class NodeReader {
    private final Process process;
    private final BufferedReader answers;
    private final Writer requests;

    NodeReader(String script, URI base, String token) throws IOException {
      process = new ProcessBuilder("node", script, base.toString(), token)
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    }

    Sample read(String mode) throws IOException {
      requests.write(mode + "\n");
      requests.flush();
      String line = answers.readLine();
      if (line == null) {
        throw new IllegalStateException("the node reader exited");
      }
      String[] out = line.trim().split(" ");
      return new Sample((long) (Double.parseDouble(out[0]) * 1e6), 0, Long.parseLong(out[1]));
    }
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String text;
    try (InputStream in = p.getInputStream()) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException(command.get(0) + " failed: " + text);
    }
    return text;
  }

  private static Sample check(String reader, Sample s, long expected) {
    if (s.entities() >= 0 && s.entities() != expected) {
      throw new IllegalStateException(reader + " read " + s.entities() + " entities, expected " + expected);
    }
    return s;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** The largest heap still in use right after any collection: what the readers keep alive, garbage excluded. */
  private static final AtomicLong MAX_LIVE_HEAP = new AtomicLong();

  private static void watchLiveHeap() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener((n, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
          GcInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()).getGcInfo();
          long used = 0;
          for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage after = info.getMemoryUsageAfterGc().get(pool.getName());
            if (pool.getType() == MemoryType.HEAP && after != null) {
              used += after.getUsed();
            }
          }
          MAX_LIVE_HEAP.accumulateAndGet(used, Math::max);
        }
      }, null, null);
    }
  }

  private static long collections() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount)
        .sum();
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static long ms(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }
}
