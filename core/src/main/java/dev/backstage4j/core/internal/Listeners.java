package dev.backstage4j.core.internal;

import dev.backstage4j.core.OutgoingRequest;
import dev.backstage4j.core.RequestListener;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Several {@link RequestListener}s as one: each is told in turn, and one that throws does not stop the rest. */
public final class Listeners implements RequestListener {
  private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);
  private final List<RequestListener> all;

  private Listeners(List<RequestListener> all) {
    this.all = all;
  }

  /** {@return one listener for {@code listeners}; {@link RequestListener#none()} when there are none} */
  public static RequestListener of(List<RequestListener> listeners) {
    return listeners.isEmpty() ? RequestListener.none() : new Listeners(List.copyOf(listeners));
  }

  @Override
  public void onRequest(OutgoingRequest request) {
    each(l -> l.onRequest(request));
  }

  @Override
  public void onAttempt(String backend, String method, String pathTemplate, int status, Duration duration) {
    each(l -> l.onAttempt(backend, method, pathTemplate, status, duration));
  }

  @Override
  public void onResponse(OutgoingRequest request, int status, Duration duration) {
    each(l -> l.onResponse(request, status, duration));
  }

  @Override
  public void onRetry(String backend, String method, String pathTemplate, int attempt, Duration wait) {
    each(l -> l.onRetry(backend, method, pathTemplate, attempt, wait));
  }

  @Override
  public void onCircuitStateChange(String backend, String fromState, String toState) {
    each(l -> l.onCircuitStateChange(backend, fromState, toState));
  }

  private void each(Consumer<RequestListener> call) {
    for (RequestListener l : all) {
      try {
        call.accept(l);
      } catch (RuntimeException e) {
        // A listener bug must not fail the user's call; WARN because it silently loses metrics or headers.
        LOG.warn("RequestListener {} threw; ignored", l.getClass().getName(), e);
      }
    }
  }
}
