package dev.backstage4j.scaffolder;

import dev.backstage4j.core.internal.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Describes the form of a template as the server renders it: a title and one {@link Page} per entry of
 * {@code spec.parameters}, each with its JSON Schema. Parameters the caller may not see are already removed.
 */
public final class TemplateParameterSchema {
  private final String title;
  private final String description;
  private final List<Page> pages;

  private TemplateParameterSchema(String title, String description, List<Page> pages) {
    this.title = title;
    this.description = description;
    this.pages = pages;
  }

  static TemplateParameterSchema fromMap(Map<String, Object> m, String path) {
    List<Page> pages = new ArrayList<>();
    List<?> steps = Trees.list(m, "steps", path);
    for (int i = 0; i < steps.size(); i++) {
      String at = Trees.at(Trees.at(path, "steps"), i);
      Map<String, Object> step = Trees.asMap(steps.get(i), at);
      pages.add(new Page(Trees.text(step, "title", at), Trees.text(step, "description", at),
          Trees.frozenMap(step, "schema", at)));
    }
    return new TemplateParameterSchema(Trees.text(m, "title", path), Trees.text(m, "description", path),
        List.copyOf(pages));
  }

  /**
   * {@return the form of a template as written, e.g. a local {@code template.yaml} before a dry-run: one page per
   * entry of {@code spec.parameters}} Unlike {@link ScaffolderClient.Templates#parameterSchema}, nothing is
   * removed for the caller's permissions.
   *
   * @param template the Template entity as a JSON-like tree
   * @throws dev.backstage4j.core.BackstageDecodingException naming the path when a part has the wrong shape
   */
  public static TemplateParameterSchema fromTemplate(Map<String, ?> template) {
    Map<String, Object> metadata = Trees.map(template, "metadata", "template");
    Object parameters = Trees.map(template, "spec", "template").get("parameters");
    List<?> entries = parameters instanceof List<?> l ? l : parameters == null ? List.of() : List.of(parameters);
    List<Page> pages = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String at = Trees.at("template.spec.parameters", i);
      Map<String, Object> schema = Trees.frozenMap(entries.get(i), at);
      String pageTitle = Trees.text(schema, "title", at);
      pages.add(new Page(pageTitle == null ? "Please enter the following information" : pageTitle,
          Trees.text(schema, "description", at), schema));
    }
    String title = Trees.text(metadata, "title", "template.metadata");
    return new TemplateParameterSchema(title == null ? Trees.text(metadata, "name", "template.metadata") : title,
        Trees.text(metadata, "description", "template.metadata"), List.copyOf(pages));
  }

  /**
   * {@return {@code values} with the defaults of every page filled in, as Backstage's form does before it
   * submits: the scaffolder applies no defaults itself, so a task created or dry-run through the API without them
   * renders a missing parameter as empty} A given value (even null) is never replaced; nested objects and the
   * items of arrays get their properties' defaults; conditional schemas ({@code dependencies}, {@code allOf},
   * {@code if}) are not evaluated.
   *
   * <pre>{@code
   * Map<String, Object> values = scaffolder.templates().parameterSchema(ref).withDefaults(Map.of("name", "x"));
   * }</pre>
   *
   * @param values the values given so far; they win over defaults
   */
  public Map<String, Object> withDefaults(Map<String, ?> values) {
    List<Map<String, Object>> schemas = new ArrayList<>();
    pages.forEach(p -> schemas.add(p.schema()));
    return FormDefaults.apply(schemas, values);
  }

  /** {@return the template title (or name)} */
  public String title() {
    return title;
  }

  /** {@return the template description, or null} */
  public String description() {
    return description;
  }

  /** {@return the form pages in order} */
  public List<Page> pages() {
    return pages;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TemplateParameterSchema)) {
      return false;
    }
    TemplateParameterSchema s = (TemplateParameterSchema) o;
    return Objects.equals(title, s.title) && Objects.equals(description, s.description) && pages.equals(s.pages);
  }

  @Override
  public int hashCode() {
    return Objects.hash(title, description, pages);
  }

  @Override
  public String toString() {
    return "TemplateParameterSchema{title=" + title + ", pages=" + pages.size() + "}";
  }

  /** Describes one page of a template form. */
  public static final class Page {
    private final String title;
    private final String description;
    private final Map<String, Object> schema;

    Page(String title, String description, Map<String, Object> schema) {
      this.title = title;
      this.description = description;
      this.schema = schema;
    }

    /** {@return the page title} */
    public String title() {
      return title;
    }

    /** {@return the page description, or null} */
    public String description() {
      return description;
    }

    /** {@return the page's JSON Schema (with {@code ui:*} hints)} */
    public Map<String, Object> schema() {
      return schema;
    }

    /** {@return the names of the required properties of the page} */
    public List<String> required() {
      List<String> names = new ArrayList<>();
      for (Object o : Trees.list(schema, "required", "$.schema")) {
        names.add(String.valueOf(o));
      }
      return names;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Page && Objects.equals(title, ((Page) o).title)
          && Objects.equals(description, ((Page) o).description) && schema.equals(((Page) o).schema);
    }

    @Override
    public int hashCode() {
      return Objects.hash(title, description, schema);
    }

    @Override
    public String toString() {
      return "Page{" + title + "}";
    }
  }
}
