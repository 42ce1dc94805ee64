package dev.backstage4j.adoption.events;

import dev.backstage4j.adoption.events.internal.EventJson;
import dev.backstage4j.adoption.events.internal.HttpCollectorSink;
import dev.backstage4j.core.internal.JsonCodec;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The built-in {@link EventSink}s: JSON lines to SLF4J or any consumer, and a batched HTTP collector. */
public final class EventSinks {
  private EventSinks() {}

  /**
   * {@return a sink that logs each event as one JSON line at INFO on the logger
   * {@code dev.backstage4j.analytics}, for log pipelines (Loki, ELK, Splunk) that already parse JSON lines}
   */
  public static EventSink jsonLines() {
    Logger log = LoggerFactory.getLogger("dev.backstage4j.analytics");
    return jsonLines("slf4j", log::info);
  }

  /**
   * {@return a sink that hands each event as one JSON line to {@code out} (a file writer, stdout, a test)}
   *
   * @param name the sink's name in stats and logs
   * @param out receives each JSON line; not null
   */
  public static EventSink jsonLines(String name, Consumer<String> out) {
    Objects.requireNonNull(out, "out");
    return new EventSink() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void deliver(List<AnalyticsEvent> batch) {
        for (AnalyticsEvent e : batch) {
          out.accept(JsonCodec.shared().writeString(EventJson.toMap(e)));
        }
      }
    };
  }

  /**
   * Starts an HTTP collector sink that POSTs each batch as a JSON array to {@code collector}.
   *
   * @param collector the collector's URL
   * @return a builder for the sink
   */
  public static HttpBuilder http(URI collector) {
    return new HttpBuilder(collector);
  }

  /** Builds the HTTP collector sink. Not thread-safe. */
  public static final class HttpBuilder {
    private final URI collector;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String bearerToken;
    private Duration timeout = Duration.ofSeconds(10);
    private String name = "http-collector";

    private HttpBuilder(URI collector) {
      this.collector = Objects.requireNonNull(collector, "collector");
      if (collector.getScheme() == null || !collector.getScheme().startsWith("http")) {
        throw new IllegalArgumentException("collector must be an http(s) URL, was " + collector);
      }
    }

    /**
     * Sends {@code Authorization: Bearer <token>}; the token is never logged.
     *
     * @param token the bearer token; not null
     * @return this builder, for chaining
     */
    public HttpBuilder bearerToken(String token) {
      this.bearerToken = Objects.requireNonNull(token, "token");
      return this;
    }

    /**
     * Adds a header to every request (e.g. an API key header).
     *
     * @param name the header's name; not null
     * @param value the header's value; not null
     * @return this builder, for chaining
     */
    public HttpBuilder header(String name, String value) {
      headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Sets the timeout of one POST (default 10 s); a stalled collector then counts as a failed attempt.
     *
     * @param timeout the timeout; not null
     * @return this builder, for chaining
     */
    public HttpBuilder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * Sets the sink's name in stats.
     *
     * @param name the name; not null
     * @return this builder, for chaining
     */
    public HttpBuilder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /** {@return the sink} */
    public EventSink build() {
      return new HttpCollectorSink(name, collector, bearerToken, headers, timeout);
    }
  }
}
