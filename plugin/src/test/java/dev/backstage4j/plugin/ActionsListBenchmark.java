package dev.backstage4j.plugin;

import dev.backstage4j.core.ClientConfig;
import dev.backstage4j.core.RetryOptions;
import dev.backstage4j.plugin.actions.Action;
import dev.backstage4j.plugin.actions.ActionAttributes;
import dev.backstage4j.plugin.actions.ActionsRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * Latency of {@code GET /.backstage/actions/v1/actions} under concurrent callers: Backstage's scaffolder lists every
 * plugin source on every template step and MCP on every call, so a slow list slows every template. A Java plugin
 * with 20 actions behind the router's token check (a plugin token of {@code scaffolder}, verified with its keys from
 * a loopback stand-in for Backstage, cached after the first call) is listed by {@code clients} threads, each sending
 * {@code requests} lists. Prints percentiles and throughput after a warm-up of the same size.
 *
 * <p>Usage: {@code ActionsListBenchmark [clients=8] [requests=2000]} (run by {@code bench/run-all.sh}).
 */
public final class ActionsListBenchmark {
  private ActionsListBenchmark() {}

  public static void main(String[] args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int requests = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    PluginIdentity scaffolder = PluginIdentity.generate("scaffolder");
    try (MockWebServer backstage = new MockWebServer()) {
      backstage.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest r) {
          return new MockResponse().setHeader("Content-Type", "application/json").setBody(scaffolder.jwksJson());
        }
      });
      backstage.start();
      ClientConfig config = ClientConfig.builder().baseUrl(backstage.url("/").toString())
          .retry(RetryOptions.disabled()).build();
      List<Action> actions = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        actions.add(Action.builder("action-" + i).title("Action " + i).description("Benchmark action " + i)
            .attributes(i % 2 == 0 ? ActionAttributes.READ_ONLY : ActionAttributes.NONE)
            .inputSchema("{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},"
                + "\"count\":{\"type\":\"integer\"}},\"required\":[\"name\"]}")
            .handler(call -> Map.of()).build());
      }
      PluginRouter router = ActionsRegistry.of(actions).mount(PluginRouter.builder(PluginIdentity.generate("bench"),
          TokenVerifier.builder().pluginTokens("bench", config).build())).build();
      try (PluginServer server = PluginServer.start(router, new InetSocketAddress("127.0.0.1", 0), "/api/bench",
          16)) {
        URI list = URI.create("http://127.0.0.1:" + server.port() + "/api/bench" + ActionsRegistry.LIST_PATH);
        String token = scaffolder.mintToken("bench");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        round(http, list, token, clients, requests);  // warm-up: JIT, key fetch, connections
        long start = System.nanoTime();
        long[] micros = round(http, list, token, clients, requests);
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(micros);
        System.out.printf("actions list, %d actions (%d bytes), %d concurrent clients x %d requests:%n",
            actions.size(), http.send(HttpRequest.newBuilder(list).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofByteArray()).body().length, clients, requests);
        System.out.printf("  p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms; %.0f lists/s%n",
            pct(micros, 0.50), pct(micros, 0.90), pct(micros, 0.99), micros[micros.length - 1] / 1000.0,
            micros.length / seconds);
      }
    }
  }

  private static double pct(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))] / 1000.0;
  }

  private static long[] round(HttpClient http, URI list, String token, int clients, int requests)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<long[]>> futures = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        futures.add(pool.submit(() -> {
          long[] out = new long[requests];
          HttpRequest request = HttpRequest.newBuilder(list).header("Authorization", "Bearer " + token)
              .timeout(Duration.ofSeconds(10)).build();
          for (int i = 0; i < requests; i++) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
              throw new IllegalStateException("list answered " + r.statusCode());
            }
            out[i] = (System.nanoTime() - t0) / 1000;
          }
          return out;
        }));
      }
      long[] all = new long[clients * requests];
      for (int c = 0; c < clients; c++) {
        System.arraycopy(futures.get(c).get(), 0, all, c * requests, requests);
      }
      return all;
    } finally {
      pool.shutdownNow();
    }
  }
}
