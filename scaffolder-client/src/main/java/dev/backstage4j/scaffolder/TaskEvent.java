package dev.backstage4j.scaffolder;

import dev.backstage4j.core.internal.Trees;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Describes one entry of a task log. Ids come from one sequence shared by all tasks, so they grow within a task
 * but are not contiguous. Step transitions are {@link TaskEventType#LOG} events with a {@link #stepId()} and a
 * {@link #status()}; the run ends with a {@link TaskEventType#COMPLETION} event carrying output or an error.
 */
public final class TaskEvent {
  private static final String BODY = "$.body";
  private final long id;
  private final String taskId;
  private final TaskEventType type;
  private final Instant createdAt;
  private final boolean taskRecoverable;
  private final Map<String, Object> body;

  private TaskEvent(long id, String taskId, TaskEventType type, Instant createdAt, boolean taskRecoverable,
      Map<String, Object> body) {
    this.id = id;
    this.taskId = taskId;
    this.type = type;
    this.createdAt = createdAt;
    this.taskRecoverable = taskRecoverable;
    this.body = body;
  }

  static TaskEvent fromMap(Map<String, Object> m, String path) {
    return new TaskEvent(Trees.number(m, "id", path, -1), Trees.text(m, "taskId", path),
        TaskEventType.fromWire(Trees.text(m, "type", path)), Trees.instant(m, "createdAt", path),
        Boolean.TRUE.equals(m.get("isTaskRecoverable")), Trees.frozenMap(m, "body", path));
  }

  /** {@return the event id (global sequence across tasks; -1 if the server sent none)} */
  public long id() {
    return id;
  }

  /** {@return the id of the task the event belongs to} */
  public String taskId() {
    return taskId;
  }

  /** {@return the kind of event} */
  public TaskEventType type() {
    return type;
  }

  /** {@return when the event was recorded, or null} */
  public Instant createdAt() {
    return createdAt;
  }

  /** {@return whether the server may restart the task after this event (recovery enabled)} */
  public boolean taskRecoverable() {
    return taskRecoverable;
  }

  /** {@return the log message; it may contain ANSI colour escapes (see {@link #plainMessage()})} */
  public String message() {
    String m = Trees.text(body, "message", BODY);
    return m == null ? "" : m;
  }

  /** {@return the log message without ANSI colour escapes} */
  public String plainMessage() {
    return message().replaceAll("\u001b\\[[0-9;]*m", "");
  }

  /** {@return the step the event belongs to, or null for task-level events} */
  public String stepId() {
    return Trees.text(body, "stepId", BODY);
  }

  /** {@return the step (or, on completion, task) status carried by the event, or null} */
  public TaskStatus status() {
    return TaskStatus.fromWire(Trees.text(body, "status", BODY));
  }

  /** {@return the task output of a successful completion event, or an empty map} */
  public Map<String, Object> output() {
    return Trees.map(body, "output", BODY);
  }

  /** {@return the error message of a failed completion event, or null} */
  public String errorMessage() {
    Map<String, Object> error = Trees.map(body, "error", BODY);
    return error.isEmpty() ? null : Trees.text(error, "message", BODY + ".error");
  }

  /** {@return the whole event body as an unmodifiable map} */
  public Map<String, Object> body() {
    return body;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TaskEvent)) {
      return false;
    }
    TaskEvent e = (TaskEvent) o;
    return id == e.id && taskRecoverable == e.taskRecoverable && Objects.equals(taskId, e.taskId) && type == e.type
        && Objects.equals(createdAt, e.createdAt) && body.equals(e.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, taskId, type, createdAt, taskRecoverable, body);
  }

  @Override
  public String toString() {
    return "TaskEvent{id=" + id + ", type=" + type + (stepId() == null ? "" : ", step=" + stepId())
        + ", message=" + plainMessage() + "}";
  }
}
