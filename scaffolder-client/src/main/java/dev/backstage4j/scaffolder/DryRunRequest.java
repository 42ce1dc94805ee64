package dev.backstage4j.scaffolder;

import dev.backstage4j.catalog.model.Entity;
import dev.backstage4j.scaffolder.internal.TemplateFolder;
import dev.backstage4j.core.internal.Trees;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Describes a dry-run: a Template entity sent inline, the files of its folder (skeletons), values and secrets.
 * The server runs every step that supports dry-run in a temporary workspace and returns the produced files.
 *
 * <pre>{@code
 * DryRunResult r = scaffolder.templates().dryRun(
 *     DryRunRequest.fromDirectory(Path.of("templates/hello")).value("name", "demo").build());
 * r.writeTo(Path.of("build/dry-run"));
 * }</pre>
 */
public final class DryRunRequest {
  private final Map<String, Object> template;
  private final Map<String, byte[]> files;
  private final Map<String, Object> values;
  private final Secrets secrets;

  private DryRunRequest(Builder b) {
    this.template = Trees.frozenMap(b.template, "template");
    Map<String, byte[]> copy = new LinkedHashMap<>();
    b.files.forEach((k, v) -> copy.put(k, v.clone()));
    this.files = Collections.unmodifiableMap(copy);
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(b.values));
    this.secrets = b.secrets;
  }

  /** {@return a builder with no template yet} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return a builder loaded from a local template: {@code location} is a folder holding {@code template.yaml}
   * or the template file itself} Every file of the folder is sent, with paths relative to the folder.
   *
   * @param location the template folder, or its {@code template.yaml}
   * @throws TemplateFileException when there is no template file or the folder cannot be read
   * @throws dev.backstage4j.catalog.model.CatalogYamlException when the template is not valid YAML or not a
   *     mapping (file:line:column named)
   * @throws UnsafePathException when a symbolic link in the folder points outside it
   */
  public static Builder fromDirectory(Path location) {
    TemplateFolder folder = TemplateFolder.read(location);
    Builder b = new Builder().template(folder.template());
    folder.files().forEach(b::file);
    return b;
  }

  /** {@return the Template entity as a map} */
  public Map<String, Object> template() {
    return template;
  }

  /** {@return the relative paths of the files sent with the template} */
  public List<String> filePaths() {
    return List.copyOf(files.keySet());
  }

  /** {@return the parameter values} */
  public Map<String, Object> values() {
    return values;
  }

  /** {@return the secrets (values redacted in {@code toString()})} */
  public Secrets secrets() {
    return secrets;
  }

  Map<String, Object> toBody() {
    List<Map<String, Object>> contents = new ArrayList<>();
    Base64.Encoder b64 = Base64.getEncoder();
    files.forEach((path, bytes) -> {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("path", path);
      f.put("base64Content", b64.encodeToString(bytes));
      contents.add(f);
    });
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("template", template);
    body.put("values", values);
    body.put("secrets", secrets.reveal());
    body.put("directoryContents", contents);
    return body;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof DryRunRequest)) {
      return false;
    }
    DryRunRequest r = (DryRunRequest) o;
    if (!template.equals(r.template) || !values.equals(r.values) || !secrets.equals(r.secrets)
        || !files.keySet().equals(r.files.keySet())) {
      return false;
    }
    return files.entrySet().stream().allMatch(e -> java.util.Arrays.equals(e.getValue(), r.files.get(e.getKey())));
  }

  @Override
  public int hashCode() {
    return Objects.hash(template, values, secrets, files.keySet());
  }

  @Override
  public String toString() {
    return "DryRunRequest{template=" + Trees.text(Trees.map(template, "metadata", "template"), "name", "template.metadata") + ", files=" + files.keySet()
        + ", values=" + values + ", secrets=" + secrets + "}";
  }

  /** Builds a {@link DryRunRequest}. */
  public static final class Builder {
    private Map<String, ?> template;
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final Map<String, Object> values = new LinkedHashMap<>();
    private Secrets secrets = Secrets.none();

    private Builder() {}

    /**
     * Sets the Template entity (as a map, e.g. parsed from YAML).
     *
     * @param template the Template entity as a JSON-like tree
     * @return this builder, for chaining
     */
    public Builder template(Map<String, ?> template) {
      this.template = Objects.requireNonNull(template, "template");
      return this;
    }

    /**
     * Sets the Template entity.
     *
     * @param template the Template entity
     * @return this builder, for chaining
     */
    public Builder template(Entity template) {
      return template(Objects.requireNonNull(template, "template").toMap());
    }

    /**
     * Adds a file of the template folder; {@code path} is relative to the folder, with '/' separators.
     *
     * @param path the file's path inside the template folder, e.g. {@code skeleton/README.md}
     * @param content the file's bytes
     * @return this builder, for chaining
     */
    public Builder file(String path, byte[] content) {
      files.put(Objects.requireNonNull(path, "path"), Objects.requireNonNull(content, "content").clone());
      return this;
    }

    /**
     * Sets one parameter value.
     *
     * @param name the parameter name, as in the template's {@code spec.parameters}
     * @param value the value: a string, number, boolean, list or map
     * @return this builder, for chaining
     */
    public Builder value(String name, Object value) {
      values.put(Objects.requireNonNull(name, "value name"), value);
      return this;
    }

    /**
     * Adds all parameter values from a map.
     *
     * @param values parameter names to values
     * @return this builder, for chaining
     */
    public Builder values(Map<String, ?> values) {
      values.forEach(this::value);
      return this;
    }

    /**
     * Sets the secrets.
     *
     * @param secrets the secrets the template's actions may read; never logged
     * @return this builder, for chaining
     */
    public Builder secrets(Secrets secrets) {
      this.secrets = Objects.requireNonNull(secrets, "secrets");
      return this;
    }

    /**
     * Builds the request; fails when no template was set.
     *
     * @return the request, ready for {@link ScaffolderClient.Templates#dryRun}
     */
    public DryRunRequest build() {
      if (template == null) {
        throw new IllegalStateException("DryRunRequest: template is required");
      }
      return new DryRunRequest(this);
    }
  }
}
