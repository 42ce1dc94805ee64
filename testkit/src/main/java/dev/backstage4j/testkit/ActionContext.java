package dev.backstage4j.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Gives a {@link ScaffolderAction} what Backstage's action context gives: the step's rendered input, a logger
 * whose lines become task log events, outputs, and the task workspace (kept in memory: paths are relative,
 * {@code /}-separated).
 *
 * <p>Not thread-safe: use it from the thread that called the action.
 */
public final class ActionContext {
  private final String taskId;
  private final String stepId;
  private final Map<String, Object> input;
  private final boolean dryRun;
  private final SortedMap<String, byte[]> workspace;
  private final Consumer<String> logger;
  private final BiConsumer<String, Object> outputs;

  /**
   * Creates a context; the testkit calls this, users normally do not.
   *
   * @param taskId the task id
   * @param stepId the step id
   * @param input the rendered step input
   * @param dryRun whether this is a dry run
   * @param workspace the task workspace, path to content (mutated in place)
   * @param logger receives log lines
   * @param outputs receives outputs
   */
  public ActionContext(String taskId, String stepId, Map<String, Object> input, boolean dryRun,
      SortedMap<String, byte[]> workspace, Consumer<String> logger, BiConsumer<String, Object> outputs) {
    this.taskId = Objects.requireNonNull(taskId, "taskId");
    this.stepId = Objects.requireNonNull(stepId, "stepId");
    this.input = Collections.unmodifiableMap(Objects.requireNonNull(input, "input"));
    this.dryRun = dryRun;
    this.workspace = Objects.requireNonNull(workspace, "workspace");
    this.logger = Objects.requireNonNull(logger, "logger");
    this.outputs = Objects.requireNonNull(outputs, "outputs");
  }

  /** {@return the id of the running task} */
  public String taskId() {
    return taskId;
  }

  /** {@return the id of the running step} */
  public String stepId() {
    return stepId;
  }

  /** {@return the step's input after {@code ${{ }}} substitution; unmodifiable} */
  public Map<String, Object> input() {
    return input;
  }

  /** {@return whether the task is a dry run ({@code POST /v2/dry-run})} */
  public boolean isDryRun() {
    return dryRun;
  }

  /**
   * Writes an info line to the task log (a {@code log} event carrying this step's id).
   *
   * @param message the line's text
   */
  public void log(String message) {
    logger.accept(Objects.requireNonNull(message, "message"));
  }

  /**
   * Sets a step output, readable by later steps as {@code ${{ steps.<id>.output.<name> }}}.
   *
   * @param name the output's name
   * @param value the output's value as a JSON-like tree
   */
  public void output(String name, Object value) {
    outputs.accept(Objects.requireNonNull(name, "name"), value);
  }

  /** {@return the workspace file paths, sorted} */
  public List<String> files() {
    return List.copyOf(workspace.keySet());
  }

  /**
   * {@return a workspace file's content as UTF-8 text, or null when there is no such file}
   *
   * @param path the file's path inside the workspace, with '/' separators
   */
  public String readFile(String path) {
    byte[] b = workspace.get(Objects.requireNonNull(path, "path"));
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }

  /**
   * Creates or replaces a workspace file with UTF-8 text.
   *
   * @param path the file's path inside the workspace, with '/' separators
   * @param content the text to write
   */
  public void writeFile(String path, String content) {
    writeFile(path, content.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Creates or replaces a workspace file with bytes (copied).
   *
   * @param path the file's path inside the workspace, with '/' separators
   * @param content the bytes to write
   */
  public void writeFile(String path, byte[] content) {
    workspace.put(Objects.requireNonNull(path, "path"), content.clone());
  }

  /**
   * Deletes a workspace file; returns whether it existed.
   *
   * @param path the file's path inside the workspace, with '/' separators
   * @return true when the file existed and was deleted
   */
  public boolean deleteFile(String path) {
    return workspace.remove(Objects.requireNonNull(path, "path")) != null;
  }
}
