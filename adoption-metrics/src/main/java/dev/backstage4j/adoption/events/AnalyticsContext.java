package dev.backstage4j.adoption.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an analytics event happened, as in Backstage's {@code AnalyticsContextValue}: {@code pluginId},
 * {@code extension}, {@code routeRef}, the {@code entityRef} being looked at, the acting user's entity ref
 * ({@code userEntityRef}, pseudonymised by the publisher when configured) and any custom entries. Immutable.
 */
public final class AnalyticsContext {
  /** The context with nothing in it. */
  public static final AnalyticsContext EMPTY = builder().build();

  private final Map<String, String> values;

  private AnalyticsContext(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the plugin that emitted the event, e.g. {@code catalog}} */
  public Optional<String> pluginId() {
    return get("pluginId");
  }

  /** {@return the extension that emitted the event} */
  public Optional<String> extension() {
    return get("extension");
  }

  /** {@return the route reference} */
  public Optional<String> routeRef() {
    return get("routeRef");
  }

  /** {@return the entity the event was about} */
  public Optional<String> entityRef() {
    return get("entityRef");
  }

  /** {@return the acting user's entity ref (or its pseudonym)} */
  public Optional<String> userEntityRef() {
    return get("userEntityRef");
  }

  /**
   * {@return one entry}
   *
   * @param key the entry's name, e.g. {@code pluginId} or a custom key
   */
  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** {@return every entry, in insertion order} */
  public Map<String, String> asMap() {
    return values;
  }

  /** {@return a builder holding these entries} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.values.putAll(values);
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AnalyticsContext && values.equals(((AnalyticsContext) o).values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "context" + values;
  }

  /** Builds an {@link AnalyticsContext}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, String> values = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets {@code pluginId}.
     *
     * @param pluginId the plugin that emitted the event, e.g. {@code catalog}; not null
     * @return this builder, for chaining
     */
    public Builder pluginId(String pluginId) {
      return put("pluginId", pluginId);
    }

    /**
     * Sets {@code extension}.
     *
     * @param extension the extension that emitted the event; not null
     * @return this builder, for chaining
     */
    public Builder extension(String extension) {
      return put("extension", extension);
    }

    /**
     * Sets {@code routeRef}.
     *
     * @param routeRef the route the event happened on; not null
     * @return this builder, for chaining
     */
    public Builder routeRef(String routeRef) {
      return put("routeRef", routeRef);
    }

    /**
     * Sets {@code entityRef}.
     *
     * @param entityRef the ref of the entity the event is about, e.g. {@code component:default/web}; not null
     * @return this builder, for chaining
     */
    public Builder entityRef(String entityRef) {
      return put("entityRef", entityRef);
    }

    /**
     * Sets {@code userEntityRef}, the acting user.
     *
     * @param userEntityRef the acting user's entity ref, e.g. {@code user:default/jane}; not null
     * @return this builder, for chaining
     */
    public Builder userEntityRef(String userEntityRef) {
      return put("userEntityRef", userEntityRef);
    }

    /**
     * Sets a custom entry.
     *
     * @param key the entry's name; not null
     * @param value the entry's value; not null
     * @return this builder, for chaining
     */
    public Builder put(String key, String value) {
      values.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, key));
      return this;
    }

    /** {@return the context} */
    public AnalyticsContext build() {
      return new AnalyticsContext(values);
    }
  }
}
