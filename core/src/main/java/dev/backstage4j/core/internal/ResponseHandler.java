package dev.backstage4j.core.internal;

import java.io.IOException;

/**
 * Turns a successful (2xx/3xx) response into a value. Error statuses never reach a handler: the transport
 * maps them to the {@code BackstageApiException} family first.
 *
 * @param <T> the value type
 */
@FunctionalInterface
public interface ResponseHandler<T> {

  /** Reads the response; an {@link IOException} becomes a transport error naming the operation. */
  T handle(ApiResponse response) throws IOException;

  /** {@return a handler that ignores the body and returns null} */
  static ResponseHandler<Void> discard() {
    return r -> null;
  }
}
