package dev.backstage4j.catalog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.backstage4j.catalog.model.Entity;
import dev.backstage4j.core.CredentialsProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Times {@code entities().streamAll(...)} against a raw OkHttp + Jackson streaming loop over the same bytes,
 * served by a JDK HTTP server on loopback from a generated file of realistic entities (about 1 KiB each, with
 * annotations, tags, links and relations). Both read every entity into memory one at a time; ours also builds
 * immutable {@link Entity} values, so a third column runs the raw loop plus {@code Entity.fromMap} on each map to
 * separate the cost of our transport and streaming from the cost of the entity model.
 *
 * <p>Run (from the repository root, heap capped to show memory stays flat):
 * <pre>
 * mvn -q -Db4j.buildDir=target-cat -pl catalog-client -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target-cat/cp.txt -Dmdep.includeScope=test
 * java -Xmx64m -cp catalog-client/target-cat/test-classes:catalog-client/target-cat/classes:$(cat \
 *     catalog-client/target-cat/cp.txt) dev.backstage4j.catalog.CatalogStreamBenchmark [entities] [rounds]
 * </pre>
 */
public final class CatalogStreamBenchmark {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CatalogStreamBenchmark() {}

  /** Runs the benchmark; arguments: entity count (default 100000), measured rounds (default 5). */
  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path file = Files.createTempFile("b4j-catalog-", ".json");
    try {
      generate(file, count);
      long bytes = Files.size(file);
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.setExecutor(Executors.newFixedThreadPool(2));
      server.createContext("/api/catalog/entities", exchange -> {
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes);
        try (OutputStream out = exchange.getResponseBody()) {
          Files.copy(file, out);
        }
      });
      server.start();
      URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
      try {
        run(base, count, bytes, rounds);
      } finally {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static void run(URI base, int count, long bytes, int rounds) throws IOException {
    CatalogClient catalog = CatalogClient.create(base, CredentialsProvider.staticToken("benchmark-token"));
    OkHttpClient raw = new OkHttpClient();
    System.out.printf("serving %,d entities, %.1f MiB, from http://%s (loopback); max heap %d MiB%n", count,
        bytes / 1048576.0, base.getAuthority(), Runtime.getRuntime().maxMemory() / 1048576);
    for (int i = 0; i < 2; i++) {
      check(count, ours(catalog));
      check(count, raw(raw, base, false));
      check(count, raw(raw, base, true));
    }
    List<Long> oursNs = new ArrayList<>();
    List<Long> rawNs = new ArrayList<>();
    List<Long> rawModelNs = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      // Rotate the order so neither side always runs right after the other's garbage.
      for (int k = 0; k < 3; k++) {
        switch ((i + k) % 3) {
          case 0:
            oursNs.add(time(() -> check(count, ours(catalog))));
            break;
          case 1:
            rawNs.add(time(() -> check(count, raw(raw, base, false))));
            break;
          default:
            rawModelNs.add(time(() -> check(count, raw(raw, base, true))));
        }
      }
      System.out.printf("round %d: streamAll %.3f s | raw OkHttp+Jackson maps %.3f s | raw + Entity.fromMap %.3f s%n",
          i + 1, oursNs.get(i) / 1e9, rawNs.get(i) / 1e9, rawModelNs.get(i) / 1e9);
    }
    long o = median(oursNs);
    long r = median(rawNs);
    long rm = median(rawModelNs);
    System.out.printf("median of %d rounds: streamAll %.3f s (%.0f entities/s, %.0f MiB/s); raw maps %.3f s; "
        + "raw + Entity.fromMap %.3f s%n", rounds, o / 1e9, count / (o / 1e9), bytes / 1048576.0 / (o / 1e9),
        r / 1e9, rm / 1e9);
    System.out.printf("ratio streamAll / raw maps: %.2fx (goal <= 1.10x); streamAll / raw + same model step: "
        + "%.2fx%n", (double) o / r, (double) o / rm);
    long ob = Collections.min(oursNs);
    long rb = Collections.min(rawNs);
    long rmb = Collections.min(rawModelNs);
    System.out.printf("best of %d rounds (least disturbed by other load): streamAll %.3f s; raw maps %.3f s; "
        + "raw + Entity.fromMap %.3f s; ratios %.2fx and %.2fx%n", rounds, ob / 1e9, rb / 1e9, rmb / 1e9,
        (double) ob / rb, (double) ob / rmb);
    System.out.printf("heap after run: %d MiB used of %d MiB max; load average %.1f%n",
        (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1048576,
        Runtime.getRuntime().maxMemory() / 1048576,
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  /** Our whole-catalog stream: one unpaginated GET /entities, entities decoded one at a time. */
  private static long ours(CatalogClient catalog) {
    long n = 0;
    long chars = 0;
    try (Stream<Entity> s = catalog.entities().streamAll(EntityQuery.all())) {
      for (Entity e : (Iterable<Entity>) s::iterator) {
        n++;
        chars += e.metadata().name().length();
      }
    }
    return chars > 0 ? n : -1;
  }

  /** The baseline: OkHttp (no gzip, like ours on loopback) and a Jackson streaming loop reading maps. */
  private static long raw(OkHttpClient http, URI base, boolean model) throws IOException {
    Request request = new Request.Builder().url(base + "/api/catalog/entities")
        .header("Authorization", "Bearer benchmark-token").header("Accept-Encoding", "identity").build();
    long n = 0;
    long chars = 0;
    try (Response response = http.newCall(request).execute(); InputStream in = response.body().byteStream();
        JsonParser p = MAPPER.getFactory().createParser(in)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new IOException("expected an array");
      }
      while (p.nextToken() == JsonToken.START_OBJECT) {
        @SuppressWarnings("unchecked")
        Map<String, Object> e = MAPPER.readValue(p, LinkedHashMap.class);
        n++;
        if (model) {
          chars += Entity.fromMap(e).metadata().name().length();
        } else {
          chars += ((String) ((Map<?, ?>) e.get("metadata")).get("name")).length();
        }
      }
    }
    return chars > 0 ? n : -1;
  }

  private static void generate(Path file, int count) throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.writeStartArray();
      for (int i = 0; i < count; i++) {
        String name = "service-" + i;
        g.writeStartObject();
        g.writeObjectFieldStart("metadata");
        g.writeStringField("namespace", "default");
        g.writeObjectFieldStart("annotations");
        g.writeStringField("backstage.io/managed-by-location", "url:https://git.example.com/org/" + name
            + "/blob/main/catalog-info.yaml");
        g.writeStringField("backstage.io/managed-by-origin-location", "url:https://git.example.com/org/catalog/"
            + "blob/main/all.yaml");
        g.writeStringField("github.com/project-slug", "org/" + name);
        g.writeStringField("backstage.io/techdocs-ref", "dir:.");
        g.writeEndObject();
        g.writeStringField("name", name);
        g.writeStringField("title", "Service " + i);
        g.writeStringField("description", "Generated service number " + i + " for the streaming benchmark");
        g.writeArrayFieldStart("tags");
        g.writeString("java");
        g.writeString("team-" + (i % 50));
        g.writeEndArray();
        g.writeObjectFieldStart("labels");
        g.writeStringField("tier", i % 3 == 0 ? "frontend" : "backend");
        g.writeEndObject();
        g.writeArrayFieldStart("links");
        g.writeStartObject();
        g.writeStringField("url", "https://dashboards.example.com/" + name);
        g.writeStringField("title", "Dashboard");
        g.writeEndObject();
        g.writeEndArray();
        g.writeStringField("uid", new java.util.UUID(i, ~i).toString());
        g.writeStringField("etag", Integer.toHexString(name.hashCode()) + "a2a2640ce1c48e77ae4214b8f16fdc38");
        g.writeEndObject();
        g.writeStringField("apiVersion", "backstage.io/v1alpha1");
        g.writeStringField("kind", "Component");
        g.writeObjectFieldStart("spec");
        g.writeStringField("type", "service");
        g.writeStringField("lifecycle", "production");
        g.writeStringField("owner", "group:team-" + (i % 50));
        g.writeStringField("system", "system-" + (i % 200));
        g.writeArrayFieldStart("dependsOn");
        g.writeString("resource:db-" + (i % 500));
        g.writeEndArray();
        g.writeEndObject();
        g.writeArrayFieldStart("relations");
        relation(g, "ownedBy", "group:default/team-" + (i % 50));
        relation(g, "partOf", "system:default/system-" + (i % 200));
        relation(g, "dependsOn", "resource:default/db-" + (i % 500));
        relation(g, "dependencyOf", "component:default/service-" + ((i + 1) % count));
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
    }
  }

  private static void relation(JsonGenerator g, String type, String target) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", type);
    g.writeStringField("targetRef", target);
    g.writeEndObject();
  }

  private static void check(int expected, long got) {
    if (got != expected) {
      throw new IllegalStateException("read " + got + " entities, expected " + expected);
    }
  }

  private interface IoRunnable {
    void run() throws IOException;
  }

  private static long time(IoRunnable r) throws IOException {
    long start = System.nanoTime();
    r.run();
    return System.nanoTime() - start;
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
