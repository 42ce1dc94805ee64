package dev.backstage4j.core.internal;

import dev.backstage4j.core.ApiError;
import dev.backstage4j.core.NotFoundException;
import dev.backstage4j.core.UnsupportedEndpointException;
import java.util.regex.Pattern;

/**
 * The one place that tells "this backend lacks the endpoint" from "the resource does not exist" in a 404, for
 * every client on the transport: a 404 with an empty body (the backend's fallback handler), Express's
 * {@code Cannot POST /…} page or another non-JSON body, or a {@code NotFoundError} about the route itself.
 */
public final class MissingEndpoints {
  private static final Pattern ROUTE_NOT_FOUND = Pattern.compile("(?i)(not ?found|cannot \\w+ /.*|.*\\broute\\b.*)");

  private MissingEndpoints() {}

  /** Returns whether a failure is a 404 for a route the server does not have. */
  public static boolean isRouteMissing(Throwable failure) {
    if (failure instanceof UnsupportedEndpointException) {
      return true;
    }
    if (!(failure instanceof NotFoundException)) {
      return false;
    }
    ApiError error = ((NotFoundException) failure).error();
    return error == null || isRouteMissing(error);
  }

  private static boolean isRouteMissing(ApiError error) {
    if (error.name().isEmpty()) {
      String body = error.bodyExcerpt().strip();
      return body.isEmpty() || body.contains("Cannot ") || !body.startsWith("{");
    }
    return error.name().equals("NotFoundError") && ROUTE_NOT_FOUND.matcher(error.message().strip()).matches();
  }

  /**
   * Returns {@code e} as an {@link UnsupportedEndpointException} carrying {@code hint} when the route is missing
   * (or for any 404 when {@code every404} is set: endpoints whose only 404 is a missing route), else {@code e}.
   */
  public static NotFoundException translate(NotFoundException e, boolean every404, String hint) {
    if (e instanceof UnsupportedEndpointException) {
      return e;
    }
    ApiError error = e.error();
    if (every404 || isRouteMissing(e)) {
      return new UnsupportedEndpointException(e.operation(), error == null ? ApiError.builder(404).build() : error,
          hint);
    }
    return e;
  }
}
