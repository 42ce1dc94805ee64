package dev.backstage4j.spring.security;

import dev.backstage4j.core.CredentialsProvider;
import dev.backstage4j.plugin.BackstagePrincipal;
import dev.backstage4j.plugin.PluginIdentity;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The Backstage caller of the current request (from Spring Security's context) and credentials that act as them,
 * so a controller reads Backstage with the caller's permissions:
 *
 * <pre>{@code
 * @GetMapping("/my-components")
 * List<Entity> mine(BackstageCaller caller) { ... }   // or inject the bean
 * catalog.withCredentials(caller.credentialsFor("catalog")).entities()...
 * }</pre>
 *
 * <p>A singleton bean; every call reads the current request's context.
 */
public final class BackstageCaller {
  private final PluginIdentity identity;

  /**
   * Creates the accessor.
   *
   * @param identity this service's plugin identity, or null when it is not a plugin (then a user's own token is
   *     forwarded, and other callers cannot be acted for)
   */
  public BackstageCaller(PluginIdentity identity) {
    this.identity = identity;
  }

  /** {@return the verified Backstage caller of the current request, if it has one} */
  public Optional<BackstagePrincipal> principal() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication instanceof BackstageAuthentication b ? Optional.of(b.getPrincipal()) : Optional.empty();
  }

  /**
   * Returns credentials with which this service calls plugin {@code targetPluginId} as the current caller (see
   * {@link BackstagePrincipal#credentialsOnBehalfOf(PluginIdentity, String)}).
   *
   * @param targetPluginId e.g. {@code catalog}
   * @return the credentials; do not keep them past the request
   * @throws IllegalStateException when the request has no Backstage caller, or the caller cannot be acted for
   *     because this service is not a plugin
   */
  public CredentialsProvider credentialsFor(String targetPluginId) {
    BackstagePrincipal caller = principal().orElseThrow(() ->
        new IllegalStateException("the current request has no verified Backstage caller"));
    return identity != null ? caller.credentialsOnBehalfOf(identity, targetPluginId) : caller.credentials();
  }
}
