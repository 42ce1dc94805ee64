package dev.backstage4j.catalog.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Holds an entity's {@code metadata}: name, namespace, server-set uid and etag, title, description, labels,
 * annotations, tags and links.
 *
 * <p>Immutable. Keys Backstage does not define stay available in {@link #toMap()}. Optional strings are null
 * when absent; collections are empty when absent.
 */
public final class EntityMetadata {
  private final Map<String, Object> raw;
  private final String name;
  private final String namespace;
  private final Map<String, String> labels;
  private final Map<String, String> annotations;
  private final List<String> tags;
  private final List<EntityLink> links;

  EntityMetadata(Map<String, Object> raw, List<Violation> problems) {
    this.raw = raw;
    this.name = string(raw, "name", true, problems);
    this.namespace = string(raw, "namespace", false, problems);
    this.labels = stringMap(raw, "labels", problems);
    this.annotations = stringMap(raw, "annotations", problems);
    this.tags = stringList(raw, "tags", problems);
    this.links = links(raw, problems);
    string(raw, "uid", false, problems);
    string(raw, "etag", false, problems);
    string(raw, "title", false, problems);
    string(raw, "description", false, problems);
  }

  /** {@return the name} */
  public String name() {
    return name;
  }

  /** {@return the namespace, {@value EntityRef#DEFAULT_NAMESPACE} when the entity names none} */
  public String namespace() {
    return namespace == null ? EntityRef.DEFAULT_NAMESPACE : namespace;
  }

  /** {@return whether the entity names its namespace explicitly} */
  public boolean hasNamespace() {
    return namespace != null;
  }

  /** {@return the uid the catalog assigned, or null (never use it as a stable external key)} */
  public String uid() {
    return (String) raw.get("uid");
  }

  /** {@return the etag the catalog assigned, or null} */
  public String etag() {
    return (String) raw.get("etag");
  }

  /** {@return the display title, or null} */
  public String title() {
    return (String) raw.get("title");
  }

  /** {@return the description, or null} */
  public String description() {
    return (String) raw.get("description");
  }

  /** {@return the labels as an unmodifiable map in source order} */
  public Map<String, String> labels() {
    return labels;
  }

  /** {@return the annotations as an unmodifiable map in source order} See {@link Annotations}. */
  public Map<String, String> annotations() {
    return annotations;
  }

  /**
   * {@return the annotation value for the key, or null}
   *
   * @param key the annotation key, e.g. {@code backstage.io/source-location}
   */
  public String annotation(String key) {
    return annotations.get(key);
  }

  /** {@return the tags as an unmodifiable list} */
  public List<String> tags() {
    return tags;
  }

  /** {@return the links as an unmodifiable list} */
  public List<EntityLink> links() {
    return links;
  }

  /** {@return the whole metadata tree, unknown keys included, as an unmodifiable map} */
  public Map<String, Object> toMap() {
    return raw;
  }

  /** {@return whether the other object holds the same metadata tree} */
  @Override
  public boolean equals(Object o) {
    return o instanceof EntityMetadata && ((EntityMetadata) o).raw.equals(raw);
  }

  /** {@return a hash of the metadata tree} */
  @Override
  public int hashCode() {
    return raw.hashCode();
  }

  /** {@return the metadata tree for debugging} */
  @Override
  public String toString() {
    return raw.toString();
  }

  static String string(Map<String, ?> m, String key, boolean required, List<Violation> problems) {
    Object v = m.get(key);
    if (v == null && !m.containsKey(key) && !required) {
      return null;
    }
    if (!(v instanceof String)) {
      problems.add(Violation.of(pathOf(key), required && v == null
          ? "is required" : "must be a string, found " + typeName(v)));
      return null;
    }
    return (String) v;
  }

  private static String pathOf(String key) {
    return "metadata." + key;
  }

  private static String typeName(Object v) {
    return dev.backstage4j.core.internal.Trees.typeName(v);
  }

  private static Map<String, String> stringMap(Map<String, Object> raw, String key, List<Violation> problems) {
    Object v = raw.get(key);
    if (v == null && !raw.containsKey(key)) {
      return Map.of();
    }
    if (!(v instanceof Map)) {
      problems.add(Violation.of(pathOf(key), "must be an object, found " + typeName(v)));
      return Map.of();
    }
    ((Map<?, ?>) v).forEach((k, value) -> {
      if (!(value instanceof String)) {
        problems.add(Violation.of(pathOf(key) + "." + k, "must be a string, found " + typeName(value)));
      }
    });
    // The tree is already unmodifiable (frozen by Entity) and, once checked, holds only strings.
    @SuppressWarnings("unchecked")
    Map<String, String> strings = (Map<String, String>) v;
    return strings;
  }

  private static List<String> stringList(Map<String, Object> raw, String key, List<Violation> problems) {
    Object v = raw.get(key);
    if (v == null && !raw.containsKey(key)) {
      return List.of();
    }
    if (!(v instanceof List)) {
      problems.add(Violation.of(pathOf(key), "must be an array, found " + typeName(v)));
      return List.of();
    }
    int i = 0;
    for (Object o : (List<?>) v) {
      if (!(o instanceof String)) {
        problems.add(Violation.of(pathOf(key) + "." + i, "must be a string, found " + typeName(o)));
      }
      i++;
    }
    // The tree is already unmodifiable (frozen by Entity) and, once checked, holds only strings.
    @SuppressWarnings("unchecked")
    List<String> strings = (List<String>) v;
    return strings;
  }

  private static List<EntityLink> links(Map<String, Object> raw, List<Violation> problems) {
    Object v = raw.get("links");
    if (v == null && !raw.containsKey("links")) {
      return List.of();
    }
    if (!(v instanceof List)) {
      problems.add(Violation.of("metadata.links", "must be an array, found " + typeName(v)));
      return List.of();
    }
    List<EntityLink> out = new ArrayList<>();
    int i = 0;
    for (Object o : (List<?>) v) {
      int index = i++;
      if (!(o instanceof Map)) {
        problems.add(Violation.of("metadata.links." + index, "must be an object, found " + typeName(o)));
        continue;
      }
      Map<?, ?> l = (Map<?, ?>) o;
      String url = linkPart(l, "url", index, true, problems);
      String title = linkPart(l, "title", index, false, problems);
      String icon = linkPart(l, "icon", index, false, problems);
      String type = linkPart(l, "type", index, false, problems);
      if (url != null) {
        out.add(EntityLink.of(url, title, icon, type));
      }
    }
    return Collections.unmodifiableList(out);
  }

  private static String linkPart(Map<?, ?> l, String key, int index, boolean required, List<Violation> problems) {
    Object v = l.get(key);
    if (v == null && !l.containsKey(key) && !required) {
      return null;
    }
    if (!(v instanceof String)) {
      problems.add(Violation.of("metadata.links." + index + "." + key,
          v == null && required ? "is required" : "must be a string, found " + typeName(v)));
      return null;
    }
    return (String) v;
  }
}
