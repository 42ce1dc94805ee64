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

  /** {@return a builder for a page with the given title} */
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

    /** Sets the page description. */
    public Builder description(String description) {
      this.description = description;
      return this;
    }

    /** Adds a field. */
    public Builder property(String name, Parameter parameter) {
      properties.put(Objects.requireNonNull(name, "name"), parameter.toSchema());
      return this;
    }

    /** Marks fields as required. */
    public Builder required(String... names) {
      required.addAll(Arrays.asList(names));
      return this;
    }

    /** Sets any other JSON Schema keyword of the page (e.g. {@code dependencies}, {@code ui:order}). */
    public Builder with(String keyword, Object value) {
      extra.put(Objects.requireNonNull(keyword, "keyword"), value);
      return this;
    }

    /** Builds the page. */
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
