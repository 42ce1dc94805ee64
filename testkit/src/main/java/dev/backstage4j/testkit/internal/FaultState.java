package dev.backstage4j.testkit.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Mutable fault-injection state shared by the server threads. */
public final class FaultState {
  private final AtomicInteger failCount = new AtomicInteger();
  private volatile int failStatus = 503;
  private final AtomicInteger disconnectCount = new AtomicInteger();
  private final AtomicLong latencyMillis = new AtomicLong();

  /** Makes the next {@code n} API calls answer {@code status}. */
  public void failNext(int n, int status) {
    failStatus = status;
    failCount.set(n);
  }

  /** Makes the next {@code n} API calls close the connection without an answer. */
  public void disconnectNext(int n) {
    disconnectCount.set(n);
  }

  /** Delays every API call by {@code latency}. */
  public void latency(Duration latency) {
    latencyMillis.set(latency.toMillis());
  }

  /** Clears every fault. */
  public void clear() {
    failCount.set(0);
    disconnectCount.set(0);
    latencyMillis.set(0);
  }

  long latencyMillis() {
    return latencyMillis.get();
  }

  boolean takeDisconnect() {
    return disconnectCount.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
  }

  /** {@return the status to fail this call with, or 0} */
  int takeFailure() {
    return failCount.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0 ? failStatus : 0;
  }
}
