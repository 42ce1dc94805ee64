package dev.backstage4j.core.internal;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A response handed to a {@link ResponseHandler}: status, headers and body. The body is either already read
 * (ordinary calls, so they can be retried as a whole) or an open stream (streaming calls). Not thread-safe.
 */
public final class ApiResponse implements Closeable {
  private final int status;
  private final Function<String, List<String>> headers;
  private final byte[] bytes;
  private final InputStream stream;
  private final Closeable onClose;
  private boolean retained;

  private ApiResponse(int status, Function<String, List<String>> headers, byte[] bytes, InputStream stream,
      Closeable onClose) {
    this.status = status;
    this.headers = headers;
    this.bytes = bytes;
    this.stream = stream;
    this.onClose = onClose;
  }

  static ApiResponse buffered(int status, Function<String, List<String>> headers, byte[] body) {
    return new ApiResponse(status, headers, body, null, () -> {});
  }

  static ApiResponse streaming(int status, Function<String, List<String>> headers, InputStream body,
      Closeable onClose) {
    return new ApiResponse(status, headers, null, body, onClose);
  }

  /** Creates a buffered response, e.g. for tests of handlers. */
  public static ApiResponse of(int status, Map<String, List<String>> headers, byte[] body) {
    return buffered(status, name -> headers.getOrDefault(name, List.of()), body);
  }

  public int status() {
    return status;
  }

  /** {@return the first value of a header (case-insensitive), or null} */
  public String header(String name) {
    List<String> values = headers.apply(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** {@return every value of a header (case-insensitive)} */
  public List<String> headers(String name) {
    List<String> values = headers.apply(name);
    return values == null ? List.of() : values;
  }

  /** {@return the body as a stream} */
  public InputStream body() {
    return stream != null ? stream : new ByteArrayInputStream(bytes == null ? new byte[0] : bytes);
  }

  /** {@return the whole body; for a streaming response this reads it} */
  public byte[] bytes() throws IOException {
    return bytes != null ? bytes : stream.readAllBytes();
  }

  /** {@return the whole body as UTF-8 text} */
  public String text() throws IOException {
    return new String(bytes(), StandardCharsets.UTF_8);
  }

  /** {@return whether the body was read already} */
  public boolean isBuffered() {
    return bytes != null;
  }

  /**
   * Keeps a streaming response open after the handler returns; the handler's result then owns it and must
   * {@link #close()} it.
   */
  public ApiResponse retain() {
    this.retained = true;
    return this;
  }

  boolean retained() {
    return retained;
  }

  @Override
  public void close() {
    try {
      onClose.close();
    } catch (IOException ignored) {
      // Closing a response we no longer need; nothing useful to do with a failure here.
    }
  }
}
