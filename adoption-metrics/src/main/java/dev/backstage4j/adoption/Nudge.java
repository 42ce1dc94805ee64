package dev.backstage4j.adoption;

import dev.backstage4j.adoption.events.AnalyticsEvent;
import java.util.Objects;

/**
 * Something that changed for an owner after a scorecard run, shaped as a Backstage notification: who receives it
 * (an entity ref; Backstage expands a group to its members), title, description naming the fix, a link to the
 * entity page, a topic and a {@code scope} that makes a resend update the earlier notification instead of adding
 * one. {@link Nudges} finds them; {@link NudgeSender} delivers them. Immutable.
 */
public final class Nudge {
  /** What happened. */
  public enum Kind {
    /** An entity fell to a lower level of a track. */
    LEVEL_DROPPED,
    /** An entity reached a higher level of a track. */
    LEVEL_RAISED,
    /** A campaign's start day passed. */
    CAMPAIGN_STARTED,
    /** A campaign is within {@link Nudges#NEAR_DEADLINE_DAYS} days of its deadline and the team has work left. */
    CAMPAIGN_NEAR_DEADLINE,
    /** A campaign's deadline passed. */
    CAMPAIGN_ENDED,
    /** A team's weekly summary: score, levels, the checks to fix first, its campaigns. */
    WEEKLY_DIGEST
  }

  private final Kind kind;
  private final String recipient;
  private final String subject;
  private final String title;
  private final String description;
  private final String link;
  private final String topic;
  private final String scope;

  Nudge(Kind kind, String recipient, String subject, String title, String description, String link, String topic,
      String scope) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.recipient = Objects.requireNonNull(recipient, "recipient");
    this.subject = Objects.requireNonNull(subject, "subject");
    this.title = Objects.requireNonNull(title, "title");
    this.description = Objects.requireNonNull(description, "description");
    this.link = Objects.requireNonNull(link, "link");
    this.topic = Objects.requireNonNull(topic, "topic");
    this.scope = Objects.requireNonNull(scope, "scope");
  }

  /** {@return what happened} */
  public Kind kind() {
    return kind;
  }

  /** {@return the entity ref notified, usually the owning group} */
  public String recipient() {
    return recipient;
  }

  /** {@return what it is about: the entity ref, {@code campaign:<id>}, or the team for a digest} */
  public String subject() {
    return subject;
  }

  /** {@return the notification title} */
  public String title() {
    return title;
  }

  /** {@return the notification text, naming the fix} */
  public String description() {
    return description;
  }

  /** {@return the app-relative link, for example {@code /catalog/default/component/ledger}} */
  public String link() {
    return link;
  }

  /** {@return the topic: {@code adoption-levels}, {@code adoption-campaign:<id>} or {@code adoption-digest}} */
  public String topic() {
    return topic;
  }

  /** {@return Backstage's dedupe key: the same scope from the same sender updates instead of adding} */
  public String scope() {
    return scope;
  }

  /**
   * {@return the nudge as an analytics event: action {@code adoption.<kind>} (lower case, for example
   * {@code adoption.campaign_started}), subject {@link #subject()}, attributes recipient and topic}
   */
  public AnalyticsEvent toEvent() {
    return AnalyticsEvent.builder("adoption." + kind.name().toLowerCase(java.util.Locale.ROOT), subject)
        .attribute("recipient", recipient).attribute("topic", topic).build();
  }

  /** {@return whether the other object is an equal nudge} */
  @Override
  public boolean equals(Object o) {
    return o instanceof Nudge n && n.kind == kind && n.recipient.equals(recipient) && n.subject.equals(subject)
        && n.title.equals(title) && n.description.equals(description) && n.link.equals(link)
        && n.topic.equals(topic) && n.scope.equals(scope);
  }

  /** {@return a hash of kind, recipient and scope} */
  @Override
  public int hashCode() {
    return Objects.hash(kind, recipient, scope);
  }

  /** {@return kind, recipient and title} */
  @Override
  public String toString() {
    return "Nudge{" + kind + " -> " + recipient + ": " + title + "}";
  }
}
