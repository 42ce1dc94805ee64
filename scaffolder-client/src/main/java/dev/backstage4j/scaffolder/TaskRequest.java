package dev.backstage4j.scaffolder;

import dev.backstage4j.catalog.model.EntityRef;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Describes a task to start: which template, with which values and secrets. */
public final class TaskRequest {
  private final String templateRef;
  private final Map<String, Object> values;
  private final Secrets secrets;

  private TaskRequest(Builder b) {
    this.templateRef = b.templateRef;
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(b.values));
    this.secrets = b.secrets;
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the template ref, e.g. {@code template:default/hello-world}} */
  public String templateRef() {
    return templateRef;
  }

  /** {@return the parameter values} */
  public Map<String, Object> values() {
    return values;
  }

  /** {@return the secrets (values redacted in {@code toString()})} */
  public Secrets secrets() {
    return secrets;
  }

  Map<String, Object> toBody() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("templateRef", templateRef);
    body.put("values", values);
    if (!secrets.isEmpty()) {
      body.put("secrets", secrets.reveal());
    }
    return body;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TaskRequest)) {
      return false;
    }
    TaskRequest r = (TaskRequest) o;
    return templateRef.equals(r.templateRef) && values.equals(r.values) && secrets.equals(r.secrets);
  }

  @Override
  public int hashCode() {
    return Objects.hash(templateRef, values, secrets);
  }

  @Override
  public String toString() {
    return "TaskRequest{templateRef=" + templateRef + ", values=" + values + ", secrets=" + secrets + "}";
  }

  /** Builds a {@link TaskRequest}. */
  public static final class Builder {
    private String templateRef;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private Secrets secrets = Secrets.none();

    private Builder() {}

    /**
     * Sets the template; kind defaults to {@code template} and namespace to {@code default}.
     *
     * @param ref a ref such as {@code my-template} or {@code template:default/my-template}
     * @return this builder, for chaining
     */
    public Builder templateRef(String ref) {
      this.templateRef = EntityRef.parse(Objects.requireNonNull(ref, "templateRef"), "template", "default")
          .toString();
      return this;
    }

    /**
     * Sets the template from an entity ref.
     *
     * @param ref the Template entity's ref
     * @return this builder, for chaining
     */
    public Builder templateRef(EntityRef ref) {
      this.templateRef = Objects.requireNonNull(ref, "templateRef").toString();
      return this;
    }

    /**
     * Sets one parameter value (strings, numbers, booleans, lists and maps).
     *
     * @param name the parameter name, as in the template's {@code spec.parameters}
     * @param value the value
     * @return this builder, for chaining
     */
    public Builder value(String name, Object value) {
      values.put(Objects.requireNonNull(name, "value name"), value);
      return this;
    }

    /**
     * Adds all parameter values from a map.
     *
     * @param values parameter names to values
     * @return this builder, for chaining
     */
    public Builder values(Map<String, ?> values) {
      values.forEach(this::value);
      return this;
    }

    /**
     * Sets the secrets passed to the task's actions.
     *
     * @param secrets the secrets; never logged
     * @return this builder, for chaining
     */
    public Builder secrets(Secrets secrets) {
      this.secrets = Objects.requireNonNull(secrets, "secrets");
      return this;
    }

    /**
     * Adds one secret.
     *
     * @param name the secret's name, e.g. {@code USER_OAUTH_TOKEN}
     * @param value the secret's value; never logged
     * @return this builder, for chaining
     */
    public Builder secret(String name, String value) {
      this.secrets = secrets.with(name, value);
      return this;
    }

    /**
     * Builds the request; fails when no template ref was set.
     *
     * @return the request, ready for {@link ScaffolderClient.Tasks#create}
     */
    public TaskRequest build() {
      if (templateRef == null) {
        throw new IllegalStateException("TaskRequest: templateRef is required");
      }
      return new TaskRequest(this);
    }
  }
}
