package dev.backstage4j.scaffolder;

import java.util.Locale;

/** Lists the states of a scaffolder task or of one of its steps. */
public enum TaskStatus {
  /** Created and waiting for a worker. */
  OPEN,
  /** Running. */
  PROCESSING,
  /** Finished successfully. */
  COMPLETED,
  /** Finished with an error; a cancelled task also ends here on the real server. */
  FAILED,
  /** Cancelled; the real server reports this for steps, while the task itself ends as {@link #FAILED}. */
  CANCELLED,
  /** A step skipped because its {@code if} was falsy or it does not support dry-run. */
  SKIPPED,
  /** A value this version of the SDK does not know. */
  UNKNOWN;

  /**
   * {@return the constant for a server value, {@link #UNKNOWN} for anything unrecognised and null for null}
   *
   * @param value the {@code status} of a task as the server sent it, or null
   */
  public static TaskStatus fromWire(String value) {
    if (value == null) {
      return null;
    }
    try {
      return valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return UNKNOWN;
    }
  }

  /** {@return the value the server uses, e.g. {@code "completed"}} */
  public String wireValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@return whether the task or step will not change any more} */
  public boolean isFinal() {
    return this == COMPLETED || this == FAILED || this == CANCELLED || this == SKIPPED;
  }
}
