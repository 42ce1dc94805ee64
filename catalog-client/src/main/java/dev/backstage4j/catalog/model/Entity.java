package dev.backstage4j.catalog.model;

import dev.backstage4j.catalog.model.internal.FreshEntities;
import dev.backstage4j.core.internal.Trees;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Holds one catalog entity: {@code apiVersion}, {@code kind}, {@code metadata}, {@code spec}, and the
 * server-computed {@code relations} and {@code status}.
 *
 * <p>Immutable and thread-safe. The free-form parts ({@link #spec()}, {@link #status()}, unknown keys) are
 * unmodifiable maps of plain Java values: {@code Map<String, Object>}, {@code List<Object>}, {@code String},
 * {@code Number}, {@code Boolean} and null. {@link #fromMap(Map)} followed by {@link #toMap()} loses nothing,
 * unknown root and metadata keys included.
 *
 * <p>{@link #fromMap(Map)} checks only the shape this class needs to exist (string {@code apiVersion},
 * {@code kind} and {@code metadata.name}, correctly typed known fields). Whether the catalog would accept the
 * entity is a separate question answered by {@link EntityValidator}, which also works on trees that are too
 * broken to become an {@code Entity}.
 *
 * <pre>{@code
 * Entity e = Entity.builder()
 *     .apiVersion("backstage.io/v1alpha1").kind("Component").name("artist-web")
 *     .spec("type", "website").spec("lifecycle", "production").spec("owner", "team-a")
 *     .build();
 * e.ref();  // component:default/artist-web
 * }</pre>
 */
public final class Entity {
  private final Map<String, Object> raw;
  private final EntityMetadata metadata;
  private final EntityRef ref;
  /**
   * Built on first use: most readers of a large catalog never look at relations, and a catalog entity has
   * several. Checked when the entity is made, so building cannot fail; a race builds equal lists twice.
   */
  private volatile List<EntityRelation> relations;

  static {
    FreshEntities.register(Entity::fromFrozen);
  }

  private Entity(Map<String, Object> raw, EntityMetadata metadata) {
    this.raw = raw;
    this.metadata = metadata;
    this.ref = EntityRef.of(kind(), metadata.namespace(), metadata.name());
  }

  /**
   * {@return the entity held by a JSON-like tree, as decoded from JSON or YAML}
   *
   * @param tree the entity as maps, lists, strings, numbers and booleans
   * @throws InvalidEntityException listing every field whose type is wrong, or that is required to build the
   *     model and missing ({@code apiVersion}, {@code kind}, {@code metadata.name})
   * @throws IllegalArgumentException if the tree holds values that are not JSON-like
   */
  public static Entity fromMap(Map<String, ?> tree) {
    Objects.requireNonNull(tree, "tree");
    return fromFrozen(Trees.freezeMap(tree, ""));
  }

  /** Checks an unmodifiable tree (frozen or adopted by {@link Trees}) and wraps it; the checks of fromMap. */
  @SuppressWarnings("unchecked")
  private static Entity fromFrozen(Map<String, Object> raw) {
    List<Violation> problems = new ArrayList<>();
    rootString(raw, "apiVersion", problems);
    rootString(raw, "kind", problems);
    Object md = raw.get("metadata");
    EntityMetadata metadata = null;
    if (md instanceof Map) {
      metadata = new EntityMetadata((Map<String, Object>) md, problems);
    } else {
      problems.add(Violation.of("metadata", md == null ? "is required" : "must be an object, found "
          + Trees.typeName(md)));
    }
    for (String key : new String[] {"spec", "status"}) {
      Object v = raw.get(key);
      if (raw.containsKey(key) && !(v instanceof Map)) {
        problems.add(Violation.of(key, "must be an object, found " + Trees.typeName(v)));
      }
    }
    checkRelations(raw, problems);
    if (!problems.isEmpty()) {
      String subject = metadata != null && metadata.name() != null ? "Entity " + metadata.name() : "Entity";
      throw new InvalidEntityException(subject, problems);
    }
    return new Entity(raw, metadata);
  }

  /** {@return a builder for a new entity} */
  public static Builder builder() {
    return new Builder(new LinkedHashMap<>());
  }

  /** {@return a builder that starts from this entity's tree} */
  public Builder toBuilder() {
    return new Builder(mutableCopy(raw));
  }

  /** {@return the apiVersion, for example {@code backstage.io/v1alpha1}} */
  public String apiVersion() {
    return (String) raw.get("apiVersion");
  }

  /** {@return the kind as written, for example {@code Component}} */
  public String kind() {
    return (String) raw.get("kind");
  }

  /** {@return the metadata} */
  public EntityMetadata metadata() {
    return metadata;
  }

  /** {@return the ref of this entity; the namespace is {@code default} when the metadata names none} */
  public EntityRef ref() {
    return ref;
  }

  /** {@return the spec as an unmodifiable tree; empty when the entity has none} */
  @SuppressWarnings("unchecked")
  public Map<String, Object> spec() {
    Object s = raw.get("spec");
    return s == null ? Map.of() : (Map<String, Object>) s;
  }

  /** {@return whether the entity has a {@code spec} object} */
  public boolean hasSpec() {
    return raw.get("spec") != null;
  }

  /** {@return the relations the catalog computed; empty when none} */
  public List<EntityRelation> relations() {
    List<EntityRelation> r = relations;
    if (r == null) {
      r = buildRelations(raw);
      relations = r;
    }
    return r;
  }

  /**
   * {@return the relations of the given type, for example {@link Relations#OWNED_BY}}
   *
   * @param type the relation type, e.g. {@code ownedBy}
   */
  public List<EntityRelation> relations(String type) {
    List<EntityRelation> out = new ArrayList<>();
    for (EntityRelation r : relations()) {
      if (r.type().equals(type)) {
        out.add(r);
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** {@return the status tree as an unmodifiable map; empty when the entity has none} */
  @SuppressWarnings("unchecked")
  public Map<String, Object> status() {
    Object s = raw.get("status");
    return s == null ? Map.of() : (Map<String, Object>) s;
  }

  /**
   * {@return the whole entity as an unmodifiable tree of plain Java values, unknown keys included, in the key
   * order it was built or read with}
   */
  public Map<String, Object> toMap() {
    return raw;
  }

  /** {@return whether the other object holds an equal tree} */
  @Override
  public boolean equals(Object o) {
    return o instanceof Entity && ((Entity) o).raw.equals(raw);
  }

  /** {@return a hash of the tree} */
  @Override
  public int hashCode() {
    return raw.hashCode();
  }

  /** {@return {@code Entity{component:default/name}}; the spec is left out as it may be large} */
  @Override
  public String toString() {
    return "Entity{" + ref + "}";
  }

  private static void rootString(Map<String, Object> raw, String key, List<Violation> problems) {
    Object v = raw.get(key);
    if (!(v instanceof String) || ((String) v).isEmpty()) {
      problems.add(Violation.of(key, v == null ? "is required"
          : v instanceof String ? "must not be empty" : "must be a string, found " + Trees.typeName(v)));
    }
  }

  /** Checks the relations without building them (see {@link #relations()}); says where any problem is. */
  private static void checkRelations(Map<String, Object> raw, List<Violation> problems) {
    Object v = raw.get("relations");
    if (v == null) {
      return;
    }
    if (!(v instanceof List)) {
      problems.add(Violation.of("relations", "must be an array, found " + Trees.typeName(v)));
      return;
    }
    int i = 0;
    for (Object o : (List<?>) v) {
      int index = i++;
      if (!(o instanceof Map)) {
        problems.add(Violation.of("relations." + index, "must be an object, found " + Trees.typeName(o)));
        continue;
      }
      Object type = ((Map<?, ?>) o).get("type");
      Object target = ((Map<?, ?>) o).get("targetRef");
      if (!(type instanceof String)) {
        problems.add(Violation.of("relations." + index + ".type", "must be a string, found "
            + Trees.typeName(type)));
      } else if (!(target instanceof String)) {
        problems.add(Violation.of("relations." + index + ".targetRef", "must be a string, found "
            + Trees.typeName(target)));
      } else {
        String problem = EntityRef.fullRefProblem((String) target);
        if (problem != null) {
          problems.add(Violation.of("relations." + index + ".targetRef", problem));
        }
      }
    }
  }

  /** Builds the relations of a tree {@link #checkRelations} accepted. */
  private static List<EntityRelation> buildRelations(Map<String, Object> raw) {
    Object v = raw.get("relations");
    if (v == null) {
      return List.of();
    }
    List<?> tree = (List<?>) v;
    List<EntityRelation> out = new ArrayList<>(tree.size());
    for (Object o : tree) {
      Map<?, ?> r = (Map<?, ?>) o;
      out.add(EntityRelation.of((String) r.get("type"), EntityRef.parse((String) r.get("targetRef"))));
    }
    return Collections.unmodifiableList(out);
  }

  @SuppressWarnings("unchecked")
  static <T> T mutableCopy(T value) {
    if (value instanceof Map) {
      Map<String, Object> out = new LinkedHashMap<>();
      ((Map<String, Object>) value).forEach((k, v) -> out.put(k, mutableCopy(v)));
      return (T) out;
    }
    if (value instanceof List) {
      List<Object> out = new ArrayList<>();
      ((List<Object>) value).forEach(v -> out.add(mutableCopy(v)));
      return (T) out;
    }
    return value;
  }

  /**
   * Builds an {@link Entity}. Not thread-safe; {@link #build()} may be called repeatedly.
   *
   * <p>Setting a value to null removes it.
   */
  public static final class Builder {
    private final Map<String, Object> root;

    private Builder(Map<String, Object> root) {
      this.root = root;
      if (!root.containsKey("apiVersion")) {
        root.put("apiVersion", null);
      }
      if (!root.containsKey("kind")) {
        root.put("kind", null);
      }
    }

    /**
     * Sets the apiVersion, for example {@code backstage.io/v1alpha1}.
     *
     * @param apiVersion the entity's schema version
     * @return this builder, for chaining
     */
    public Builder apiVersion(String apiVersion) {
      root.put("apiVersion", apiVersion);
      return this;
    }

    /**
     * Sets the kind, for example {@code Component}.
     *
     * @param kind the entity's kind
     * @return this builder, for chaining
     */
    public Builder kind(String kind) {
      root.put("kind", kind);
      return this;
    }

    /**
     * Sets {@code metadata.name}.
     *
     * @param name the entity's name, unique within kind and namespace
     * @return this builder, for chaining
     */
    public Builder name(String name) {
      return metadata("name", name);
    }

    /**
     * Sets {@code metadata.namespace}.
     *
     * @param namespace the namespace; {@code default} when never set
     * @return this builder, for chaining
     */
    public Builder namespace(String namespace) {
      return metadata("namespace", namespace);
    }

    /**
     * Sets {@code metadata.title}.
     *
     * @param title the display name shown instead of the name
     * @return this builder, for chaining
     */
    public Builder title(String title) {
      return metadata("title", title);
    }

    /**
     * Sets {@code metadata.description}.
     *
     * @param description a short human-readable description
     * @return this builder, for chaining
     */
    public Builder description(String description) {
      return metadata("description", description);
    }

    /**
     * Adds or replaces a label.
     *
     * @param key the label key, e.g. {@code tier}
     * @param value the label value
     * @return this builder, for chaining
     */
    public Builder label(String key, String value) {
      return putIn(metadataMap(), "labels", key, value);
    }

    /**
     * Adds or replaces an annotation. See {@link Annotations} for well-known keys.
     *
     * @param key the annotation key, e.g. {@code backstage.io/techdocs-ref}
     * @param value the annotation value
     * @return this builder, for chaining
     */
    public Builder annotation(String key, String value) {
      return putIn(metadataMap(), "annotations", key, value);
    }

    /**
     * Appends a tag.
     *
     * @param tag the tag, e.g. {@code java}
     * @return this builder, for chaining
     */
    @SuppressWarnings("unchecked")
    public Builder tag(String tag) {
      ((List<Object>) metadataMap().computeIfAbsent("tags", k -> new ArrayList<>())).add(tag);
      return this;
    }

    /**
     * Appends a link.
     *
     * @param link the link to add
     * @return this builder, for chaining
     */
    @SuppressWarnings("unchecked")
    public Builder link(EntityLink link) {
      ((List<Object>) metadataMap().computeIfAbsent("links", k -> new ArrayList<>())).add(link.toMap());
      return this;
    }

    /**
     * Sets any metadata key, including ones Backstage does not define; a null value removes it.
     *
     * @param key the metadata key
     * @param value the value as a JSON-like tree, or null
     * @return this builder, for chaining
     */
    public Builder metadata(String key, Object value) {
      if (value == null) {
        metadataMap().remove(key);
      } else {
        metadataMap().put(key, mutableCopy(value));
      }
      return this;
    }

    /**
     * Replaces the whole spec with a copy of the given tree.
     *
     * @param spec the spec as a JSON-like tree
     * @return this builder, for chaining
     */
    public Builder spec(Map<String, ?> spec) {
      root.put("spec", spec == null ? null : mutableCopy(new LinkedHashMap<>(spec)));
      if (spec == null) {
        root.remove("spec");
      }
      return this;
    }

    /**
     * Sets one spec key; a null value removes it.
     *
     * @param key the spec key, e.g. {@code owner}
     * @param value the value as a JSON-like tree, or null
     * @return this builder, for chaining
     */
    @SuppressWarnings("unchecked")
    public Builder spec(String key, Object value) {
      Map<String, Object> spec = (Map<String, Object>) root.computeIfAbsent("spec", k -> new LinkedHashMap<>());
      if (value == null) {
        spec.remove(key);
      } else {
        spec.put(key, mutableCopy(value));
      }
      return this;
    }

    /**
     * Appends a relation (normally computed by the catalog).
     *
     * @param relation the relation to add
     * @return this builder, for chaining
     */
    @SuppressWarnings("unchecked")
    public Builder relation(EntityRelation relation) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("type", relation.type());
      r.put("targetRef", relation.targetRef().toString());
      ((List<Object>) root.computeIfAbsent("relations", k -> new ArrayList<>())).add(r);
      return this;
    }

    /**
     * Replaces the status tree (normally set by the catalog); null removes it.
     *
     * @param status the status as a JSON-like tree, or null
     * @return this builder, for chaining
     */
    public Builder status(Map<String, ?> status) {
      if (status == null) {
        root.remove("status");
      } else {
        root.put("status", mutableCopy(new LinkedHashMap<>(status)));
      }
      return this;
    }

    /**
     * {@return the entity}
     *
     * @throws InvalidEntityException if apiVersion, kind or name is missing or a field has the wrong type
     */
    public Entity build() {
      Map<String, Object> copy = new LinkedHashMap<>();
      root.forEach((k, v) -> {
        if (v != null || !(k.equals("apiVersion") || k.equals("kind"))) {
          copy.put(k, v);
        }
      });
      return fromMap(copy);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> metadataMap() {
      Object md = root.get("metadata");
      if (!(md instanceof Map)) {
        md = new LinkedHashMap<String, Object>();
        root.put("metadata", md);
      }
      return (Map<String, Object>) md;
    }

    @SuppressWarnings("unchecked")
    private Builder putIn(Map<String, Object> parent, String key, String k, String v) {
      Map<String, Object> m = (Map<String, Object>) parent.computeIfAbsent(key, x -> new LinkedHashMap<>());
      if (v == null) {
        m.remove(k);
      } else {
        m.put(k, v);
      }
      return this;
    }
  }
}
