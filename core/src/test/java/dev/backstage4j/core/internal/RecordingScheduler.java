package dev.backstage4j.core.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** A scheduler that records the delays it was asked for and runs the task at once, so tests never sleep. */
final class RecordingScheduler extends ScheduledThreadPoolExecutor {
  final List<Duration> delays = new CopyOnWriteArrayList<>();

  RecordingScheduler() {
    super(1);
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    delays.add(Duration.ofNanos(unit.toNanos(delay)));
    return super.schedule(command, 0, TimeUnit.MILLISECONDS);
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    delays.add(Duration.ofNanos(unit.toNanos(delay)));
    return super.schedule(callable, 0, TimeUnit.MILLISECONDS);
  }
}
