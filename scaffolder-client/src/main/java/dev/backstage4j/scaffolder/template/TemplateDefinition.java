package dev.backstage4j.scaffolder.template;

import dev.backstage4j.catalog.model.Entity;
import dev.backstage4j.catalog.model.internal.YamlWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Describes a {@code scaffolder.backstage.io/v1beta3} Template written in Java, and writes it as the YAML the
 * catalog ingests ({@link #toYaml()}: deterministic, keys in a fixed order).
 */
public final class TemplateDefinition {
  /** The only executable template apiVersion. */
  public static final String API_VERSION = "scaffolder.backstage.io/v1beta3";

  private final Map<String, Object> entity;

  private TemplateDefinition(Map<String, Object> entity) {
    this.entity = entity;
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the template as an entity tree (apiVersion, kind, metadata, spec)} */
  public Map<String, Object> toMap() {
    return entity;
  }

  /** {@return the template as a catalog entity} */
  public Entity toEntity() {
    return Entity.fromMap(entity);
  }

  /** {@return the template as {@code template.yaml} text; the same definition always gives the same text} */
  public String toYaml() {
    return YamlWriter.write(entity);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TemplateDefinition && entity.equals(((TemplateDefinition) o).entity);
  }

  @Override
  public int hashCode() {
    return entity.hashCode();
  }

  @Override
  public String toString() {
    Map<?, ?> metadata = (Map<?, ?>) entity.get("metadata");
    return "TemplateDefinition{" + metadata.get("name") + "}";
  }

  /** Builds a {@link TemplateDefinition}. */
  public static final class Builder {
    private String name;
    private String namespace;
    private String title;
    private String description;
    private final List<String> tags = new ArrayList<>();
    private String owner;
    private String type;
    private String lifecycle;
    private final List<Object> pages = new ArrayList<>();
    private final List<Object> steps = new ArrayList<>();
    private final List<Object> links = new ArrayList<>();
    private final List<Object> texts = new ArrayList<>();
    private final Map<String, Object> extraSpec = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets {@code metadata.name} (required).
     *
     * @param name the template's name, unique among templates of its namespace
     * @return this builder, for chaining
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * Sets {@code metadata.namespace}.
     *
     * @param namespace the namespace; {@code default} when never set
     * @return this builder, for chaining
     */
    public Builder namespace(String namespace) {
      this.namespace = namespace;
      return this;
    }

    /**
     * Sets {@code metadata.title}.
     *
     * @param title the name shown in the template list
     * @return this builder, for chaining
     */
    public Builder title(String title) {
      this.title = title;
      return this;
    }

    /**
     * Sets {@code metadata.description}.
     *
     * @param description the text shown on the template's card
     * @return this builder, for chaining
     */
    public Builder description(String description) {
      this.description = description;
      return this;
    }

    /**
     * Adds tags ({@code metadata.tags}).
     *
     * @param tags the tags to add
     * @return this builder, for chaining
     */
    public Builder tags(String... tags) {
      Collections.addAll(this.tags, tags);
      return this;
    }

    /**
     * Sets {@code spec.owner}, e.g. {@code group:platform-team}.
     *
     * @param owner the owning group or user's ref
     * @return this builder, for chaining
     */
    public Builder owner(String owner) {
      this.owner = owner;
      return this;
    }

    /**
     * Sets {@code spec.type} (required), e.g. {@code service}.
     *
     * @param type what the template creates
     * @return this builder, for chaining
     */
    public Builder type(String type) {
      this.type = type;
      return this;
    }

    /**
     * Sets {@code spec.lifecycle}.
     *
     * @param lifecycle e.g. {@code production} or {@code experimental}
     * @return this builder, for chaining
     */
    public Builder lifecycle(String lifecycle) {
      this.lifecycle = lifecycle;
      return this;
    }

    /**
     * Adds a form page ({@code spec.parameters[n]}).
     *
     * @param page the page
     * @return this builder, for chaining
     */
    public Builder page(ParameterPage page) {
      pages.add(page.toSchema());
      return this;
    }

    /**
     * Adds a form page from its builder.
     *
     * @param page the page's builder, built now
     * @return this builder, for chaining
     */
    public Builder page(ParameterPage.Builder page) {
      return page(page.build());
    }

    /**
     * Adds a step ({@code spec.steps[n]}); steps run in the order added.
     *
     * @param step the step
     * @return this builder, for chaining
     */
    public Builder step(TemplateStep step) {
      steps.add(step.toMap());
      return this;
    }

    /**
     * Adds a step from its builder.
     *
     * @param step the step's builder, built now
     * @return this builder, for chaining
     */
    public Builder step(TemplateStep.Builder step) {
      return step(step.build());
    }

    /**
     * Adds an output link; {@code url} may contain expressions.
     *
     * @param title the link text
     * @param url the link target
     * @return this builder, for chaining
     */
    public Builder outputLink(String title, String url) {
      Map<String, Object> link = new LinkedHashMap<>();
      link.put("title", title);
      link.put("url", Objects.requireNonNull(url, "url"));
      links.add(Collections.unmodifiableMap(link));
      return this;
    }

    /**
     * Adds an output link to a catalog entity (e.g. {@code ${{ steps.register.output.entityRef }}}).
     *
     * @param title the link text
     * @param entityRef the entity's ref or an expression giving it
     * @param icon the icon name, or null
     * @return this builder, for chaining
     */
    public Builder outputEntityLink(String title, String entityRef, String icon) {
      Map<String, Object> link = new LinkedHashMap<>();
      link.put("title", title);
      link.put("icon", icon);
      link.put("entityRef", Objects.requireNonNull(entityRef, "entityRef"));
      link.values().removeIf(Objects::isNull);
      links.add(Collections.unmodifiableMap(link));
      return this;
    }

    /**
     * Adds an output text block (Markdown content, may contain expressions).
     *
     * @param title the block's title
     * @param content the Markdown text
     * @return this builder, for chaining
     */
    public Builder outputText(String title, String content) {
      Map<String, Object> text = new LinkedHashMap<>();
      text.put("title", title);
      text.put("content", Objects.requireNonNull(content, "content"));
      texts.add(Collections.unmodifiableMap(text));
      return this;
    }

    /**
     * Sets any other spec field (e.g. {@code presentation}, {@code secrets}, {@code EXPERIMENTAL_recovery}).
     *
     * @param key the spec key
     * @param value the value as a JSON-like tree, or null
     * @return this builder, for chaining
     */
    public Builder spec(String key, Object value) {
      extraSpec.put(Objects.requireNonNull(key, "key"), value);
      return this;
    }

    /**
     * Builds the template; fails naming the missing field when name, type or steps are missing.
     *
     * @return the template, ready to write as YAML or send to a dry run
     */
    public TemplateDefinition build() {
      if (name == null || name.isBlank()) {
        throw new IllegalStateException("TemplateDefinition: metadata.name is required");
      }
      if (type == null || type.isBlank()) {
        throw new IllegalStateException("TemplateDefinition " + name + ": spec.type is required");
      }
      if (steps.isEmpty()) {
        throw new IllegalStateException("TemplateDefinition " + name + ": at least one step is required");
      }
      Map<String, Object> metadata = new LinkedHashMap<>();
      metadata.put("name", name);
      putIf(metadata, "namespace", namespace);
      putIf(metadata, "title", title);
      putIf(metadata, "description", description);
      if (!tags.isEmpty()) {
        metadata.put("tags", List.copyOf(tags));
      }
      Map<String, Object> spec = new LinkedHashMap<>();
      putIf(spec, "owner", owner);
      spec.put("type", type);
      putIf(spec, "lifecycle", lifecycle);
      if (!pages.isEmpty()) {
        spec.put("parameters", List.copyOf(pages));
      }
      spec.put("steps", List.copyOf(steps));
      Map<String, Object> output = new LinkedHashMap<>();
      if (!links.isEmpty()) {
        output.put("links", List.copyOf(links));
      }
      if (!texts.isEmpty()) {
        output.put("text", List.copyOf(texts));
      }
      if (!output.isEmpty()) {
        spec.put("output", Collections.unmodifiableMap(output));
      }
      spec.putAll(extraSpec);
      Map<String, Object> entity = new LinkedHashMap<>();
      entity.put("apiVersion", API_VERSION);
      entity.put("kind", "Template");
      entity.put("metadata", Collections.unmodifiableMap(metadata));
      entity.put("spec", Collections.unmodifiableMap(spec));
      return new TemplateDefinition(Collections.unmodifiableMap(entity));
    }

    private static void putIf(Map<String, Object> m, String key, Object value) {
      if (value != null) {
        m.put(key, value);
      }
    }
  }
}
