package dev.backstage4j.plugin;

import dev.backstage4j.core.CredentialsProvider;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Identifies a verified caller: a Backstage user or a service. Immutable and thread-safe.
 *
 * <p>A user principal comes from a Backstage user token: {@link #subject()} is the user entity ref from
 * {@code sub} (e.g. {@code user:default/jdoe}) and {@link #ownershipEntityRefs()} the refs from {@code ent}.
 * A service principal comes from an external-access token: {@link #subject()} is the configured subject of a
 * static token, or {@code external:<sub>} / {@code external:<subjectPrefix>:<sub>} for a JWKS-verified token,
 * as Backstage names it.
 *
 * <p>The raw token is kept so that {@link #credentials()} can forward it (acting on behalf of the caller), but
 * it never appears in {@link #toString()}.
 */
public final class BackstagePrincipal {

  /** Says which kind of caller a principal is. */
  public enum Kind {
    /** A signed-in Backstage user (a user token issued by the auth backend). */
    USER,
    /** A service calling with an external-access token. */
    SERVICE
  }

  private final Kind kind;
  private final String subject;
  private final List<String> ownershipEntityRefs;
  private final Instant expiresAt;
  private final Map<String, Object> claims;
  private final String token;

  private BackstagePrincipal(Kind kind, String subject, List<String> ownershipEntityRefs, Instant expiresAt,
      Map<String, Object> claims, String token) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.subject = Objects.requireNonNull(subject, "subject");
    this.ownershipEntityRefs = List.copyOf(ownershipEntityRefs);
    this.expiresAt = expiresAt;
    this.claims = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(claims));
    this.token = Objects.requireNonNull(token, "token");
  }

  /**
   * Returns a user principal. Used by the verifier and by tests of code that consumes principals.
   *
   * @param userEntityRef the user entity ref ({@code sub})
   * @param ownershipEntityRefs the ownership refs ({@code ent})
   * @param expiresAt when the token expires
   * @param claims all verified claims (may be empty)
   * @param token the raw token, kept for {@link #credentials()}
   */
  public static BackstagePrincipal user(String userEntityRef, List<String> ownershipEntityRefs, Instant expiresAt,
      Map<String, Object> claims, String token) {
    return new BackstagePrincipal(Kind.USER, userEntityRef, ownershipEntityRefs,
        Objects.requireNonNull(expiresAt, "expiresAt"), claims, token);
  }

  /**
   * Returns a service principal.
   *
   * @param subject the service subject
   * @param expiresAt when the token expires, or null for a static token
   * @param claims all verified claims (empty for a static token)
   * @param token the raw token, kept for {@link #credentials()}
   */
  public static BackstagePrincipal service(String subject, Instant expiresAt, Map<String, Object> claims,
      String token) {
    return new BackstagePrincipal(Kind.SERVICE, subject, List.of(), expiresAt, claims, token);
  }

  /** {@return whether the caller is a user or a service} */
  public Kind kind() {
    return kind;
  }

  /** {@return whether the caller is a Backstage user} */
  public boolean isUser() {
    return kind == Kind.USER;
  }

  /** {@return the user entity ref ({@code user:default/jdoe}) for a user, or the service subject for a service} */
  public String subject() {
    return subject;
  }

  /**
   * Returns the entity refs the user is considered to own as ({@code ent}; the user and their groups), or an
   * empty list for a service.
   */
  public List<String> ownershipEntityRefs() {
    return ownershipEntityRefs;
  }

  /** {@return when the token expires, or null for a static token that never does} */
  public Instant expiresAt() {
    return expiresAt;
  }

  /**
   * Returns the verified claims of a JWT (including custom claims from the sign-in resolver), or an empty map
   * for a static token. The {@code uip} claim (a credential fragment) is left out.
   */
  public Map<String, Object> claims() {
    return claims;
  }

  /**
   * Returns credentials that forward this caller's token, to act on behalf of the caller: pass them to a
   * client's {@code withCredentials(...)} so Backstage applies the caller's permissions. The derived client
   * shares the connection pool of the one it came from.
   *
   * <pre>{@code
   * BackstagePrincipal caller = verifier.authenticate(request.getHeader("Authorization"));
   * CatalogClient asCaller = catalog.withCredentials(caller.credentials());
   * asCaller.entities().find(EntityRef.parse("component:default/shop")); // as the caller may see it
   * }</pre>
   *
   * <p>Do not cache the result past {@link #expiresAt()}.
   */
  public CredentialsProvider credentials() {
    return CredentialsProvider.staticToken(token);
  }

  /** Compares kind, subject, ownership refs, expiry and claims (not the token). */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof BackstagePrincipal)) {
      return false;
    }
    BackstagePrincipal p = (BackstagePrincipal) o;
    return kind == p.kind && subject.equals(p.subject) && ownershipEntityRefs.equals(p.ownershipEntityRefs)
        && Objects.equals(expiresAt, p.expiresAt) && claims.equals(p.claims);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, subject, ownershipEntityRefs, expiresAt);
  }

  /** {@return kind, subject, ownership refs and expiry; never the token or the claims} */
  @Override
  public String toString() {
    return "BackstagePrincipal{" + kind + " " + subject
        + (ownershipEntityRefs.isEmpty() ? "" : ", ent=" + ownershipEntityRefs)
        + (expiresAt == null ? "" : ", expiresAt=" + expiresAt) + "}";
  }
}
