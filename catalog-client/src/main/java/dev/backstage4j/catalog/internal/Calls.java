package dev.backstage4j.catalog.internal;

import dev.backstage4j.core.ApiError;
import dev.backstage4j.core.NotFoundException;
import dev.backstage4j.core.UnsupportedEndpointException;
import dev.backstage4j.core.internal.ApiRequest;
import dev.backstage4j.core.internal.HttpTransport;
import dev.backstage4j.core.internal.ResponseHandler;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;

/**
 * Runs catalog calls through the transport and recognises a route the server does not have: a 404 with an
 * empty body (the backend's fallback handler), Express's {@code Cannot POST /…} page, or a bare "not found" for
 * the route, which become {@link UnsupportedEndpointException}s naming the endpoint.
 */
final class Calls {
  /** Hint for endpoints added in catalog-backend 4.x. */
  static final String NEW_IN_4 = "added in @backstage/plugin-catalog-backend 4.x (Backstage 1.50+); upgrade the "
      + "backend";
  private static final Pattern ROUTE_NOT_FOUND = Pattern.compile("(?i)(not ?found|cannot \\w+ /.*|.*\\broute\\b.*)");

  private final HttpTransport transport;

  Calls(HttpTransport transport) {
    this.transport = transport;
  }

  HttpTransport transport() {
    return transport;
  }

  /** Runs {@code request}; a 404 for the route (or any 404 when {@code every404} is set) becomes unsupported. */
  <T> T run(ApiRequest request, ResponseHandler<T> handler, boolean every404, String hint) {
    try {
      return transport.execute(request, handler);
    } catch (NotFoundException e) {
      throw translate(e, every404, hint);
    }
  }

  /** Runs {@code request}; a missing route for a long-standing endpoint is still reported as unsupported. */
  <T> T run(ApiRequest request, ResponseHandler<T> handler) {
    return run(request, handler, false, "the catalog plugin may not be installed at /api/catalog");
  }

  /** Async variant of {@link #run(ApiRequest, ResponseHandler, boolean, String)}. */
  <T> CompletableFuture<T> runAsync(ApiRequest request, ResponseHandler<T> handler, boolean every404, String hint) {
    return transport.executeAsync(request, handler).exceptionallyCompose(t -> {
      Throwable c = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
      return CompletableFuture.failedFuture(c instanceof NotFoundException
          ? translate((NotFoundException) c, every404, hint) : c);
    });
  }

  /** Async variant of {@link #run(ApiRequest, ResponseHandler)}. */
  <T> CompletableFuture<T> runAsync(ApiRequest request, ResponseHandler<T> handler) {
    return runAsync(request, handler, false, "the catalog plugin may not be installed at /api/catalog");
  }

  /** Runs a lookup: a genuine 404 ({@code NotFoundError}) means empty. */
  <T> Optional<T> find(ApiRequest request, ResponseHandler<T> handler) {
    try {
      return Optional.ofNullable(run(request, handler));
    } catch (UnsupportedEndpointException e) {
      throw e;
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  /** Async variant of {@link #find}. */
  <T> CompletableFuture<Optional<T>> findAsync(ApiRequest request, ResponseHandler<T> handler) {
    return runAsync(request, handler).thenApply(Optional::ofNullable).exceptionallyCompose(t -> {
      Throwable c = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
      return c instanceof NotFoundException && !(c instanceof UnsupportedEndpointException)
          ? CompletableFuture.completedFuture(Optional.empty()) : CompletableFuture.failedFuture(c);
    });
  }

  static NotFoundException translate(NotFoundException e, boolean every404, String hint) {
    if (e instanceof UnsupportedEndpointException) {
      return e;
    }
    ApiError error = e.error();
    if (every404 || error == null || routeMissing(error, e.operation())) {
      return new UnsupportedEndpointException(e.operation(), error == null ? ApiError.builder(404).build() : error,
          hint);
    }
    return e;
  }

  /** {@return whether a 404 says the route does not exist rather than the resource} */
  static boolean routeMissing(ApiError error, String operation) {
    if (error.name().isEmpty()) {
      String body = error.bodyExcerpt().strip();
      return body.isEmpty() || body.contains("Cannot ") || !body.startsWith("{");
    }
    return error.name().equals("NotFoundError") && ROUTE_NOT_FOUND.matcher(error.message().strip()).matches();
  }
}
