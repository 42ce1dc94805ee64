package dev.backstage4j.adoption;

import dev.backstage4j.adoption.events.AnalyticsPublisher;
import dev.backstage4j.core.ClientConfig;
import dev.backstage4j.core.internal.ApiRequest;
import dev.backstage4j.core.internal.HttpTransport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Delivers {@link Nudge}s through Backstage's notifications backend ({@code POST /api/notifications/notifications},
 * recipients {@code {type: entity, entityRef: [recipient]}}), so owners see them where they already look.
 *
 * <p>Credentials come from the {@link ClientConfig}: a static external-access token, or, for a Java plugin,
 * {@code config.toBuilder().credentials(pluginIdentity.credentialsFor("notifications"))} (the backend accepts
 * service callers only). No spam: every nudge carries a stable {@code scope}, so a resend updates the earlier
 * notification; at most {@link Builder#rateLimit(int, Duration) n} nudges per recipient and topic are sent per
 * window (the rest are counted as suppressed); severities follow {@link Builder#severity(Nudge.Kind, String)}.
 * In {@link Builder#dryRun(Consumer) dry-run} mode nothing is sent and each notification is described instead.
 * Each nudge that passes the rate limit is also emitted to the {@link Builder#analytics analytics publisher}, if
 * any. Thread-safe; the rate-limit state lives as long as the sender.
 *
 * <pre>{@code
 * NudgeSender sender = NudgeSender.builder(config).build();
 * NudgeSender.Report sent = sender.send(Nudges.between(previousRun, latestRun, campaigns));
 * }</pre>
 */
public final class NudgeSender implements AutoCloseable {
  private final HttpTransport transport;
  private final Consumer<String> dryRun;
  private final Map<Nudge.Kind, String> severities;
  private final int limit;
  private final Duration window;
  private final Clock clock;
  private final AnalyticsPublisher analytics;
  private final Map<String, Deque<Instant>> recent = new HashMap<>();

  private NudgeSender(Builder b) {
    this.dryRun = b.dryRun;
    this.transport = b.dryRun == null ? HttpTransport.create(b.config, "notifications") : null;
    this.severities = new EnumMap<>(b.severities);
    this.limit = b.limit;
    this.window = b.window;
    this.clock = b.clock;
    this.analytics = b.analytics;
  }

  /**
   * {@return a builder sending to the Backstage of the config, with its credentials}
   *
   * @param config the Backstage base URL and credentials to send with; not null
   */
  public static Builder builder(ClientConfig config) {
    return new Builder(Objects.requireNonNull(config, "config"));
  }

  /**
   * {@return a builder that sends nothing and hands each notification's description to {@code printer}}
   *
   * @param printer receives one description per notification that would be sent; not null
   */
  public static Builder dryRun(Consumer<String> printer) {
    return new Builder(null).dryRun(printer);
  }

  /** What a {@link #send(List)} did. */
  public record Report(int sent, int suppressed, List<Map<String, Object>> requests) {
    /**
     * Copies the list.
     *
     * @param sent how many notifications were sent (or printed, in dry-run mode)
     * @param suppressed how many nudges the rate limit held back
     * @param requests the request bodies, sent or printed, in order
     */
    public Report {
      requests = List.copyOf(requests);
    }
  }

  /**
   * Sends the nudges in order, each as one notification, and returns how many were sent and suppressed by the
   * rate limit, with the request bodies (sent, or printed in dry-run mode).
   *
   * @param nudges the nudges to send, in order
   * @return how many were sent and suppressed by the rate limit, with the request bodies
   * @throws dev.backstage4j.core.BackstageException when the backend refuses or cannot be reached; nudges before
   *     the failing one were sent
   */
  public Report send(List<Nudge> nudges) {
    int sent = 0;
    int suppressed = 0;
    List<Map<String, Object>> bodies = new ArrayList<>();
    for (Nudge n : nudges) {
      if (!admit(n)) {
        suppressed++;
        continue;
      }
      Map<String, Object> body = body(n);
      bodies.add(body);
      if (dryRun != null) {
        dryRun.accept("would notify " + n.recipient() + " [" + severity(n) + ", " + n.topic() + "] " + n.title()
            + " -> " + n.link() + " (scope " + n.scope() + ")");
      } else {
        transport.execute(ApiRequest.post("/notifications").jsonBody(body).build(), r -> null);
      }
      sent++;
      if (analytics != null) {
        analytics.emit(n.toEvent());
      }
    }
    return new Report(sent, suppressed, bodies);
  }

  private synchronized boolean admit(Nudge n) {
    Instant now = clock.instant();
    Deque<Instant> times = recent.computeIfAbsent(n.recipient() + "\n" + n.topic(), k -> new ArrayDeque<>());
    while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
      times.pollFirst();
    }
    if (times.size() >= limit) {
      return false;
    }
    times.addLast(now);
    return true;
  }

  private String severity(Nudge n) {
    return severities.get(n.kind());
  }

  private Map<String, Object> body(Nudge n) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("title", n.title());
    payload.put("description", n.description());
    payload.put("link", n.link());
    payload.put("severity", severity(n));
    payload.put("topic", n.topic());
    payload.put("scope", n.scope());
    Map<String, Object> recipients = new LinkedHashMap<>();
    recipients.put("type", "entity");
    recipients.put("entityRef", List.of(n.recipient()));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("recipients", recipients);
    body.put("payload", payload);
    return body;
  }

  /** Closes the HTTP resources (nothing in dry-run mode). */
  @Override
  public void close() {
    if (transport != null) {
      transport.close();
    }
  }

  /** {@return where it sends (or dry-run) and the rate limit} */
  @Override
  public String toString() {
    return "NudgeSender{" + (transport == null ? "dry-run" : transport.pluginUrl().toString()) + ", " + limit
        + " per recipient and topic per " + window + "}";
  }

  /** Builds a {@link NudgeSender}. Not thread-safe. */
  public static final class Builder {
    private final ClientConfig config;
    private Consumer<String> dryRun;
    private final Map<Nudge.Kind, String> severities = new EnumMap<>(Nudge.Kind.class);
    private int limit = 5;
    private Duration window = Duration.ofDays(1);
    private Clock clock = Clock.systemUTC();
    private AnalyticsPublisher analytics;

    private Builder(ClientConfig config) {
      this.config = config;
      severities.put(Nudge.Kind.LEVEL_DROPPED, "high");
      severities.put(Nudge.Kind.LEVEL_RAISED, "low");
      severities.put(Nudge.Kind.CAMPAIGN_STARTED, "normal");
      severities.put(Nudge.Kind.CAMPAIGN_NEAR_DEADLINE, "high");
      severities.put(Nudge.Kind.CAMPAIGN_ENDED, "normal");
      severities.put(Nudge.Kind.WEEKLY_DIGEST, "low");
    }

    /**
     * Sends nothing; each notification that would be sent is described to the printer instead.
     *
     * @param printer receives one description per notification that would be sent; not null
     * @return this builder, for chaining
     */
    public Builder dryRun(Consumer<String> printer) {
      this.dryRun = Objects.requireNonNull(printer, "printer");
      return this;
    }

    /**
     * Sets Backstage's severity for a kind: {@code critical}, {@code high}, {@code normal} or {@code low}.
     * Defaults: level dropped high, raised low, campaign started normal, near deadline high, ended normal, weekly
     * digest low.
     *
     * @param kind the kind of nudge
     * @param severity {@code critical}, {@code high}, {@code normal} or {@code low} (any case)
     * @return this builder, for chaining
     */
    public Builder severity(Nudge.Kind kind, String severity) {
      String s = severity.toLowerCase(Locale.ROOT);
      if (!List.of("critical", "high", "normal", "low").contains(s)) {
        throw new IllegalArgumentException("severity must be critical, high, normal or low, found " + severity);
      }
      severities.put(Objects.requireNonNull(kind, "kind"), s);
      return this;
    }

    /**
     * Sends at most {@code max} nudges per recipient and topic within any {@code per} window (default 5 a day).
     *
     * @param max the most nudges per recipient and topic in a window; at least 1
     * @param per the length of the window; positive
     * @return this builder, for chaining
     */
    public Builder rateLimit(int max, Duration per) {
      if (max < 1 || per.isNegative() || per.isZero()) {
        throw new IllegalArgumentException("rate limit needs max >= 1 and a positive window");
      }
      this.limit = max;
      this.window = per;
      return this;
    }

    /**
     * Sets the clock of the rate limit (tests).
     *
     * @param newClock the clock; not null
     * @return this builder, for chaining
     */
    public Builder clock(Clock newClock) {
      this.clock = Objects.requireNonNull(newClock, "clock");
      return this;
    }

    /**
     * Also emits every admitted nudge as an analytics event ({@link Nudge#toEvent()}).
     *
     * @param publisher the publisher to emit to; not null
     * @return this builder, for chaining
     */
    public Builder analytics(AnalyticsPublisher publisher) {
      this.analytics = Objects.requireNonNull(publisher, "publisher");
      return this;
    }

    /** {@return the sender} */
    public NudgeSender build() {
      return new NudgeSender(this);
    }
  }
}
