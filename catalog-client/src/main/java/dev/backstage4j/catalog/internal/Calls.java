package dev.backstage4j.catalog.internal;

import dev.backstage4j.core.NotFoundException;
import dev.backstage4j.core.UnsupportedEndpointException;
import dev.backstage4j.core.internal.ApiRequest;
import dev.backstage4j.core.internal.Futures;
import dev.backstage4j.core.internal.HttpTransport;
import dev.backstage4j.core.internal.MissingEndpoints;
import dev.backstage4j.core.internal.ResponseHandler;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Runs catalog calls through the transport; a 404 for a route the server does not have (as {@link
 * MissingEndpoints} tells) becomes an {@link UnsupportedEndpointException} naming the endpoint.
 */
final class Calls {
  /** Hint for endpoints added in catalog-backend 4.x. */
  static final String NEW_IN_4 = "added in @backstage/plugin-catalog-backend 4.x (Backstage 1.50+); upgrade the "
      + "backend";

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
      Throwable c = Futures.unwrap(t);
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
      Throwable c = Futures.unwrap(t);
      return c instanceof NotFoundException && !(c instanceof UnsupportedEndpointException)
          ? CompletableFuture.completedFuture(Optional.empty()) : CompletableFuture.failedFuture(c);
    });
  }

  private static NotFoundException translate(NotFoundException e, boolean every404, String hint) {
    return MissingEndpoints.translate(e, every404, hint);
  }
}
