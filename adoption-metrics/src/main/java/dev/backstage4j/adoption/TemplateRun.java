package dev.backstage4j.adoption;

import dev.backstage4j.scaffolder.Task;
import dev.backstage4j.scaffolder.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Holds one scaffolder template run as the template KPIs need it: template ref, state, start and end, and who
 * ran it. Build one from a scaffolder {@link Task} with {@link #from(Task)} or directly with
 * {@link #of(String, State, Instant, Instant, String)}.
 */
public final class TemplateRun {
  /** Describes how a run ended, or that it has not yet. */
  public enum State {
    /** Finished successfully. */
    SUCCEEDED,
    /** Finished with an error or was cancelled. */
    FAILED,
    /** Still open or processing; counted as a run but not in success rate or duration. */
    RUNNING
  }

  private final String templateRef;
  private final State state;
  private final Instant startedAt;
  private final Instant endedAt;
  private final String user;

  private TemplateRun(String templateRef, State state, Instant startedAt, Instant endedAt, String user) {
    this.templateRef = templateRef == null || templateRef.isEmpty() ? "(unknown)" : templateRef;
    this.state = Objects.requireNonNull(state, "state");
    this.startedAt = startedAt;
    this.endedAt = endedAt;
    this.user = user;
  }

  /**
   * Returns a run.
   *
   * @param templateRef the template's entity ref; null is counted under {@code (unknown)}
   * @param startedAt may be null when unknown
   * @param endedAt may be null when unknown or still running
   * @param user the user's entity ref; may be null when the server does not report it
   * @param state how the run went
   * @return the run
   */
  public static TemplateRun of(String templateRef, State state, Instant startedAt, Instant endedAt, String user) {
    return new TemplateRun(templateRef, state, startedAt, endedAt, user);
  }

  /**
   * {@return the run described by a scaffolder task} Backstage's task list has no end time, so the end of a
   * finished task is its last heartbeat ({@code lastHeartbeatAt}), which the worker writes until the task ends.
   *
   * @param task the scaffolder task
   */
  public static TemplateRun from(Task task) {
    TaskStatus s = task.status();
    State state = s == TaskStatus.COMPLETED ? State.SUCCEEDED
        : s == TaskStatus.FAILED || s == TaskStatus.CANCELLED ? State.FAILED : State.RUNNING;
    return new TemplateRun(task.templateRef().orElse(null), state, task.createdAt(),
        state == State.RUNNING ? null : task.lastHeartbeatAt(), task.createdBy());
  }

  /** {@return the template ref, {@code (unknown)} when the run did not say} */
  public String templateRef() {
    return templateRef;
  }

  /** {@return the state} */
  public State state() {
    return state;
  }

  /** {@return the start time, or null} */
  public Instant startedAt() {
    return startedAt;
  }

  /** {@return the end time, or null} */
  public Instant endedAt() {
    return endedAt;
  }

  /** {@return the user ref, or null} */
  public String user() {
    return user;
  }

  /** {@return the duration of a finished run whose start and end are known} */
  public Optional<Duration> duration() {
    if (state == State.RUNNING || startedAt == null || endedAt == null || endedAt.isBefore(startedAt)) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(startedAt, endedAt));
  }

  /** {@return template, state and user} */
  @Override
  public String toString() {
    return "TemplateRun{" + templateRef + ", " + state + ", " + startedAt + ", by " + user + "}";
  }
}
