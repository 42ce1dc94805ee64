package dev.backstage4j.core;

import java.time.Duration;

/**
 * Observes the calls a client makes and may add headers to them: metrics (backstage4j-micrometer), tracing
 * ({@code traceparent}), request ids, gateway headers. Add several with {@link ClientConfig.Builder#listener}.
 *
 * <p>Methods are called on transport threads and must return quickly; an exception thrown by a listener is
 * logged at WARN and otherwise ignored (the call goes on, and so do the other listeners). Paths are templates such as
 * {@code /entities/by-name/{kind}/{namespace}/{name}}, so they are safe as low-cardinality metric tags.
 */
public interface RequestListener {

  /** {@return a listener that does nothing} */
  static RequestListener none() {
    return new RequestListener() {};
  }

  /**
   * Called before every attempt (retries included) and before an event stream opens, on the thread sending it;
   * {@link OutgoingRequest#header} adds a header to this attempt.
   *
   * @param request the request about to be sent
   */
  default void onRequest(OutgoingRequest request) {}

  /**
   * Called once per attempt that got an answer or failed. {@code status} is 0 when no answer came back.
   *
   * @param backend the backend name, e.g. {@code backstage-catalog}
   * @param method the HTTP method
   * @param pathTemplate the templated path
   * @param status the HTTP status, or 0
   * @param duration how long the attempt took
   */
  default void onAttempt(String backend, String method, String pathTemplate, int status, Duration duration) {}

  /**
   * Called once per attempt that got an answer or failed, with the same {@link OutgoingRequest} instance
   * {@link #onRequest} saw, so a listener can end what it began there (a tracing span, an observation). For an
   * event stream: when the stream opened, or failed to.
   *
   * @param request the request {@link #onRequest} saw
   * @param status the HTTP status, or 0 when no answer came back
   * @param duration how long the attempt took
   */
  default void onResponse(OutgoingRequest request, int status, Duration duration) {}

  /**
   * Called when an attempt failed and another will follow after {@code wait}.
   *
   * @param backend the backend called, e.g. {@code backstage-catalog}
   * @param method the HTTP method
   * @param pathTemplate the templated path, e.g. {@code /entities/by-name/{kind}/{namespace}/{name}}
   * @param attempt the number of the attempt that failed, from 1
   * @param wait how long until the next attempt
   */
  default void onRetry(String backend, String method, String pathTemplate, int attempt, Duration wait) {}

  /**
   * Called when a backend's circuit breaker changes state ({@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}).
   *
   * @param backend the backend whose breaker changed, e.g. {@code backstage-catalog}
   * @param fromState the state before
   * @param toState the state now
   */
  default void onCircuitStateChange(String backend, String fromState, String toState) {}
}
