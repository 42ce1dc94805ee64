package dev.backstage4j.scaffolder;

import dev.backstage4j.core.BackstageException;
import java.time.Duration;

/**
 * Thrown when waiting for a task (or for its next event) took longer than the caller allowed. The task itself
 * is left alone: it is not cancelled and may still finish.
 */
public final class TaskTimeoutException extends BackstageException {
  private static final long serialVersionUID = 1L;

  /** The task waited for (serialized form). */
  private final String taskId;
  /** How long was waited (serialized form). */
  private final Duration timeout;
  /** The last event seen before giving up (serialized form). */
  private final long lastEventId;

  TaskTimeoutException(String taskId, Duration timeout, long lastEventId, String what) {
    super("task " + taskId + ": " + what + " within " + timeout + " (last event id " + lastEventId
        + "); the task was not cancelled — follow it again with after=" + lastEventId + " or cancel it");
    this.taskId = taskId;
    this.timeout = timeout;
    this.lastEventId = lastEventId;
  }

  /** {@return the id of the task that was being waited for} */
  public String taskId() {
    return taskId;
  }

  /** {@return how long the caller waited} */
  public Duration timeout() {
    return timeout;
  }

  /** {@return the id of the last event received (0 if none), to resume following from} */
  public long lastEventId() {
    return lastEventId;
  }

  /** {@return true: waiting again may succeed} */
  @Override
  public boolean isRetryable() {
    return true;
  }
}
