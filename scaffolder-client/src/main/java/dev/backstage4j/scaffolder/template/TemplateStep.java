package dev.backstage4j.scaffolder.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Describes one step of a template: id, name, action, input, and an optional {@code if} condition. */
public final class TemplateStep {
  private final Map<String, Object> map;

  private TemplateStep(Map<String, Object> map) {
    this.map = Collections.unmodifiableMap(map);
  }

  /**
   * {@return a builder for a step with an id and an action id (e.g. {@code fetch:template})}
   *
   * @param id the step's id, used in {@code ${{ steps.<id>.output }}}
   * @param action the action id
   */
  public static Builder builder(String id, String action) {
    return new Builder(id, action);
  }

  /** {@return the step id} */
  public String id() {
    return (String) map.get("id");
  }

  /** {@return the action id} */
  public String action() {
    return (String) map.get("action");
  }

  /** {@return the step as it appears in {@code spec.steps}} */
  public Map<String, Object> toMap() {
    return map;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TemplateStep && map.equals(((TemplateStep) o).map);
  }

  @Override
  public int hashCode() {
    return map.hashCode();
  }

  @Override
  public String toString() {
    return "TemplateStep" + map;
  }

  /** Builds a {@link TemplateStep}. */
  public static final class Builder {
    private final String id;
    private final String action;
    private String name;
    private Object condition;
    private Object each;
    private final Map<String, Object> input = new LinkedHashMap<>();

    private Builder(String id, String action) {
      this.id = Objects.requireNonNull(id, "id");
      this.action = Objects.requireNonNull(action, "action");
    }

    /**
     * Sets the display name.
     *
     * @param name the name shown in the task log
     * @return this builder, for chaining
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * Sets one input value; strings may contain {@code ${{ parameters.x }}} expressions.
     *
     * @param key the input name
     * @param value the input value as a JSON-like tree
     * @return this builder, for chaining
     */
    public Builder input(String key, Object value) {
      input.put(Objects.requireNonNull(key, "input key"), value);
      return this;
    }

    /**
     * Runs the step only when the expression is truthy, e.g. {@code ${{ parameters.publish }}}.
     *
     * @param expression the {@code if} expression
     * @return this builder, for chaining
     */
    public Builder condition(String expression) {
      this.condition = Objects.requireNonNull(expression, "expression");
      return this;
    }

    /**
     * Repeats the step for each item of a list or expression ({@code ${{ each.value }}} in the input).
     *
     * @param items a list, or an expression giving one
     * @return this builder, for chaining
     */
    public Builder each(Object items) {
      this.each = Objects.requireNonNull(items, "items");
      return this;
    }

    /**
     * Builds the step.
     *
     * @return the step, for {@link TemplateDefinition.Builder#step(TemplateStep)}
     */
    public TemplateStep build() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", id);
      if (name != null) {
        m.put("name", name);
      }
      m.put("action", action);
      if (condition != null) {
        m.put("if", condition);
      }
      if (each != null) {
        m.put("each", each);
      }
      if (!input.isEmpty()) {
        m.put("input", Collections.unmodifiableMap(new LinkedHashMap<>(input)));
      }
      return new TemplateStep(m);
    }
  }
}
