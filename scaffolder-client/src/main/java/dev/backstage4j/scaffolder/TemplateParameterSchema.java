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
