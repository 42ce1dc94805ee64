package dev.backstage4j.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How calls that are safe to repeat are retried: GET and HEAD, and read-only POSTs such as
 * {@code by-refs} and {@code by-query}, on connection failures and on 429, 502, 503 and 504. Waits grow
 * exponentially with jitter, and a server's {@code Retry-After} is honoured (up to {@link #maxRetryAfter()}).
 *
 * <p>Calls that are not safe to repeat (scaffolder task creation, location registration) are retried only when
 * the connection could not be opened, i.e. when the request certainly never reached the server. Immutable.
 */
public final class RetryOptions {
  private static final RetryOptions DEFAULTS = builder().build();
  private static final RetryOptions DISABLED = builder().maxRetries(0).build();

  private final int maxRetries;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final double multiplier;
  private final Duration maxRetryAfter;

  private RetryOptions(Builder b) {
    this.maxRetries = b.maxRetries;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.multiplier = b.multiplier;
    this.maxRetryAfter = b.maxRetryAfter;
  }

  /** {@return the defaults: 3 retries, 200 ms initial backoff doubling up to 5 s, Retry-After honoured up to 60 s} */
  public static RetryOptions defaults() {
    return DEFAULTS;
  }

  /** {@return options that never retry} */
  public static RetryOptions disabled() {
    return DISABLED;
  }

  /** {@return a builder starting from the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding these options} */
  public Builder toBuilder() {
    return new Builder().maxRetries(maxRetries).initialBackoff(initialBackoff).maxBackoff(maxBackoff)
        .multiplier(multiplier).maxRetryAfter(maxRetryAfter);
  }

  /** {@return how many times a failed call is repeated; 0 means retries are off} */
  public int maxRetries() {
    return maxRetries;
  }

  /** {@return whether retries are on} */
  public boolean retriesEnabled() {
    return maxRetries > 0;
  }

  /** {@return the wait before the first retry (before jitter)} */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** {@return the longest computed wait between retries} */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** {@return the factor by which the wait grows after each retry} */
  public double multiplier() {
    return multiplier;
  }

  /** {@return the longest {@code Retry-After} that is honoured; a longer one fails the call at once} */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RetryOptions)) {
      return false;
    }
    RetryOptions r = (RetryOptions) o;
    return maxRetries == r.maxRetries && initialBackoff.equals(r.initialBackoff) && maxBackoff.equals(r.maxBackoff)
        && multiplier == r.multiplier && maxRetryAfter.equals(r.maxRetryAfter);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxRetries, initialBackoff, maxBackoff, multiplier, maxRetryAfter);
  }

  @Override
  public String toString() {
    return "RetryOptions{maxRetries=" + maxRetries + ", initialBackoff=" + initialBackoff + ", maxBackoff="
        + maxBackoff + ", multiplier=" + multiplier + ", maxRetryAfter=" + maxRetryAfter + "}";
  }

  /** Builds {@link RetryOptions}. Not thread-safe. */
  public static final class Builder {
    private int maxRetries = 3;
    private Duration initialBackoff = Duration.ofMillis(200);
    private Duration maxBackoff = Duration.ofSeconds(5);
    private double multiplier = 2.0;
    private Duration maxRetryAfter = Duration.ofSeconds(60);

    private Builder() {}

    /**
     * Sets how many times a failed call is repeated (0 switches retries off).
     *
     * @param maxRetries the number of repeats after the first attempt
     * @return this builder, for chaining
     */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * Sets the wait before the first retry.
     *
     * @param initialBackoff the wait before the first repeat, before jitter
     * @return this builder, for chaining
     */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = positive(initialBackoff, "initialBackoff");
      return this;
    }

    /**
     * Sets the longest computed wait.
     *
     * @param maxBackoff the cap on the growing wait
     * @return this builder, for chaining
     */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = positive(maxBackoff, "maxBackoff");
      return this;
    }

    /**
     * Sets the growth factor of the wait (at least 1).
     *
     * @param multiplier the factor each wait grows by
     * @return this builder, for chaining
     */
    public Builder multiplier(double multiplier) {
      if (!(multiplier >= 1.0)) {
        throw new IllegalArgumentException("multiplier must be >= 1, was " + multiplier);
      }
      this.multiplier = multiplier;
      return this;
    }

    /**
     * Sets the longest {@code Retry-After} that is honoured.
     *
     * @param maxRetryAfter the cap; a server asking for longer fails the call instead of waiting
     * @return this builder, for chaining
     */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = positive(maxRetryAfter, "maxRetryAfter");
      return this;
    }

    /** {@return the options} */
    public RetryOptions build() {
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException("maxBackoff (" + maxBackoff + ") is shorter than initialBackoff ("
            + initialBackoff + ")");
      }
      return new RetryOptions(this);
    }

    static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
      return d;
    }
  }
}
