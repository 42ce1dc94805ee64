package dev.backstage4j.scaffolder.template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Describes one form field of a template: a JSON Schema property with Backstage UI hints ({@code ui:field},
 * {@code ui:widget}, {@code ui:options}, ...). Immutable; every method returns a changed copy.
 */
public final class Parameter {
  private final Map<String, Object> schema;

  private Parameter(Map<String, Object> schema) {
    this.schema = Collections.unmodifiableMap(schema);
  }

  /** {@return a {@code string} parameter} */
  public static Parameter string() {
    return ofType("string");
  }

  /** {@return an {@code integer} parameter} */
  public static Parameter integer() {
    return ofType("integer");
  }

  /** {@return a {@code number} parameter} */
  public static Parameter number() {
    return ofType("number");
  }

  /** {@return a {@code boolean} parameter} */
  public static Parameter bool() {
    return ofType("boolean");
  }

  /**
   * {@return an {@code array} parameter whose items follow {@code items}}
   *
   * @param items the schema every item follows
   */
  public static Parameter array(Parameter items) {
    return ofType("array").with("items", items.schema);
  }

  /** {@return an {@code object} parameter (add nested fields with {@link #property(String, Parameter)})} */
  public static Parameter object() {
    return ofType("object");
  }

  /**
   * {@return a parameter of the given JSON Schema type}
   *
   * @param type the JSON Schema type, e.g. {@code string}
   */
  public static Parameter ofType(String type) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", Objects.requireNonNull(type, "type"));
    return new Parameter(m);
  }

  /**
   * {@return a copy with a title}
   *
   * @param title the label shown in the form
   */
  public Parameter title(String title) {
    return with("title", title);
  }

  /**
   * {@return a copy with a description}
   *
   * @param description the help text shown under the field
   */
  public Parameter description(String description) {
    return with("description", description);
  }

  /**
   * {@return a copy with a default value}
   *
   * @param value the value the form starts with
   */
  public Parameter defaultValue(Object value) {
    return with("default", value);
  }

  /**
   * {@return a copy with a regular-expression pattern (strings)}
   *
   * @param regex the pattern a string value must match
   */
  public Parameter pattern(String regex) {
    return with("pattern", regex);
  }

  /**
   * {@return a copy restricted to the given values, optionally with display names ({@code enumNames})}
   *
   * @param values the allowed values ({@code enum})
   */
  public Parameter allowedValues(Object... values) {
    return with("enum", List.copyOf(Arrays.asList(values)));
  }

  /**
   * {@return a copy with display names for the allowed values}
   *
   * @param names the names shown for the allowed values, in the same order
   */
  public Parameter allowedValueNames(String... names) {
    return with("enumNames", List.of(names));
  }

  /**
   * {@return a copy with {@code minimum} (numbers) or {@code minLength}-like bounds set through {@link #with}}
   *
   * @param minimum the smallest allowed number
   */
  public Parameter minimum(Number minimum) {
    return with("minimum", minimum);
  }

  /**
   * {@return a copy with {@code maximum}}
   *
   * @param maximum the largest allowed number
   */
  public Parameter maximum(Number maximum) {
    return with("maximum", maximum);
  }

  /**
   * {@return a copy rendered by a custom field extension, e.g. {@code RepoUrlPicker}, {@code OwnerPicker}}
   *
   * @param field the field extension's name ({@code ui:field})
   */
  public Parameter uiField(String field) {
    return with("ui:field", field);
  }

  /**
   * {@return a copy rendered by a widget, e.g. {@code password} (masked on review) or {@code textarea}}
   *
   * @param widget the widget's name ({@code ui:widget})
   */
  public Parameter uiWidget(String widget) {
    return with("ui:widget", widget);
  }

  /**
   * {@return a copy with one {@code ui:options} entry, e.g. {@code allowedHosts} or {@code catalogFilter}}
   *
   * @param name the option's name
   * @param value the option's value
   */
  @SuppressWarnings("unchecked")
  public Parameter uiOption(String name, Object value) {
    Map<String, Object> options = new LinkedHashMap<>((Map<String, Object>) schema.getOrDefault("ui:options",
        Map.of()));
    options.put(Objects.requireNonNull(name, "option name"), value);
    return with("ui:options", Collections.unmodifiableMap(options));
  }

  /** {@return a copy that takes focus when its page opens} */
  public Parameter uiAutofocus() {
    return with("ui:autofocus", true);
  }

  /**
   * {@return a copy with a nested field (for {@code object} parameters)}
   *
   * @param name the nested field's name
   * @param property the nested field's schema
   */
  @SuppressWarnings("unchecked")
  public Parameter property(String name, Parameter property) {
    Map<String, Object> props = new LinkedHashMap<>((Map<String, Object>) schema.getOrDefault("properties",
        Map.of()));
    props.put(Objects.requireNonNull(name, "property name"), property.schema);
    return with("properties", Collections.unmodifiableMap(props));
  }

  /**
   * {@return a copy whose nested fields {@code names} are required (for {@code object} parameters)}
   *
   * @param names the names of the required nested fields
   */
  @SuppressWarnings("unchecked")
  public Parameter required(String... names) {
    List<Object> required = new ArrayList<>((List<Object>) schema.getOrDefault("required", List.of()));
    required.addAll(Arrays.asList(names));
    return with("required", List.copyOf(required));
  }

  /**
   * {@return a copy with any other JSON Schema keyword or UI hint set (null removes it)}
   *
   * @param keyword the keyword, e.g. {@code minLength} or {@code ui:autofocus}
   * @param value the keyword's value, or null to remove it
   */
  public Parameter with(String keyword, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(schema);
    if (value == null) {
      copy.remove(keyword);
    } else {
      copy.put(Objects.requireNonNull(keyword, "keyword"), value);
    }
    return new Parameter(copy);
  }

  /** {@return the JSON Schema of this parameter} */
  public Map<String, Object> toSchema() {
    return schema;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Parameter && schema.equals(((Parameter) o).schema);
  }

  @Override
  public int hashCode() {
    return schema.hashCode();
  }

  @Override
  public String toString() {
    return "Parameter" + schema;
  }
}
