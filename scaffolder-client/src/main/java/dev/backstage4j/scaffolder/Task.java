package dev.backstage4j.scaffolder;

import dev.backstage4j.core.internal.Trees;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Describes a scaffolder task as the server reports it: id, status, timestamps and the task spec (steps,
 * parameters, template info). Secrets are never part of it.
 */
public final class Task {
  private final String id;
  private final TaskStatus status;
  private final Instant createdAt;
  private final Instant lastHeartbeatAt;
  private final String createdBy;
  private final Map<String, Object> spec;

  private Task(String id, TaskStatus status, Instant createdAt, Instant lastHeartbeatAt, String createdBy,
      Map<String, Object> spec) {
    this.id = id;
    this.status = status;
    this.createdAt = createdAt;
    this.lastHeartbeatAt = lastHeartbeatAt;
    this.createdBy = createdBy;
    this.spec = spec;
  }

  static Task fromMap(Map<String, Object> m, String path) {
    TaskStatus status = TaskStatus.fromWire(Trees.text(m, "status", path));
    return new Task(Trees.text(m, "id", path), status == null ? TaskStatus.UNKNOWN : status,
        Trees.instant(m, "createdAt", path), Trees.instant(m, "lastHeartbeatAt", path),
        Trees.text(m, "createdBy", path), Trees.frozenMap(m, "spec", path));
  }

  /** {@return the task id (a UUID)} */
  public String id() {
    return id;
  }

  /** {@return the status; a cancelled task ends as {@link TaskStatus#FAILED} on the real server} */
  public TaskStatus status() {
    return status;
  }

  /** {@return when the task was created, or null if the server did not say} */
  public Instant createdAt() {
    return createdAt;
  }

  /** {@return the last heartbeat of the worker running the task, or null} */
  public Instant lastHeartbeatAt() {
    return lastHeartbeatAt;
  }

  /** {@return the entity ref of the user who created the task, or null when the server does not report it} */
  public String createdBy() {
    return createdBy;
  }

  /** {@return the task spec (apiVersion, steps, output, parameters, user, templateInfo) as an unmodifiable map} */
  public Map<String, Object> spec() {
    return spec;
  }

  /** {@return the values the task was started with ({@code spec.parameters})} */
  public Map<String, Object> parameters() {
    return Trees.map(spec, "parameters", "$.spec");
  }

  /** {@return the ref of the template that produced the task ({@code spec.templateInfo.entityRef}), if known} */
  public Optional<String> templateRef() {
    return Optional.ofNullable(Trees.text(Trees.map(spec, "templateInfo", "$.spec"), "entityRef", "$.spec.templateInfo"));
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Task)) {
      return false;
    }
    Task t = (Task) o;
    return Objects.equals(id, t.id) && status == t.status && Objects.equals(createdAt, t.createdAt)
        && Objects.equals(lastHeartbeatAt, t.lastHeartbeatAt) && Objects.equals(createdBy, t.createdBy)
        && spec.equals(t.spec);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, status, createdAt, lastHeartbeatAt, createdBy, spec);
  }

  @Override
  public String toString() {
    return "Task{id=" + id + ", status=" + status.wireValue() + ", createdAt=" + createdAt
        + templateRef().map(r -> ", template=" + r).orElse("") + "}";
  }
}
