package dev.backstage4j.scaffolder;

import dev.backstage4j.scaffolder.internal.SafeFiles;
import dev.backstage4j.core.internal.Trees;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Holds what a dry-run produced: the log, the steps as run, the template output and the produced files. */
public final class DryRunResult {
  private final List<LogEntry> log;
  private final List<Map<String, Object>> steps;
  private final Map<String, Object> output;
  private final List<ProducedFile> files;

  private DryRunResult(List<LogEntry> log, List<Map<String, Object>> steps, Map<String, Object> output,
      List<ProducedFile> files) {
    this.log = log;
    this.steps = steps;
    this.output = output;
    this.files = files;
  }

  static DryRunResult fromMap(Map<String, Object> m, String path) {
    List<LogEntry> log = new ArrayList<>();
    List<?> rawLog = Trees.list(m, "log", path);
    for (int i = 0; i < rawLog.size(); i++) {
      String at = Trees.at(Trees.at(path, "log"), i);
      Map<String, Object> body = Trees.map(Trees.asMap(rawLog.get(i), at), "body", at);
      String bodyAt = Trees.at(at, "body");
      log.add(new LogEntry(Trees.text(body, "message", bodyAt), Trees.text(body, "stepId", bodyAt),
          TaskStatus.fromWire(Trees.text(body, "status", bodyAt))));
    }
    List<Map<String, Object>> steps = new ArrayList<>();
    List<?> rawSteps = Trees.list(m, "steps", path);
    for (int i = 0; i < rawSteps.size(); i++) {
      steps.add(Trees.frozenMap(rawSteps.get(i), Trees.at(Trees.at(path, "steps"), i)));
    }
    List<ProducedFile> files = new ArrayList<>();
    Base64.Decoder b64 = Base64.getMimeDecoder();
    List<?> rawFiles = Trees.list(m, "directoryContents", path);
    for (int i = 0; i < rawFiles.size(); i++) {
      String at = Trees.at(Trees.at(path, "directoryContents"), i);
      Map<String, Object> f = Trees.asMap(rawFiles.get(i), at);
      String content = Trees.text(f, "base64Content", at);
      files.add(new ProducedFile(Trees.text(f, "path", at), Boolean.TRUE.equals(f.get("executable")),
          content == null ? new byte[0] : b64.decode(content)));
    }
    return new DryRunResult(List.copyOf(log), List.copyOf(steps), Trees.frozenMap(m, "output", path),
        List.copyOf(files));
  }

  /** {@return the log lines in order (ANSI colour escapes kept)} */
  public List<LogEntry> log() {
    return log;
  }

  /** {@return the steps as the server ran them (id, name, action, input)} */
  public List<Map<String, Object>> steps() {
    return steps;
  }

  /** {@return the rendered template output ({@code links}, {@code text}, ...)} */
  public Map<String, Object> output() {
    return output;
  }

  /** {@return the files left in the workspace} */
  public List<ProducedFile> files() {
    return files;
  }

  /**
   * Writes the produced files below {@code target} (created if missing) and returns their paths. Every path is
   * checked before anything is written.
   *
   * @param target the folder to write into
   * @return the written files, in the order of the result
   * @throws UnsafePathException for an absolute path, a {@code ..} segment, a symbolic link in the way, or a
   *     name resolving outside {@code target}; nothing is written then
   */
  public List<Path> writeTo(Path target) {
    List<SafeFiles.Entry> entries = new ArrayList<>();
    for (ProducedFile f : files) {
      entries.add(new SafeFiles.Entry(f.path, f.content, f.executable));
    }
    return SafeFiles.writeAll(target, entries);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof DryRunResult)) {
      return false;
    }
    DryRunResult r = (DryRunResult) o;
    return log.equals(r.log) && steps.equals(r.steps) && output.equals(r.output) && files.equals(r.files);
  }

  @Override
  public int hashCode() {
    return Objects.hash(log, steps, output, files);
  }

  @Override
  public String toString() {
    return "DryRunResult{log=" + log.size() + " lines, steps=" + steps.size() + ", files=" + files + "}";
  }

  /** Describes one line of a dry-run log. */
  public static final class LogEntry {
    private final String message;
    private final String stepId;
    private final TaskStatus status;

    LogEntry(String message, String stepId, TaskStatus status) {
      this.message = message == null ? "" : message;
      this.stepId = stepId;
      this.status = status;
    }

    /** {@return the message} */
    public String message() {
      return message;
    }

    /** {@return the step id, or null for task-level lines} */
    public String stepId() {
      return stepId;
    }

    /** {@return the step status carried by the line, or null} */
    public TaskStatus status() {
      return status;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof LogEntry && message.equals(((LogEntry) o).message)
          && Objects.equals(stepId, ((LogEntry) o).stepId) && status == ((LogEntry) o).status;
    }

    @Override
    public int hashCode() {
      return Objects.hash(message, stepId, status);
    }

    @Override
    public String toString() {
      return (stepId == null ? "" : "[" + stepId + "] ") + message;
    }
  }

  /** Describes one produced file: its relative path, executable flag and exact bytes. */
  public static final class ProducedFile {
    private final String path;
    private final boolean executable;
    private final byte[] content;

    ProducedFile(String path, boolean executable, byte[] content) {
      this.path = path;
      this.executable = executable;
      this.content = content;
    }

    /** {@return the path relative to the workspace, as the server sent it (not yet checked)} */
    public String path() {
      return path;
    }

    /** {@return whether the file is executable} */
    public boolean executable() {
      return executable;
    }

    /** {@return a copy of the file's bytes} */
    public byte[] content() {
      return content.clone();
    }

    /** {@return the content decoded as UTF-8} */
    public String text() {
      return new String(content, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ProducedFile && Objects.equals(path, ((ProducedFile) o).path)
          && executable == ((ProducedFile) o).executable && Arrays.equals(content, ((ProducedFile) o).content);
    }

    @Override
    public int hashCode() {
      return Objects.hash(path, executable) * 31 + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
      return path + " (" + content.length + " bytes" + (executable ? ", executable" : "") + ")";
    }
  }
}
