package dev.backstage4j.catalog.model;

import java.util.List;
import java.util.Map;

/**
 * Gives typed access to a scaffolder {@code Template} entity's spec ({@code scaffolder.backstage.io/v1beta3}): type, owner, lifecycle, parameters, steps, output.
 *
 * <p>A read-only view over an {@link Entity}: getters return null (or an empty list) when a field is absent or
 * has another type; refs are resolved with Backstage's default kind and the entity's namespace.
 */
public final class TemplateEntity extends OwnedKindView {
  private TemplateEntity(Entity entity) {
    super(entity, "Template");
  }

  /**
   * {@return the view of an entity of kind {@code Template}}
   *
   * @param entity an entity of kind {@code Template}
   * @throws IllegalArgumentException if the entity has another kind
   */
  public static TemplateEntity of(Entity entity) {
    return new TemplateEntity(entity);
  }

  /** {@return {@code spec.lifecycle}} */
  public String lifecycle() {
    return Spec.string(spec(), "lifecycle");
  }

  /**
   * {@return the parameter pages: {@code spec.parameters} as a list of JSON-schema objects (one page when the
   * template gives a single object)}
   */
  public List<Map<String, Object>> parameters() {
    return Spec.maps(spec().get("parameters"));
  }

  /** {@return {@code spec.steps}, each with {@code action} and optionally {@code id}, {@code name}, {@code input}} */
  public List<Map<String, Object>> steps() {
    return Spec.maps(spec().get("steps") instanceof List ? spec().get("steps") : null);
  }

  /** {@return {@code spec.output} ({@code links}, {@code text} and free string keys); empty when absent} */
  public Map<String, Object> output() {
    return Spec.map(spec(), "output");
  }
}
