package dev.backstage4j.scaffolder;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Holds a finished task together with its whole log, as returned by {@code awaitCompletion}. */
public final class TaskResult {
  private final Task task;
  private final List<TaskEvent> log;

  TaskResult(Task task, List<TaskEvent> log) {
    this.task = task;
    this.log = List.copyOf(log);
  }

  /** {@return the task as the server reported it after completion} */
  public Task task() {
    return task;
  }

  /** {@return every event of the run, in order, ending with the completion event} */
  public List<TaskEvent> log() {
    return log;
  }

  /** {@return whether the task completed successfully} */
  public boolean succeeded() {
    return task.status() == TaskStatus.COMPLETED;
  }

  /** {@return whether the log shows that the task was cancelled (the task itself then ends as failed)} */
  public boolean cancelled() {
    return log.stream().anyMatch(e -> e.type() == TaskEventType.CANCELLED);
  }

  /** {@return the output of the completion event ({@code links}, {@code text}, ...), or an empty map} */
  public Map<String, Object> output() {
    return log.isEmpty() ? Map.of() : log.get(log.size() - 1).output();
  }

  /** {@return the error message of the completion event, or null when the task succeeded} */
  public String errorMessage() {
    return log.isEmpty() ? null : log.get(log.size() - 1).errorMessage();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TaskResult && task.equals(((TaskResult) o).task) && log.equals(((TaskResult) o).log);
  }

  @Override
  public int hashCode() {
    return Objects.hash(task, log);
  }

  @Override
  public String toString() {
    return "TaskResult{task=" + task + ", events=" + log.size() + "}";
  }
}
