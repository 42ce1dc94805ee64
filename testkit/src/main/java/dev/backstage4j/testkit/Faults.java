package dev.backstage4j.testkit;

import dev.backstage4j.testkit.internal.FaultState;
import java.time.Duration;
import java.util.Objects;

/**
 * Injects failures into a running {@link FakeBackstage}, so tests can exercise retries, circuit breakers and
 * timeouts. Faults apply to every {@code /api/...} call (not to the health endpoints) in arrival order.
 *
 * <pre>{@code
 * fake.faults().failNext(3, 503);          // next 3 calls answer 503 ServiceUnavailableError
 * fake.faults().latency(Duration.ofMillis(200));
 * fake.faults().disconnectNext(1);         // next call: connection closed, no response
 * fake.faults().clear();
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class Faults {
  private final FaultState state;

  Faults(FaultState state) {
    this.state = state;
  }

  /**
   * Makes the next {@code count} API calls fail with {@code status} and the backend's standard error body (name
   * chosen as Backstage does: 503 {@code ServiceUnavailableError}, 500 {@code Error}, 429 {@code Error}, ...).
   *
   * @param count how many of the next calls fail
   * @param status the HTTP status, 400 to 599
   * @return these faults, for chaining
   * @throws IllegalArgumentException if count is negative or status is not 400..599
   */
  public Faults failNext(int count, int status) {
    if (count < 0 || status < 400 || status > 599) {
      throw new IllegalArgumentException("failNext needs count >= 0 and a status in 400..599, got " + count + ", "
          + status);
    }
    state.failNext(count, status);
    return this;
  }

  /**
   * Makes the next {@code count} API calls close the connection without sending a response.
   *
   * @param count how many of the next calls are cut off
   * @return these faults, for chaining
   * @throws IllegalArgumentException if count is negative
   */
  public Faults disconnectNext(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("disconnectNext needs count >= 0, got " + count);
    }
    state.disconnectNext(count);
    return this;
  }

  /**
   * Delays every API call by {@code delay} before it is answered ({@link Duration#ZERO} turns it off).
   *
   * @param delay the wait before each answer
   * @return these faults, for chaining
   */
  public Faults latency(Duration delay) {
    state.latency(Objects.requireNonNull(delay, "delay"));
    return this;
  }

  /**
   * Removes every injected fault.
   *
   * @return these faults, for chaining
   */
  public Faults clear() {
    state.clear();
    return this;
  }
}
