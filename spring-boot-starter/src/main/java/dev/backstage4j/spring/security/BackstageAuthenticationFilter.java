package dev.backstage4j.spring.security;

import dev.backstage4j.plugin.JwksUnavailableException;
import dev.backstage4j.plugin.TokenRejectedException;
import dev.backstage4j.plugin.TokenVerifier;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns the request's Backstage token ({@code Authorization: Bearer}) into a {@link BackstageAuthentication} in
 * Spring Security's context, with the {@link TokenVerifier}'s verdict: a rejected token is answered 401 with
 * Backstage's error envelope ({@code Illegal token}; the reason is logged at WARN, never the token), unreachable
 * keys 503. A request without a token passes on unauthenticated, for the authorization rules to decide.
 */
public final class BackstageAuthenticationFilter extends OncePerRequestFilter {
  private static final Logger LOG = LoggerFactory.getLogger(BackstageAuthenticationFilter.class);

  private final TokenVerifier verifier;

  /**
   * Creates the filter.
   *
   * @param verifier checks the tokens
   */
  public BackstageAuthenticationFilter(TokenVerifier verifier) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header == null || header.isBlank()) {
      chain.doFilter(request, response);
      return;
    }
    try {
      SecurityContext context = SecurityContextHolder.createEmptyContext();
      context.setAuthentication(new BackstageAuthentication(verifier.authenticate(header)));
      SecurityContextHolder.setContext(context);
    } catch (TokenRejectedException e) {
      LOG.warn("Rejected credentials for {} {}: {} ({})", request.getMethod(), request.getRequestURI(),
          e.getMessage(), e.reason());
      BackstageErrors.write(request, response, 401, "AuthenticationError", "Illegal token");
      return;
    } catch (JwksUnavailableException e) {
      LOG.warn("Cannot check credentials for {} {}: {}", request.getMethod(), request.getRequestURI(),
          e.getMessage());
      BackstageErrors.write(request, response, 503, "ServiceUnavailableError",
          "Cannot check credentials now; try again later");
      return;
    }
    chain.doFilter(request, response);
  }
}
