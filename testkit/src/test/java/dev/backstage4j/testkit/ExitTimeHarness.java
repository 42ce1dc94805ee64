package dev.backstage4j.testkit;

import dev.backstage4j.catalog.CatalogClient;
import dev.backstage4j.catalog.model.EntityRef;
import dev.backstage4j.core.CredentialsProvider;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Prints how long a JVM takes to exit after a one-call {@code main()} returns (goal: under a second; with OkHttp's
 * non-daemon dispatcher threads it was 60 s). Starts a FakeBackstage, then runs {@code runs} child JVMs that each
 * make one catalog call and return from main, without closing the client and with try-with-resources, and prints
 * min/median/max of "main returned → process gone". A harness, not a test: {@code bench/run-all.sh} runs it.
 */
public final class ExitTimeHarness {
  private ExitTimeHarness() {}

  /** The user's program: one call, then main returns. {@code args}: base URL, token, "close" or "keep". */
  public static final class OneCall {
    private OneCall() {}

    public static void main(String[] args) {
      CatalogClient catalog = CatalogClient.create(URI.create(args[0]), CredentialsProvider.staticToken(args[1]));
      boolean found = catalog.entities().find(EntityRef.parse("component:default/payments-service")).isPresent();
      if (args[2].equals("close")) {
        catalog.close();
      }
      System.out.println("returned " + System.currentTimeMillis() + " found=" + found);
    }
  }

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    try (FakeBackstage fake = FakeBackstage.builder().sampleCatalog().build().start()) {
      for (String mode : List.of("keep", "close")) {
        List<Long> exits = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
          Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
              OneCall.class.getName(), fake.baseUrl().toString(), fake.token(), mode)
              .redirectErrorStream(true).start();
          long returned = -1;
          try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
              StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
              if (line.startsWith("returned ")) {
                returned = Long.parseLong(line.split(" ")[1]);
              }
            }
          }
          if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("the child JVM did not exit within 90 s");
          }
          long gone = System.currentTimeMillis();
          if (returned < 0 || p.exitValue() != 0) {
            throw new IllegalStateException("the child failed (exit " + p.exitValue() + ")");
          }
          exits.add(gone - returned);
        }
        Collections.sort(exits);
        System.out.printf("client %-5s: main returned -> JVM gone: min %d ms, median %d ms, max %d ms (%d runs)%n",
            mode.equals("keep") ? "open" : "closed", exits.get(0), exits.get(exits.size() / 2),
            exits.get(exits.size() - 1), runs);
      }
    }
  }
}
