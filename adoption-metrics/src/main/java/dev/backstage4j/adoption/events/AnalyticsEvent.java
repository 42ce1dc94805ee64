package dev.backstage4j.adoption.events;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One analytics event in the shape of Backstage's frontend analytics API ({@code AnalyticsEvent}): an action
 * ({@code navigate}, {@code click}, {@code create}, {@code search}, {@code discover} or a custom one), the subject
 * it acted on, an optional numeric value, attributes, and a context naming the plugin, extension, route and
 * entity. Events from Java integrations thus sit beside the frontend's in the same pipeline. Immutable.
 *
 * <pre>{@code
 * AnalyticsEvent.builder("create", "template:default/java-service")
 *     .value(42)                                        // e.g. minutes saved
 *     .attribute("team", "payments")
 *     .context(AnalyticsContext.builder().pluginId("scaffolder").entityRef("template:default/java-service").build())
 *     .build();
 * }</pre>
 */
public final class AnalyticsEvent {
  /** The standard actions Backstage's frontend emits. */
  public static final String NAVIGATE = "navigate";
  /** A click on a link or button. */
  public static final String CLICK = "click";
  /** Something was created, e.g. a template run. */
  public static final String CREATE = "create";
  /** A search was run. */
  public static final String SEARCH = "search";
  /** A search result was opened. */
  public static final String DISCOVER = "discover";

  private final String action;
  private final String subject;
  private final Double value;
  private final Map<String, Object> attributes;
  private final AnalyticsContext context;
  private final Instant timestamp;

  private AnalyticsEvent(Builder b) {
    this.action = b.action;
    this.subject = b.subject;
    this.value = b.value;
    this.attributes = b.attributes.isEmpty() ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(b.attributes));
    this.context = b.context;
    this.timestamp = b.timestamp != null ? b.timestamp : Instant.now();
  }

  /**
   * Starts an event; {@code action} and {@code subject} must not be blank.
   *
   * @param action what happened, e.g. {@code click}; not blank
   * @param subject what it happened to, e.g. a link's text; not blank
   * @return a builder for the event
   */
  public static Builder builder(String action, String subject) {
    return new Builder(action, subject);
  }

  /**
   * {@return a minimal event with an empty context}
   *
   * @param action what happened, e.g. {@code click}; not blank
   * @param subject what it happened to, e.g. a link's text; not blank
   */
  public static AnalyticsEvent of(String action, String subject) {
    return builder(action, subject).build();
  }

  /** {@return the action, e.g. {@code click}} */
  public String action() {
    return action;
  }

  /** {@return what the action was about, e.g. a link's text or a template's ref} */
  public String subject() {
    return subject;
  }

  /** {@return the numeric value, when one was given} */
  public OptionalDouble value() {
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  /** {@return extra attributes: strings, numbers and booleans only} */
  public Map<String, Object> attributes() {
    return attributes;
  }

  /** {@return where the event happened} */
  public AnalyticsContext context() {
    return context;
  }

  /** {@return when the event was created} */
  public Instant timestamp() {
    return timestamp;
  }

  /**
   * {@return a copy with another context (used for pseudonymisation)}
   *
   * @param context the context of the copy; not null
   */
  public AnalyticsEvent withContext(AnalyticsContext context) {
    Builder b = new Builder(action, subject);
    b.value = value;
    b.attributes.putAll(attributes);
    b.context = Objects.requireNonNull(context, "context");
    b.timestamp = timestamp;
    return b.build();
  }

  /**
   * {@return a copy with other attributes (used for pseudonymisation)}
   *
   * @param attributes the attributes of the copy (String, Number or Boolean values)
   */
  public AnalyticsEvent withAttributes(Map<String, Object> attributes) {
    Builder b = new Builder(action, subject);
    b.value = value;
    attributes.forEach(b::attribute);
    b.context = context;
    b.timestamp = timestamp;
    return b.build();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof AnalyticsEvent)) {
      return false;
    }
    AnalyticsEvent e = (AnalyticsEvent) o;
    return action.equals(e.action) && subject.equals(e.subject) && Objects.equals(value, e.value)
        && attributes.equals(e.attributes) && context.equals(e.context) && timestamp.equals(e.timestamp);
  }

  @Override
  public int hashCode() {
    return Objects.hash(action, subject, value, attributes, context, timestamp);
  }

  @Override
  public String toString() {
    return "AnalyticsEvent{" + action + " " + subject + (value == null ? "" : " value=" + value)
        + (attributes.isEmpty() ? "" : " attributes=" + attributes) + " " + context + "}";
  }

  /** Builds an {@link AnalyticsEvent}. Not thread-safe. */
  public static final class Builder {
    private final String action;
    private final String subject;
    private Double value;
    private final Map<String, Object> attributes = new LinkedHashMap<>();
    private AnalyticsContext context = AnalyticsContext.EMPTY;
    private Instant timestamp;

    private Builder(String action, String subject) {
      this.action = requireText(action, "action");
      this.subject = requireText(subject, "subject");
    }

    /**
     * Sets the numeric value (a duration, a count, minutes saved).
     *
     * @param value a finite number; NaN and infinities are rejected
     * @return this builder, for chaining
     */
    public Builder value(double value) {
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        throw new IllegalArgumentException("value must be a finite number, was " + value);
      }
      this.value = value;
      return this;
    }

    /**
     * Adds an attribute; the value must be a String, a Number or a Boolean, as in Backstage.
     *
     * @param name the attribute's name; not blank
     * @param value a String, a Number or a Boolean; null is rejected
     * @return this builder, for chaining
     */
    public Builder attribute(String name, Object value) {
      requireText(name, "attribute name");
      if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
        throw new IllegalArgumentException("attribute '" + name + "' must be a string, number or boolean, was "
            + (value == null ? "null" : value.getClass().getSimpleName()));
      }
      attributes.put(name, value);
      return this;
    }

    /**
     * Sets the context.
     *
     * @param context the context; not null
     * @return this builder, for chaining
     */
    public Builder context(AnalyticsContext context) {
      this.context = Objects.requireNonNull(context, "context");
      return this;
    }

    /**
     * Sets the time of the event (default: now).
     *
     * @param timestamp when the event happened; not null
     * @return this builder, for chaining
     */
    public Builder timestamp(Instant timestamp) {
      this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
      return this;
    }

    /** {@return the event} */
    public AnalyticsEvent build() {
      return new AnalyticsEvent(this);
    }

    private static String requireText(String s, String what) {
      if (s == null || s.isBlank()) {
        throw new IllegalArgumentException(what + " must not be blank");
      }
      return s;
    }
  }
}
