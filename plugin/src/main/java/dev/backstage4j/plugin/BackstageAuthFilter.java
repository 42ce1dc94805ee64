package dev.backstage4j.plugin;

import dev.backstage4j.core.internal.ErrorBodies;
import dev.backstage4j.core.internal.JsonCodec;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Authenticates every request with a {@link TokenVerifier} before it reaches the servlet (Jakarta Servlet 5+).
 * Thread-safe.
 *
 * <p>On success the caller is stored as request attribute {@link #PRINCIPAL_ATTRIBUTE}; read it with
 * {@link #principal(ServletRequest)}. A rejected token is answered with 401, {@code WWW-Authenticate: Bearer}
 * and a Backstage-shaped error body ({@code {"error":{"name":"AuthenticationError","message":...},
 * "request":{...},"response":{"statusCode":401}}}); unreachable signing keys with 503
 * ({@code ServiceUnavailableError}). The servlet API is an optional dependency of backstage4j-core: only this
 * class needs it.
 *
 * <pre>{@code
 * servletContext.addFilter("backstage-auth", new BackstageAuthFilter(verifier))
 *     .addMappingForUrlPatterns(null, false, "/api/*");
 * // in a servlet:
 * BackstagePrincipal caller = BackstageAuthFilter.principal(request);
 * }</pre>
 */
public final class BackstageAuthFilter implements Filter {
  /** The request attribute holding the verified {@link BackstagePrincipal}. */
  public static final String PRINCIPAL_ATTRIBUTE = "dev.backstage4j.auth.principal";

  private final TokenVerifier verifier;

  /**
   * Creates a filter that checks every request with {@code verifier}.
   *
   * @param verifier checks the callers
   */
  public BackstageAuthFilter(TokenVerifier verifier) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
  }

  /**
   * Returns the caller the filter verified for {@code request}.
   *
   * @param request a request that passed through this filter
   * @return its verified caller
   * @throws IllegalStateException when the request did not pass through this filter
   */
  public static BackstagePrincipal principal(ServletRequest request) {
    Object p = request.getAttribute(PRINCIPAL_ATTRIBUTE);
    if (!(p instanceof BackstagePrincipal)) {
      throw new IllegalStateException("no verified Backstage caller on this request; is BackstageAuthFilter "
          + "mapped to this path?");
    }
    return (BackstagePrincipal) p;
  }

  /** Verifies the request's bearer token, then passes the request on or answers 401/503. */
  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!(request instanceof HttpServletRequest) || !(response instanceof HttpServletResponse)) {
      throw new ServletException("BackstageAuthFilter only handles HTTP requests");
    }
    HttpServletRequest http = (HttpServletRequest) request;
    HttpServletResponse out = (HttpServletResponse) response;
    java.util.Enumeration<String> values = http.getHeaders("Authorization");
    if (values != null && java.util.Collections.list(values).size() > 1) {
      out.setHeader("WWW-Authenticate", "Bearer");
      answer(http, out, 401, "AuthenticationError",
          new TokenRejectedException(TokenRejection.MALFORMED, "more than one Authorization header").getMessage());
      return;
    }
    BackstagePrincipal principal;
    try {
      principal = verifier.authenticate(http.getHeader("Authorization"));
    } catch (TokenRejectedException e) {
      out.setHeader("WWW-Authenticate", "Bearer");
      answer(http, out, 401, "AuthenticationError", e.getMessage());
      return;
    } catch (JwksUnavailableException e) {
      answer(http, out, 503, "ServiceUnavailableError", e.getMessage());
      return;
    }
    request.setAttribute(PRINCIPAL_ATTRIBUTE, principal);
    chain.doFilter(request, response);
  }

  private static void answer(HttpServletRequest request, HttpServletResponse response, int status, String name,
      String message) throws IOException {
    byte[] bytes = JsonCodec.shared().write(
        ErrorBodies.envelope(status, name, message, request.getMethod(), request.getRequestURI()));
    response.setStatus(status);
    response.setContentType("application/json; charset=utf-8");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
    response.getOutputStream().flush();
  }

  @Override
  public String toString() {
    return "BackstageAuthFilter{" + verifier + "}";
  }
}
