package dev.backstage4j.micrometer;

import dev.backstage4j.core.OutgoingRequest;
import dev.backstage4j.core.RequestListener;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.RequestReplySenderContext;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Micrometer {@link Observation} per call to Backstage (per attempt, retries included), so a service with
 * tracing gets a client span per Backstage call and Backstage receives the trace context: the observation is a
 * sender observation whose carrier is the outgoing request, so a propagating tracing handler (Micrometer Tracing's
 * {@code PropagatingSenderTracingObservationHandler}, auto-configured by Spring Boot) writes {@code traceparent}
 * (or B3) headers into it. Add it to {@code ClientConfig.builder().listener(...)}:
 *
 * <pre>{@code
 * CatalogClient catalog = CatalogClient.builder().config(ClientConfig.builder().baseUrl(url).token(token)
 *     .listener(new BackstageClientObservations(observationRegistry)).build()).build();
 * }</pre>
 *
 * <p>Observation {@value #NAME}, contextual name {@code backstage <method> <uri>}; low-cardinality key values
 * {@code backend}, {@code method}, {@code uri} (the path template, never a concrete path), {@code status}
 * ({@code IO_ERROR} when no answer came) and {@code outcome}. Thread-safe.
 */
public final class BackstageClientObservations implements RequestListener {
  /** The observation name. */
  public static final String NAME = "backstage.client.requests";

  private final ObservationRegistry registry;
  /** Observations between onRequest and onResponse, keyed by the request instance (identity). */
  private final Map<OutgoingRequest, Observation> open = new ConcurrentHashMap<>();

  /**
   * Creates the listener.
   *
   * @param registry the application's observation registry
   */
  public BackstageClientObservations(ObservationRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public void onRequest(OutgoingRequest request) {
    if (registry.isNoop()) {
      return;
    }
    RequestReplySenderContext<OutgoingRequest, Integer> context =
        new RequestReplySenderContext<>((carrier, key, value) -> carrier.header(key, value));
    context.setCarrier(request);
    context.setRemoteServiceName(request.backend());
    Observation observation = Observation.createNotStarted(NAME, () -> context, registry)
        .contextualName("backstage " + request.method() + " " + request.pathTemplate())
        .lowCardinalityKeyValues(KeyValues.of("backend", request.backend(), "method", request.method(),
            "uri", request.pathTemplate()))
        .start();
    open.put(request, observation);
  }

  @Override
  public void onResponse(OutgoingRequest request, int status, Duration duration) {
    Observation observation = open.remove(request);
    if (observation == null) {
      return;
    }
    if (observation.getContext() instanceof RequestReplySenderContext<?, ?> c && status != 0) {
      @SuppressWarnings("unchecked")
      RequestReplySenderContext<OutgoingRequest, Integer> context = (RequestReplySenderContext<OutgoingRequest,
          Integer>) c;
      context.setResponse(status);
    }
    observation.lowCardinalityKeyValue("status", status == 0 ? "IO_ERROR" : Integer.toString(status))
        .lowCardinalityKeyValue("outcome", BackstageClientMetrics.outcome(status));
    if (status == 0 || status >= 500) {
      observation.error(new IllegalStateException(status == 0 ? "no answer from " + request.backend()
          : request.backend() + " answered " + status));
    }
    observation.stop();
  }

  /** {@return how many observations are started and not yet stopped (for diagnostics and tests)} */
  int openObservations() {
    return open.size();
  }
}
