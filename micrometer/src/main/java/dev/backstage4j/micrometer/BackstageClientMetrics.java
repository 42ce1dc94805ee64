package dev.backstage4j.micrometer;

import dev.backstage4j.core.RequestListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SDK's own client metrics in Micrometer: pass it to {@code ClientConfig.builder().listener(...)} (next to
 * any other listeners) and bind it to your registry. Meters (lowercase dotted names; tags only from small, fixed sets — the {@code uri} tag is the
 * path template, never a concrete path):
 * <ul>
 *   <li>{@code backstage.client.requests} (timer) — tags {@code backend}, {@code method}, {@code uri},
 *       {@code status} ({@code IO_ERROR} when no answer came), {@code outcome}
 *       ({@code SUCCESS}, {@code CLIENT_ERROR}, {@code SERVER_ERROR}, {@code UNKNOWN});</li>
 *   <li>{@code backstage.client.retries} (counter) — tags {@code backend}, {@code method}, {@code uri};</li>
 *   <li>{@code backstage.client.circuit.state} (gauge, 1 for the current state, 0 otherwise) — tags
 *       {@code backend}, {@code state}.</li>
 * </ul>
 *
 * <pre>{@code
 * BackstageClientMetrics metrics = new BackstageClientMetrics();
 * metrics.bindTo(meterRegistry);
 * CatalogClient catalog = CatalogClient.builder().config(ClientConfig.builder()
 *     .baseUrl(url).token(token).listener(metrics).build()).build();
 * }</pre>
 *
 * <p>Thread-safe. Calls made before {@link #bindTo} are not recorded.
 */
public final class BackstageClientMetrics implements RequestListener, MeterBinder {
  private static final List<String> STATES = List.of("CLOSED", "OPEN", "HALF_OPEN");

  private volatile MeterRegistry registry;
  private final Map<String, String> circuitStates = new ConcurrentHashMap<>();

  /** Creates the metrics; nothing is recorded until {@link #bindTo} is called. */
  public BackstageClientMetrics() {}

  @Override
  public void bindTo(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public void onAttempt(String backend, String method, String pathTemplate, int status, Duration duration) {
    MeterRegistry r = registry;
    if (r == null) {
      return;
    }
    Timer.builder("backstage.client.requests")
        .description("Calls to Backstage plugin APIs, one per attempt")
        .tag("backend", backend).tag("method", method).tag("uri", pathTemplate)
        .tag("status", status == 0 ? "IO_ERROR" : Integer.toString(status))
        .tag("outcome", outcome(status))
        .register(r).record(duration);
  }

  @Override
  public void onRetry(String backend, String method, String pathTemplate, int attempt, Duration wait) {
    MeterRegistry r = registry;
    if (r == null) {
      return;
    }
    Counter.builder("backstage.client.retries").description("Attempts repeated after a retryable failure")
        .tag("backend", backend).tag("method", method).tag("uri", pathTemplate).register(r).increment();
  }

  @Override
  public void onCircuitStateChange(String backend, String fromState, String toState) {
    MeterRegistry r = registry;
    if (r == null) {
      return;
    }
    boolean first = circuitStates.put(backend, toState) == null;
    if (first) {
      for (String state : STATES) {
        Gauge.builder("backstage.client.circuit.state", circuitStates,
                m -> state.equals(m.get(backend)) ? 1 : 0)
            .description("1 for the circuit breaker's current state of each backend")
            .tag("backend", backend).tag("state", state).register(r);
      }
    }
  }

  static String outcome(int status) {
    if (status >= 200 && status < 400) {
      return "SUCCESS";
    }
    if (status >= 400 && status < 500) {
      return "CLIENT_ERROR";
    }
    return status >= 500 ? "SERVER_ERROR" : "UNKNOWN";
  }
}
