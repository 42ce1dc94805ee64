package dev.backstage4j.adoption.events.internal;

import dev.backstage4j.adoption.events.AnalyticsEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shape of an event, shared by the log and HTTP sinks. */
public final class EventJson {
  private EventJson() {}

  /** {@return the event as plain maps: action, subject, value?, attributes, context, timestamp} */
  public static Map<String, Object> toMap(AnalyticsEvent e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("action", e.action());
    m.put("subject", e.subject());
    if (e.value().isPresent()) {
      m.put("value", e.value().getAsDouble());
    }
    m.put("attributes", e.attributes());
    m.put("context", e.context().asMap());
    m.put("timestamp", e.timestamp().toString());
    return m;
  }
}
