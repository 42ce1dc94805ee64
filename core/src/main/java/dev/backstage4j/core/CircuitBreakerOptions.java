package dev.backstage4j.core;

import java.time.Duration;
import java.util.Objects;

/**
 * When a backend's circuit breaker opens: after at least {@link #minimumCalls()} calls, if
 * {@link #failureRateThreshold()} percent of the last {@link #slidingWindowSize()} failed (connection failures
 * and 5xx answers), calls fail fast with {@link CircuitOpenException} for {@link #waitInOpenState()}, after which
 * a few trial calls decide whether it closes again. Each backend (catalog, scaffolder) has its own breaker.
 * Immutable.
 */
public final class CircuitBreakerOptions {
  private static final CircuitBreakerOptions DEFAULTS = builder().build();
  private static final CircuitBreakerOptions DISABLED = builder().enabled(false).build();

  private final boolean enabled;
  private final float failureRateThreshold;
  private final int slidingWindowSize;
  private final int minimumCalls;
  private final Duration waitInOpenState;
  private final int callsInHalfOpenState;

  private CircuitBreakerOptions(Builder b) {
    this.enabled = b.enabled;
    this.failureRateThreshold = b.failureRateThreshold;
    this.slidingWindowSize = b.slidingWindowSize;
    this.minimumCalls = b.minimumCalls;
    this.waitInOpenState = b.waitInOpenState;
    this.callsInHalfOpenState = b.callsInHalfOpenState;
  }

  /** {@return the defaults: opens at 50 % failures over the last 20 calls (at least 10), stays open 30 s} */
  public static CircuitBreakerOptions defaults() {
    return DEFAULTS;
  }

  /** {@return options with the breaker switched off} */
  public static CircuitBreakerOptions disabled() {
    return DISABLED;
  }

  /** {@return a builder starting from the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding these options} */
  public Builder toBuilder() {
    return new Builder().enabled(enabled).failureRateThreshold(failureRateThreshold)
        .slidingWindowSize(slidingWindowSize).minimumCalls(minimumCalls).waitInOpenState(waitInOpenState)
        .callsInHalfOpenState(callsInHalfOpenState);
  }

  /** {@return whether the breaker is on} */
  public boolean enabled() {
    return enabled;
  }

  /** {@return the failure percentage (1–100) at which the breaker opens} */
  public float failureRateThreshold() {
    return failureRateThreshold;
  }

  /** {@return how many recent calls the failure rate is computed over} */
  public int slidingWindowSize() {
    return slidingWindowSize;
  }

  /** {@return how many calls must have been made before the failure rate counts} */
  public int minimumCalls() {
    return minimumCalls;
  }

  /** {@return how long the breaker stays open before letting trial calls through} */
  public Duration waitInOpenState() {
    return waitInOpenState;
  }

  /** {@return how many trial calls are let through while half-open} */
  public int callsInHalfOpenState() {
    return callsInHalfOpenState;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CircuitBreakerOptions)) {
      return false;
    }
    CircuitBreakerOptions c = (CircuitBreakerOptions) o;
    return enabled == c.enabled && failureRateThreshold == c.failureRateThreshold
        && slidingWindowSize == c.slidingWindowSize && minimumCalls == c.minimumCalls
        && waitInOpenState.equals(c.waitInOpenState) && callsInHalfOpenState == c.callsInHalfOpenState;
  }

  @Override
  public int hashCode() {
    return Objects.hash(enabled, failureRateThreshold, slidingWindowSize, minimumCalls, waitInOpenState,
        callsInHalfOpenState);
  }

  @Override
  public String toString() {
    return "CircuitBreakerOptions{enabled=" + enabled + ", failureRateThreshold=" + failureRateThreshold
        + ", slidingWindowSize=" + slidingWindowSize + ", minimumCalls=" + minimumCalls + ", waitInOpenState="
        + waitInOpenState + ", callsInHalfOpenState=" + callsInHalfOpenState + "}";
  }

  /** Builds {@link CircuitBreakerOptions}. Not thread-safe. */
  public static final class Builder {
    private boolean enabled = true;
    private float failureRateThreshold = 50f;
    private int slidingWindowSize = 20;
    private int minimumCalls = 10;
    private Duration waitInOpenState = Duration.ofSeconds(30);
    private int callsInHalfOpenState = 3;

    private Builder() {}

    /**
     * Switches the breaker on or off.
     *
     * @param enabled false to send every call whatever earlier calls did
     * @return this builder, for chaining
     */
    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    /**
     * Sets the failure percentage (1–100) at which the breaker opens.
     *
     * @param percent the failure rate, in percent, that opens the breaker
     * @return this builder, for chaining
     */
    public Builder failureRateThreshold(float percent) {
      if (!(percent > 0 && percent <= 100)) {
        throw new IllegalArgumentException("failureRateThreshold must be in (0, 100], was " + percent);
      }
      this.failureRateThreshold = percent;
      return this;
    }

    /**
     * Sets how many recent calls the failure rate is computed over.
     *
     * @param calls the number of most recent calls that count
     * @return this builder, for chaining
     */
    public Builder slidingWindowSize(int calls) {
      this.slidingWindowSize = atLeastOne(calls, "slidingWindowSize");
      return this;
    }

    /**
     * Sets how many calls must have been made before the failure rate counts.
     *
     * @param calls the number of calls below which the breaker stays closed
     * @return this builder, for chaining
     */
    public Builder minimumCalls(int calls) {
      this.minimumCalls = atLeastOne(calls, "minimumCalls");
      return this;
    }

    /**
     * Sets how long the breaker stays open.
     *
     * @param wait how long calls are refused before trial calls are let through
     * @return this builder, for chaining
     */
    public Builder waitInOpenState(Duration wait) {
      this.waitInOpenState = RetryOptions.Builder.positive(wait, "waitInOpenState");
      return this;
    }

    /**
     * Sets how many trial calls are let through while half-open.
     *
     * @param calls the number of trial calls that decide whether to close again
     * @return this builder, for chaining
     */
    public Builder callsInHalfOpenState(int calls) {
      this.callsInHalfOpenState = atLeastOne(calls, "callsInHalfOpenState");
      return this;
    }

    /** {@return the options} */
    public CircuitBreakerOptions build() {
      return new CircuitBreakerOptions(this);
    }

    private static int atLeastOne(int n, String name) {
      if (n < 1) {
        throw new IllegalArgumentException(name + " must be >= 1, was " + n);
      }
      return n;
    }
  }
}
