package dev.backstage4j.adoption;

import dev.backstage4j.catalog.model.EntityRef;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Excuses one entity from one check until an expiry date, with a reason. While valid (the expiry date is today
 * or later) a failing check counts as {@link Outcome#EXEMPT}; once expired it counts as failing again. Every
 * report lists all exemptions with their state.
 */
public final class Exemption {
  private final EntityRef entity;
  private final String checkId;
  private final String reason;
  private final LocalDate expires;

  private Exemption(EntityRef entity, String checkId, String reason, LocalDate expires) {
    this.entity = Objects.requireNonNull(entity, "entity");
    this.checkId = Objects.requireNonNull(checkId, "checkId");
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("Exemption for " + entity + " / " + checkId + " needs a reason");
    }
    this.reason = reason;
    this.expires = Objects.requireNonNull(expires, "expires");
  }

  /**
   * {@return an exemption of the entity from the check until (and including) the expiry date}
   *
   * @param entity the exempted entity
   * @param checkId the id of the check it is exempt from
   * @param reason why, shown in reports
   * @param expires the last day the exemption is valid
   */
  public static Exemption of(EntityRef entity, String checkId, String reason, LocalDate expires) {
    return new Exemption(entity, checkId, reason, expires);
  }

  /** {@return the exempted entity} */
  public EntityRef entity() {
    return entity;
  }

  /** {@return the id of the exempted check} */
  public String checkId() {
    return checkId;
  }

  /** {@return why the exemption was granted} */
  public String reason() {
    return reason;
  }

  /** {@return the last day the exemption is valid} */
  public LocalDate expires() {
    return expires;
  }

  /**
   * {@return whether the exemption has expired on the given day}
   *
   * @param today the day to test
   */
  public boolean isExpired(LocalDate today) {
    return today.isAfter(expires);
  }

  /** {@return whether the other object is an equal exemption} */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Exemption)) {
      return false;
    }
    Exemption x = (Exemption) o;
    return x.entity.equals(entity) && x.checkId.equals(checkId) && x.reason.equals(reason)
        && x.expires.equals(expires);
  }

  /** {@return a hash of all fields} */
  @Override
  public int hashCode() {
    return Objects.hash(entity, checkId, reason, expires);
  }

  /** {@return entity, check, expiry and reason} */
  @Override
  public String toString() {
    return "Exemption{" + entity + " / " + checkId + " until " + expires + ": " + reason + "}";
  }
}
