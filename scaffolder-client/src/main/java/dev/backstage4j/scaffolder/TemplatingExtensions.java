package dev.backstage4j.scaffolder;

import dev.backstage4j.core.internal.Trees;
import java.util.Map;
import java.util.Objects;

/** Describes the template expression filters and globals the server offers (newer servers only). */
public final class TemplatingExtensions {
  private final Map<String, Object> filters;
  private final Map<String, Object> globalFunctions;
  private final Map<String, Object> globalValues;

  private TemplatingExtensions(Map<String, Object> filters, Map<String, Object> globalFunctions,
      Map<String, Object> globalValues) {
    this.filters = filters;
    this.globalFunctions = globalFunctions;
    this.globalValues = globalValues;
  }

  static TemplatingExtensions fromMap(Map<String, Object> m, String path) {
    Map<String, Object> globals = Trees.map(m, "globals", path);
    String globalsAt = Trees.at(path, "globals");
    return new TemplatingExtensions(Trees.frozenMap(m, "filters", path),
        Trees.frozenMap(globals, "functions", globalsAt), Trees.frozenMap(globals, "values", globalsAt));
  }

  /** {@return the filters by name (each with description, schema and examples), e.g. {@code parseRepoUrl}} */
  public Map<String, Object> filters() {
    return filters;
  }

  /** {@return the global functions by name} */
  public Map<String, Object> globalFunctions() {
    return globalFunctions;
  }

  /** {@return the global values by name} */
  public Map<String, Object> globalValues() {
    return globalValues;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TemplatingExtensions)) {
      return false;
    }
    TemplatingExtensions t = (TemplatingExtensions) o;
    return filters.equals(t.filters) && globalFunctions.equals(t.globalFunctions)
        && globalValues.equals(t.globalValues);
  }

  @Override
  public int hashCode() {
    return Objects.hash(filters, globalFunctions, globalValues);
  }

  @Override
  public String toString() {
    return "TemplatingExtensions{filters=" + filters.keySet() + "}";
  }
}
