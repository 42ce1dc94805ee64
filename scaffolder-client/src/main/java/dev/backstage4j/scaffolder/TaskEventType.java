package dev.backstage4j.scaffolder;

import java.util.Locale;

/** Lists the kinds of events in a task log. */
public enum TaskEventType {
  /** A log line; step transitions are log events that carry a step id and a status. */
  LOG,
  /** The last event of a run: the task finished, with output or an error. */
  COMPLETION,
  /** The task was asked to cancel; a completion event with status failed follows. */
  CANCELLED,
  /** The server restarted a recoverable task. */
  RECOVERED,
  /** A value this version of the SDK does not know. */
  UNKNOWN;

  /**
   * {@return the constant for a server value, {@link #UNKNOWN} for anything unrecognised or missing}
   *
   * @param value the {@code type} of an event as the server sent it, or null
   */
  public static TaskEventType fromWire(String value) {
    if (value == null) {
      return UNKNOWN;
    }
    try {
      return valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return UNKNOWN;
    }
  }
}
