package dev.backstage4j.adoption.events.internal;

import dev.backstage4j.adoption.events.AnalyticsEvent;
import dev.backstage4j.adoption.events.EventSink;
import dev.backstage4j.core.internal.JsonCodec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * POSTs each batch as a JSON array to a collector URL. Any non-2xx answer or I/O failure is thrown, so the
 * sink's worker retries the batch with backoff. Uses the JDK's HTTP client: the collector is not a Backstage
 * plugin, so it does not go through the Backstage transport, its retries or its breaker.
 */
public final class HttpCollectorSink implements EventSink {
  private final String name;
  private final URI collector;
  private final String bearerToken;
  private final Map<String, String> headers;
  private final Duration timeout;
  private final HttpClient http;

  public HttpCollectorSink(String name, URI collector, String bearerToken, Map<String, String> headers,
      Duration timeout) {
    this.name = name;
    this.collector = collector;
    this.bearerToken = bearerToken;
    this.headers = Map.copyOf(headers);
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void deliver(List<AnalyticsEvent> batch) throws IOException, InterruptedException {
    List<Object> body = new ArrayList<>(batch.size());
    for (AnalyticsEvent e : batch) {
      body.add(EventJson.toMap(e));
    }
    HttpRequest.Builder r = HttpRequest.newBuilder(collector).timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(JsonCodec.shared().write(body)));
    headers.forEach(r::header);
    if (bearerToken != null) {
      r.header("Authorization", "Bearer " + bearerToken);
    }
    HttpResponse<Void> response = http.send(r.build(), HttpResponse.BodyHandlers.discarding());
    if (response.statusCode() / 100 != 2) {
      throw new IOException("collector " + collector.getHost() + " answered " + response.statusCode());
    }
  }

  @Override
  public String toString() {
    return "HttpCollectorSink{" + name + " -> " + collector.getHost() + (bearerToken == null ? "" : ", token=****")
        + "}";
  }
}
