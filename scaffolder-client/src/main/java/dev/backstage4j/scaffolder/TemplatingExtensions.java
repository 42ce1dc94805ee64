package dev.backstage4j.scaffolder;

import dev.backstage4j.scaffolder.internal.Wire;
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

  static TemplatingExtensions fromMap(Map<String, Object> m) {
    Map<String, Object> globals = Wire.map(m, "globals");
    return new TemplatingExtensions(Wire.frozenMap(m.get("filters")), Wire.frozenMap(globals.get("functions")),
        Wire.frozenMap(globals.get("values")));
  }

  /** Returns the filters by name (each with description, schema and examples), e.g. {@code parseRepoUrl}. */
  public Map<String, Object> filters() {
    return filters;
  }

  /** Returns the global functions by name. */
  public Map<String, Object> globalFunctions() {
    return globalFunctions;
  }

  /** Returns the global values by name. */
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
