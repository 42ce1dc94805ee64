package dev.backstage4j.scaffolder.template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Describes one page of a template form: a title, its fields and which of them are required. */
public final class ParameterPage {
  private final Map<String, Object> schema;

  private ParameterPage(Map<String, Object> schema) {
    this.schema = Collections.unmodifiableMap(schema);
  }

  /**
   * {@return a builder for a page with the given title}
   *
   * @param title the page title shown above its fields
   */
  public static Builder builder(String title) {
    return new Builder(title);
  }

  /** {@return the page as a JSON Schema object} */
  public Map<String, Object> toSchema() {
    return schema;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ParameterPage && schema.equals(((ParameterPage) o).schema);
  }

  @Override
  public int hashCode() {
    return schema.hashCode();
  }

  @Override
  public String toString() {
    return "ParameterPage" + schema;
  }

  /** Builds a {@link ParameterPage}. */
  public static final class Builder {
    private final String title;
    private String description;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final List<String> required = new ArrayList<>();
    private final Map<String, Object> extra = new LinkedHashMap<>();

    private Builder(String title) {
      this.title = Objects.requireNonNull(title, "title");
    }

    /**
     * Sets the page description.
     *
     * @param description the text shown under the title
     * @return this builder, for chaining
     */
    public Builder description(String description) {
      this.description = description;
      return this;
    }

    /**
     * Adds a field.
     *
     * @param name the field's name, the key its value has in the task's parameters
     * @param parameter the field's schema
     * @return this builder, for chaining
     */
    public Builder property(String name, Parameter parameter) {
      properties.put(Objects.requireNonNull(name, "name"), parameter.toSchema());
      return this;
    }

    /**
     * Marks fields as required.
     *
     * @param names the names of the required fields
     * @return this builder, for chaining
     */
    public Builder required(String... names) {
      required.addAll(Arrays.asList(names));
      return this;
    }

    /**
     * Sets any other JSON Schema keyword of the page (e.g. {@code dependencies}, {@code ui:order}).
     *
     * @param keyword the keyword
     * @param value the keyword's value
     * @return this builder, for chaining
     */
    public Builder with(String keyword, Object value) {
      extra.put(Objects.requireNonNull(keyword, "keyword"), value);
      return this;
    }

    /**
     * Builds the page.
     *
     * @return the page, for {@link TemplateDefinition.Builder#page(ParameterPage)}
     */
    public ParameterPage build() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("title", title);
      if (description != null) {
        m.put("description", description);
      }
      if (!required.isEmpty()) {
        m.put("required", List.copyOf(required));
      }
      m.put("properties", Collections.unmodifiableMap(new LinkedHashMap<>(properties)));
      m.putAll(extra);
      return new ParameterPage(m);
    }
  }
}
