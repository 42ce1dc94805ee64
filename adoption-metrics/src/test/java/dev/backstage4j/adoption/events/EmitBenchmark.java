package dev.backstage4j.adoption.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The cost of {@link AnalyticsPublisher#emit} on the caller's thread, side by side with Micrometer's
 * {@code Counter.increment()} (issue 9's goal: at most 1.5× its cost, no allocation beyond the event). The event
 * is built once, so the gc profiler's {@code gc.alloc.rate.norm} shows what emit itself allocates.
 *
 * <p>Run: {@code mvn -q -pl adoption-metrics -am test-compile -DskipTests} then
 * {@code java -cp "$(cat adoption-metrics/target/test-classpath.txt)" dev.backstage4j.adoption.events.EmitBenchmark}
 * (see the README for the one-line form).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EmitBenchmark {
  private AnalyticsPublisher publisher;
  private Counter counter;
  private AnalyticsEvent event;

  @Setup(Level.Trial)
  public void setUp() {
    publisher = AnalyticsPublisher.builder()
        .addSink(new EventSink() {
          @Override
          public String name() {
            return "discard";
          }

          @Override
          public void deliver(List<AnalyticsEvent> batch) {}
        })
        .queueCapacity(1 << 16).sinkBacklog(1 << 16).batchSize(1024).flushInterval(Duration.ofMillis(1)).build();
    counter = Counter.builder("bench.events").register(new SimpleMeterRegistry());
    event = AnalyticsEvent.of(AnalyticsEvent.CLICK, "benchmark");
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    publisher.close(Duration.ofSeconds(5));
  }

  @Benchmark
  public boolean emit() {
    return publisher.emit(event);
  }

  @Benchmark
  public void micrometerCounterIncrement() {
    counter.increment();
  }

  public static void main(String[] args) throws Exception {
    new Runner(new OptionsBuilder().include(EmitBenchmark.class.getName())
        .forks(1).warmupIterations(3).warmupTime(org.openjdk.jmh.runner.options.TimeValue.seconds(1))
        .measurementIterations(5).measurementTime(org.openjdk.jmh.runner.options.TimeValue.seconds(1))
        .addProfiler(GCProfiler.class).build()).run();
  }
}
