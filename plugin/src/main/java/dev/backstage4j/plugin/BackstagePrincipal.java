package dev.backstage4j.plugin;

import dev.backstage4j.core.CredentialsProvider;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Identifies a verified caller: a Backstage user, another Backstage plugin or an external service. Immutable and
 * thread-safe. {@link #subject()} is always the name Backstage itself gives the caller:
 * <ul>
 *   <li>{@link Kind#USER}: the user entity ref ({@code user:default/jdoe}) from a user token, or from the
 *       limited-user token ({@code obo}) inside a plugin token; then {@link #actor()} is the plugin that called on
 *       the user's behalf ({@code plugin:scaffolder});</li>
 *   <li>{@link Kind#PLUGIN}: {@code plugin:<id>} for a plugin token without {@code obo};</li>
 *   <li>{@link Kind#SERVICE}: the configured subject of a static external-access token, or
 *       {@code external:<sub>} / {@code external:<subjectPrefix>:<sub>} for a JWKS-verified one.</li>
 * </ul>
 * Backstage's own principal type is {@code user} for the first and {@code service} for the other two
 * ({@link #backstageType()}).
 *
 * <p>The raw tokens are kept so that the caller's credentials can be handed on (see
 * {@link #credentialsOnBehalfOf(PluginIdentity, String)}), but they never appear in {@link #toString()}.
 */
public final class BackstagePrincipal {

  /** Says which kind of caller a principal is. */
  public enum Kind {
    /** A signed-in Backstage user: a user token, or a plugin calling on the user's behalf. */
    USER,
    /** A service calling with an external-access token (static or JWKS-verified). */
    SERVICE,
    /** Another Backstage plugin calling as itself (a plugin token without {@code obo}). */
    PLUGIN
  }

  private final Kind kind;
  private final String subject;
  private final List<String> ownershipEntityRefs;
  private final Instant expiresAt;
  private final Map<String, Object> claims;
  private final String token;
  private final String actor;
  /** The limited-user token a plugin forwarded ({@code obo}); null unless the caller is a user via a plugin. */
  private final String limitedUserToken;

  private BackstagePrincipal(Kind kind, String subject, List<String> ownershipEntityRefs, Instant expiresAt,
      Map<String, Object> claims, String token) {
    this(kind, subject, ownershipEntityRefs, expiresAt, claims, token, null, null);
  }

  private BackstagePrincipal(Kind kind, String subject, List<String> ownershipEntityRefs, Instant expiresAt,
      Map<String, Object> claims, String token, String actor, String limitedUserToken) {
    this.actor = actor;
    this.limitedUserToken = limitedUserToken;
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
   * @return the principal
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
   * @return the principal
   */
  public static BackstagePrincipal service(String subject, Instant expiresAt, Map<String, Object> claims,
      String token) {
    return new BackstagePrincipal(Kind.SERVICE, subject, List.of(), expiresAt, claims, token);
  }

  /**
   * Returns a plugin principal, {@code plugin:<pluginId>}, for a verified plugin token without {@code obo}.
   *
   * @param pluginId the calling plugin's id ({@code sub} of its token)
   * @param expiresAt when the token expires
   * @param claims the verified claims
   * @param token the raw plugin token
   * @return the principal
   */
  public static BackstagePrincipal plugin(String pluginId, Instant expiresAt, Map<String, Object> claims,
      String token) {
    return new BackstagePrincipal(Kind.PLUGIN, "plugin:" + pluginId, List.of(),
        Objects.requireNonNull(expiresAt, "expiresAt"), claims, token);
  }

  /**
   * Returns a user principal for a plugin that calls on a user's behalf: a verified plugin token whose
   * {@code obo} claim carries a verified limited-user token.
   *
   * @param userEntityRef the user ({@code sub} of the limited-user token)
   * @param actorPluginId the calling plugin's id
   * @param expiresAt when the limited-user token expires (Backstage takes the credentials' expiry from it)
   * @param claims the verified claims of the plugin token ({@code obo} left out)
   * @param limitedUserToken the {@code obo} value, kept byte for byte to forward it
   * @param token the raw plugin token
   * @return the principal
   */
  public static BackstagePrincipal userViaPlugin(String userEntityRef, String actorPluginId, Instant expiresAt,
      Map<String, Object> claims, String limitedUserToken, String token) {
    return new BackstagePrincipal(Kind.USER, userEntityRef, List.of(userEntityRef),
        Objects.requireNonNull(expiresAt, "expiresAt"), claims, token, "plugin:" + actorPluginId,
        Objects.requireNonNull(limitedUserToken, "limitedUserToken"));
  }

  /** {@return whether the caller is a user, another plugin or an external service} */
  public Kind kind() {
    return kind;
  }

  /** {@return whether the caller is a Backstage user} */
  public boolean isUser() {
    return kind == Kind.USER;
  }

  /** {@return {@code user} for a user, {@code service} for a plugin or external service: Backstage's principal type} */
  public String backstageType() {
    return kind == Kind.USER ? "user" : "service";
  }

  /**
   * Returns who acted for the user: {@code plugin:<id>} when a plugin called on a user's behalf, otherwise
   * null (the caller acted itself).
   *
   * @return the acting plugin, or null
   */
  public String actor() {
    return actor;
  }

  /** {@return the calling plugin's id for a {@link Kind#PLUGIN} caller, otherwise null} */
  public String pluginId() {
    return kind == Kind.PLUGIN ? subject.substring("plugin:".length()) : null;
  }

  /**
   * The limited-user token that carries this user on: the {@code obo} received from a plugin, or derived from the
   * user's own token as Backstage derives it; null for other callers. Never shown.
   */
  String limitedUserToken() {
    if (limitedUserToken != null || kind != Kind.USER) {
      return limitedUserToken;
    }
    return dev.backstage4j.plugin.internal.JwtChecker.limitedUserTokenOf(token);
  }

  /**
   * Returns the user entity ref ({@code user:default/jdoe}) for a user, {@code plugin:<id>} for a plugin, or the
   * service subject for an external service.
   *
   * @return the subject
   */
  public String subject() {
    return subject;
  }

  /**
   * Returns the entity refs the user is considered to own as ({@code ent}; the user and their groups), or an
   * empty list for a service.
   *
   * @return the refs, never null
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
   *
   * @return the verified claims, unmodifiable
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
   * <p>Do not cache the result past {@link #expiresAt()}. Works for callers that sent a user token or an
   * external-access token; a plugin's token (with or without a user behind it) is addressed to this plugin, so
   * inside a Java plugin use {@link #credentialsOnBehalfOf(PluginIdentity, String)}, which covers every kind.
   *
   * @return credentials that send the caller's token
   * @throws IllegalStateException for a {@link Kind#PLUGIN} caller or a user reached through a plugin
   */
  public CredentialsProvider credentials() {
    if (limitedUserToken != null || kind == Kind.PLUGIN) {
      // A plugin token is addressed to this service (aud) and a limited-user token alone is refused by Backstage;
      // only this plugin can mint a token that carries the caller on.
      throw new IllegalStateException("the token of " + (actor != null ? actor : subject) + " is addressed to this "
          + "plugin and cannot be forwarded; use credentialsOnBehalfOf(pluginIdentity, target) instead");
    }
    return CredentialsProvider.staticToken(token);
  }

  /**
   * Returns credentials with which plugin {@code self} calls {@code targetPluginId} on behalf of this caller,
   * the way Backstage's {@code auth.getPluginRequestToken({onBehalfOf, targetPluginId})} does, so Backstage's
   * permissions apply to whoever is behind the call:
   * <ul>
   *   <li>a user, whether reached through another plugin (the scaffolder running a user's task) or calling with
   *       their own token: a plugin token of {@code self} carrying the user's limited-user token ({@code obo}),
   *       received unchanged or derived from the user token byte for byte as Backstage derives it (a user token
   *       without the {@code uip} proof that needs is forwarded as it is);</li>
   *   <li>another plugin or an external service: a plugin token of {@code self}.</li>
   * </ul>
   *
   * @param self the Java plugin making the call
   * @param targetPluginId the plugin to call, e.g. {@code scaffolder}
   * @return the credentials; do not keep them past {@link #expiresAt()}
   */
  public CredentialsProvider credentialsOnBehalfOf(PluginIdentity self, String targetPluginId) {
    Objects.requireNonNull(self, "self");
    Objects.requireNonNull(targetPluginId, "targetPluginId");
    String limited = limitedUserToken();
    if (limited != null) {
      return self.credentialsOnBehalfOf(targetPluginId, limited);
    }
    return kind == Kind.USER ? CredentialsProvider.staticToken(token) : self.credentialsFor(targetPluginId);
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
    return kind == p.kind && subject.equals(p.subject) && Objects.equals(actor, p.actor)
        && ownershipEntityRefs.equals(p.ownershipEntityRefs)
        && Objects.equals(expiresAt, p.expiresAt) && claims.equals(p.claims);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, subject, ownershipEntityRefs, expiresAt);
  }

  /** {@return kind, subject, actor, ownership refs and expiry; never a token or the claims} */
  @Override
  public String toString() {
    return "BackstagePrincipal{" + kind + " " + subject + (actor == null ? "" : " via " + actor)
        + (ownershipEntityRefs.isEmpty() ? "" : ", ent=" + ownershipEntityRefs)
        + (expiresAt == null ? "" : ", expiresAt=" + expiresAt) + "}";
  }
}
