package dev.backstage4j.scaffolder;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/** Holds one page of tasks and, when the server counts them, the total number of matching tasks. */
public final class TaskList {
  private final List<Task> tasks;
  private final Long totalTasks;

  TaskList(List<Task> tasks, Long totalTasks) {
    this.tasks = List.copyOf(tasks);
    this.totalTasks = totalTasks;
  }

  /** {@return the tasks of this page} */
  public List<Task> tasks() {
    return tasks;
  }

  /** {@return the number of tasks matching the filters, when the server reports it} */
  public OptionalLong totalTasks() {
    return totalTasks == null ? OptionalLong.empty() : OptionalLong.of(totalTasks);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TaskList && tasks.equals(((TaskList) o).tasks)
        && Objects.equals(totalTasks, ((TaskList) o).totalTasks);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tasks, totalTasks);
  }

  @Override
  public String toString() {
    return "TaskList{tasks=" + tasks.size() + ", totalTasks=" + totalTasks + "}";
  }
}
