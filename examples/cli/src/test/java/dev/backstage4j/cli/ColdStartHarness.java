package dev.backstage4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Prints the CLI's cold start ({@code java -jar backstage4j.jar --help}) against a bare {@code java -version},
 * each the median of several fresh JVMs. Goal: at most 2.5 times the bare JVM.
 *
 * <pre>
 * java -cp examples/cli/target/test-classes dev.backstage4j.cli.ColdStartHarness examples/cli/target/backstage4j.jar [runs]
 * </pre>
 */
public final class ColdStartHarness {
  private ColdStartHarness() {
  }

  /** Runs the measurement; arguments: the shaded jar, and optionally the number of runs (default 11). */
  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args.length > 0 ? args[0] : "examples/cli/target/backstage4j.jar");
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 11;
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> bare = List.of(java, "-version");
    List<String> help = List.of(java, "-jar", jar.toString(), "--help");
    time(bare, 2);
    time(help, 2);
    double[] b = new double[runs];
    double[] h = new double[runs];
    for (int i = 0; i < runs; i++) {
      b[i] = time(bare, 1);
      h[i] = time(help, 1);
    }
    double mb = median(b);
    double mh = median(h);
    System.out.printf(Locale.ROOT, "java -version            median %6.0f ms  (min %4.0f, max %4.0f, %d runs)%n", mb,
        min(b), max(b), runs);
    System.out.printf(Locale.ROOT, "backstage4j.jar --help   median %6.0f ms  (min %4.0f, max %4.0f, %d runs)%n", mh,
        min(h), max(h), runs);
    System.out.printf(Locale.ROOT, "ratio %.2fx (goal <= 2.5x): %s%n", mh / mb, mh / mb <= 2.5 ? "met" : "NOT met");
  }

  private static double time(List<String> cmd, int times) throws IOException, InterruptedException {
    double last = 0;
    for (int i = 0; i < times; i++) {
      long t0 = System.nanoTime();
      Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      if (p.waitFor() != 0) {
        throw new IllegalStateException("failed: " + cmd);
      }
      last = (System.nanoTime() - t0) / 1e6;
    }
    return last;
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    java.util.Arrays.sort(s);
    return s[s.length / 2];
  }

  private static double min(double[] xs) {
    return java.util.Arrays.stream(xs).min().orElse(0);
  }

  private static double max(double[] xs) {
    return java.util.Arrays.stream(xs).max().orElse(0);
  }
}
