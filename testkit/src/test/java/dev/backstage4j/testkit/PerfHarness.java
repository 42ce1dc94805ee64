package dev.backstage4j.testkit;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Prints how long a 10,000-entity FakeBackstage takes to start and to answer by-query pages of 500 (goals: start
 * under 3 s, a page under 50 ms). A harness, not a test: run it with
 * {@code mvn -q -Db4j.buildDir=target-kit -pl testkit test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.backstage4j.testkit.PerfHarness}.
 */
public final class PerfHarness {
  private PerfHarness() {
  }

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    Path file = Files.createTempFile("b4j-perf-", ".yaml");
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      yaml.append("apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-").append(i)
          .append("\nspec:\n  type: team\n  children: []\n---\n");
    }
    for (int i = 0; i < n - 20; i++) {
      yaml.append("apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: svc-").append(i)
          .append("\n  description: Service number ").append(i).append("\n  tags: [java, perf]\n")
          .append("  annotations:\n    github.com/project-slug: org/svc-").append(i)
          .append("\nspec:\n  type: ").append(i % 3 == 0 ? "website" : "service")
          .append("\n  lifecycle: production\n  owner: team-").append(i % 20)
          .append("\n  dependsOn: [component:svc-").append((i + 1) % (n - 20)).append("]\n---\n");
    }
    Files.writeString(file, yaml);
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    try (FakeBackstage fake = FakeBackstage.builder().catalogFile(file).build().start()) {
      double startMs = (System.nanoTime() - t0) / 1e6;
      System.out.printf("start with %d entities (+1 generated Location): %.0f ms wall, %.0f ms process CPU "
          + "(incl. JIT), system load average %.1f on %d cores%n", n, startMs, (os.getProcessCpuTime() - cpu0) / 1e6,
          os.getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
      HttpClient http = HttpClient.newHttpClient();
      String base = fake.baseUrl() + "/api/catalog/entities/by-query?limit=500";
      for (String variant : List.of("", "&orderField=metadata.name,asc", "&filter=kind=component,spec.type=service",
          "&fields=kind,metadata.name&orderField=metadata.name,desc")) {
        List<Double> times = new ArrayList<>();
        for (int round = 0; round < 3; round++) { // round 0 warms up the JIT
          String cursor = null;
          int pages = 0;
          do {
            String url = cursor == null ? base + variant
                : base + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
            long s = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + fake.token()).build(), HttpResponse.BodyHandlers.ofString());
            double ms = (System.nanoTime() - s) / 1e6;
            if (round > 0) {
              times.add(ms);
            }
            var page = Http.JSON.readTree(r.body());
            cursor = page.at("/pageInfo/nextCursor").textValue();
            pages++;
          } while (cursor != null);
          if (round == 0) {
            System.out.printf("by-query%s: %d pages of <= 500%n", variant.isEmpty() ? " (default order)" : variant,
                pages);
          }
        }
        Collections.sort(times);
        System.out.printf("  page latency (client-measured, loopback): median %.1f ms, p90 %.1f ms, max %.1f ms%n",
            times.get(times.size() / 2), times.get((int) (times.size() * 0.9)), times.get(times.size() - 1));
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
