package dev.backstage4j.spring.security;

import dev.backstage4j.plugin.BackstagePrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A verified Backstage caller as Spring Security's {@code Authentication}: the principal is the
 * {@link BackstagePrincipal} (name = its subject, e.g. {@code user:default/alice} or {@code plugin:scaffolder}); the
 * authorities are {@code BACKSTAGE_USER}, {@code BACKSTAGE_PLUGIN} or {@code BACKSTAGE_SERVICE}, plus each
 * ownership entity ref of a user ({@code user:default/alice}, {@code group:default/team-a}), so
 * {@code hasAuthority("group:default/team-a")} works in rules and {@code @PreAuthorize}. The token is never
 * exposed as credentials.
 */
public final class BackstageAuthentication extends AbstractAuthenticationToken {
  private static final long serialVersionUID = 1L;

  private final transient BackstagePrincipal principal;

  /**
   * Creates an authenticated token for a verified caller.
   *
   * @param principal the verified caller
   */
  public BackstageAuthentication(BackstagePrincipal principal) {
    super(authorities(Objects.requireNonNull(principal, "principal")));
    this.principal = principal;
    setAuthenticated(true);
  }

  private static List<GrantedAuthority> authorities(BackstagePrincipal principal) {
    List<GrantedAuthority> result = new ArrayList<>();
    result.add(new SimpleGrantedAuthority("BACKSTAGE_" + principal.kind()));
    principal.ownershipEntityRefs().forEach(ref -> result.add(new SimpleGrantedAuthority(ref)));
    return result;
  }

  /** {@return the verified caller} */
  @Override
  public BackstagePrincipal getPrincipal() {
    return principal;
  }

  /** {@return null: the caller's token stays inside the principal, to be handed on, never shown} */
  @Override
  public Object getCredentials() {
    return null;
  }

  /** {@return the caller's subject as Backstage names it} */
  @Override
  public String getName() {
    return principal.subject();
  }
}
