package dev.backstage4j.plugin;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.backstage4j.core.BackstageException;
import dev.backstage4j.core.ClientConfig;
import dev.backstage4j.core.CredentialsProvider;
import dev.backstage4j.core.NotFoundException;
import dev.backstage4j.core.internal.ApiRequest;
import dev.backstage4j.core.internal.HttpTransport;
import dev.backstage4j.core.internal.ResponseHandler;
import dev.backstage4j.plugin.internal.JwksCache;
import dev.backstage4j.plugin.internal.JwtChecker;
import dev.backstage4j.plugin.internal.JwtPolicy;
import dev.backstage4j.plugin.internal.PluginCallerKeys;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Verifies the tokens callers send to a Java service that sits behind Backstage, and says who is calling.
 * Thread-safe; build one per service and share it. It gives the verdicts Backstage's own backend gives (checks
 * Backstage does not make, such as {@code iss} on user tokens or a clock skew allowance, are opt-in).
 *
 * <p>Accepts, in this order:
 * <ul>
 *   <li>plugin tokens ({@code typ vnd.backstage.plugin}) of other Backstage plugins calling this one, when
 *       {@link Builder#pluginTokens} names this plugin: signed with the caller's keys from
 *       {@code {discovery(sub)}/.backstage/auth/v1/jwks.json}, audience this plugin, {@code iat exp sub aud}
 *       required. The principal is {@code plugin:<sub>}, or, when the token carries a limited-user token in
 *       {@code obo} (verified against the auth backend's keys), that user with the plugin as
 *       {@link BackstagePrincipal#actor()};</li>
 *   <li>static external-access tokens ({@code backend.auth.externalAccess} {@code type: static}), compared in
 *       constant time; the principal is a service with the configured subject;</li>
 *   <li>Backstage user tokens, signed by the auth backend with keys from
 *       {@code {discovery(auth)}/.well-known/jwks.json} (fetched through the backstage4j transport, so proxy,
 *       TLS and timeouts of the {@link ClientConfig} apply): {@code typ vnd.backstage.user} with
 *       {@code iat exp sub}, or a legacy untyped token with audience {@code backstage}; the principal is a
 *       user. A limited-user token on its own is refused, as Backstage refuses it;</li>
 *   <li>JWKS-verified external-access tokens ({@code type: jwks}, see {@link JwksAccess}); the principal is a
 *       service named {@code external:[prefix:]sub}.</li>
 * </ul>
 * JWTs must be signed with an asymmetric algorithm (ES*, RS*, PS*); {@code none} and HMAC are always rejected.
 * {@code exp} is required and checked, like {@code nbf}, without clock skew unless {@link Builder#clockSkew} allows
 * some. Keys are cached ({@link Builder#jwksCacheTtl}) and refetched when a token names an unknown key id, at most
 * once per {@link Builder#jwksMinRefreshInterval} per issuer or calling plugin; plugin ids never seen before are
 * probed at most {@value PluginCallerKeys#NEW_IDS_PER_MINUTE} times a minute.
 *
 * <pre>{@code
 * ClientConfig backstage = ClientConfig.builder().baseUrl("http://backstage:7007").build();
 * TokenVerifier verifier = TokenVerifier.builder()
 *     .pluginTokens("javatools", backstage)   // the scaffolder, MCP and other plugins calling this one
 *     .userTokens(backstage)                  // signed-in users
 *     .addStaticToken(System.getenv("CI_TOKEN"), "ci-pipeline")
 *     .build();
 * BackstagePrincipal caller = verifier.authenticate(request.getHeader("Authorization"));
 * }</pre>
 *
 * <p>Tokens never appear in logs, exception messages or {@code toString()}. Rejections are thrown, not logged
 * (log them where you answer the request); key fetches are logged at DEBUG.
 */
public final class TokenVerifier {
  private final List<StaticEntry> statics;
  private final List<JwtPolicy> policies;
  private final PluginCallerKeys pluginCallers;
  private final JwtPolicy limitedUserPolicy;
  private final JwtChecker checker;
  private final String description;

  private TokenVerifier(Builder b, List<JwtPolicy> policies, PluginCallerKeys pluginCallers,
      JwtPolicy limitedUserPolicy) {
    this.statics = List.copyOf(b.statics);
    this.policies = List.copyOf(policies);
    this.pluginCallers = pluginCallers;
    this.limitedUserPolicy = limitedUserPolicy;
    this.checker = new JwtChecker(b.clock, b.clockSkew);
    this.description = "TokenVerifier{"
        + (pluginCallers == null ? "" : "plugin tokens for " + pluginCallers.ownPluginId() + ", ")
        + "static tokens=" + statics.size() + ", jwt issuers="
        + policies.stream().map(JwtPolicy::description).toList() + "}";
  }

  /** {@return a builder with no clock skew, key cache TTL 10 min and key refetch at most every 30 s} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Verifies {@code token} (without the {@code Bearer } prefix) and returns the caller.
   *
   * @param token the bearer token
   * @return the verified caller
   * @throws TokenRejectedException when the token is missing, malformed, forged, expired or not for this service
   * @throws JwksUnavailableException when the signing keys cannot be fetched and none are cached
   */
  public BackstagePrincipal verify(String token) {
    return doVerify(token);
  }

  /**
   * Verifies the token in an {@code Authorization} header value ({@code Bearer <token>}, scheme case-insensitive).
   *
   * @param authorizationHeader the header value
   * @return the verified caller
   * @throws TokenRejectedException MISSING for a null or blank header, MALFORMED for another scheme, or any
   *     reason {@link #verify} gives
   * @throws JwksUnavailableException when the signing keys cannot be fetched and none are cached
   */
  public BackstagePrincipal authenticate(String authorizationHeader) {
    if (authorizationHeader == null || authorizationHeader.isBlank()) {
      throw rejected(TokenRejection.MISSING, "no Authorization header");
    }
    String h = authorizationHeader.trim();
    if (h.length() < 7 || !h.substring(0, 7).equalsIgnoreCase("bearer ")) {
      throw rejected(TokenRejection.MALFORMED, "the Authorization header is not a Bearer token");
    }
    return verify(h.substring(7).trim());
  }

  /**
   * Verifies the token in the {@code Authorization} header of {@code headers} (names matched case-insensitively),
   * for any HTTP stack that exposes headers as a map.
   *
   * @param headers the request headers
   * @return the verified caller
   * @throws TokenRejectedException MISSING when there is no such header, MALFORMED when there are several, or
   *     any reason {@link #authenticate(String)} gives
   * @throws JwksUnavailableException when the signing keys cannot be fetched and none are cached
   */
  public BackstagePrincipal authenticate(Map<String, List<String>> headers) {
    List<String> values = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey() != null && e.getKey().equalsIgnoreCase("Authorization") && e.getValue() != null) {
        values.addAll(e.getValue());
      }
    }
    if (values.size() > 1) {
      throw rejected(TokenRejection.MALFORMED, "more than one Authorization header");
    }
    return authenticate(values.isEmpty() ? null : values.get(0));
  }

  /** Describes what this verifier accepts; never a token. */
  @Override
  public String toString() {
    return description;
  }

  private BackstagePrincipal doVerify(String token) {
    if (token == null || token.isEmpty()) {
      throw new TokenRejectedException(TokenRejection.MISSING, "no token");
    }
    StaticEntry match = matchStatic(token);
    if (match != null) {
      return BackstagePrincipal.service(match.subject, null, Map.of(), token);
    }
    if (!JwtChecker.looksLikeJwt(token)) {
      throw new TokenRejectedException(TokenRejection.NOT_RECOGNIZED,
          "the token is neither a configured static token nor a JWT");
    }
    SignedJWT jwt = JwtChecker.parse(token);
    JOSEObjectType typ = jwt.getHeader().getType();
    if (typ != null && JwtChecker.PLUGIN_TYP.equals(typ.getType())) {
      return verifyPluginToken(jwt, token);
    }
    if (typ != null && JwtChecker.LIMITED_USER_TYP.equals(typ.getType())) {
      throw new TokenRejectedException(TokenRejection.WRONG_TYPE, "a limited-user token is accepted only inside a "
          + "plugin token's obo claim (Backstage answers: Illegal limited user token)");
    }
    if (policies.isEmpty()) {
      throw new TokenRejectedException(TokenRejection.NOT_RECOGNIZED, "no JWT issuers are configured");
    }
    String iss = JwtChecker.unverifiedIssuer(jwt);
    TokenRejectedException first = null;
    for (JwtPolicy policy : policies) {
      if (!applies(policy, jwt, iss)) {
        continue;
      }
      try {
        return checker.verify(jwt, token, policy);
      } catch (TokenRejectedException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
    if (policies.stream().noneMatch(p -> p.kind() == JwtPolicy.Kind.EXTERNAL)) {
      throw new TokenRejectedException(TokenRejection.NOT_RECOGNIZED, "the token is not a Backstage user token "
          + "(typ " + JwtChecker.USER_TYP + ", or audience " + JwtChecker.userAudience() + ")");
    }
    throw new TokenRejectedException(TokenRejection.WRONG_ISSUER, "issuer " + JwtChecker.shown(iss)
        + " is not trusted (trusted: "
        + policies.stream().flatMap(p -> p.issuers().stream()).toList() + ")");
  }

  /**
   * Picks the policies to try as Backstage picks its handlers: a user token is one typed
   * {@code vnd.backstage.user}, or (legacy) any other with audience {@code backstage}; external-access tokens are
   * matched by issuer.
   */
  private static boolean applies(JwtPolicy policy, SignedJWT jwt, String iss) {
    if (policy.kind() != JwtPolicy.Kind.USER) {
      return policy.acceptsIssuer(iss);
    }
    JOSEObjectType typ = jwt.getHeader().getType();
    if (typ != null && JwtChecker.USER_TYP.equals(typ.getType())) {
      return true;
    }
    try {
      List<String> aud = jwt.getJWTClaimsSet().getAudience();
      return aud.contains(JwtChecker.userAudience());
    } catch (ParseException e) {
      throw new TokenRejectedException(TokenRejection.MALFORMED, "the JWT claims cannot be read");
    }
  }

  /** Backstage's {@code PluginTokenHandler} then, for an {@code obo}, its {@code UserTokenHandler}. */
  private BackstagePrincipal verifyPluginToken(SignedJWT jwt, String token) {
    if (pluginCallers == null) {
      throw new TokenRejectedException(TokenRejection.NOT_RECOGNIZED, "plugin tokens are not accepted here "
          + "(TokenVerifier.Builder.pluginTokens is not configured)");
    }
    String caller;
    try {
      caller = jwt.getJWTClaimsSet().getSubject();
    } catch (ParseException e) {
      throw new TokenRejectedException(TokenRejection.MALFORMED, "the JWT claims cannot be read");
    }
    JWTClaimsSet claims = checker.check(jwt, pluginCallers.policyFor(caller));
    Instant exp = claims.getExpirationTime().toInstant();
    Object obo = claims.getClaim("obo");
    if (obo == null) {
      return BackstagePrincipal.plugin(caller, exp, JwtChecker.visibleClaims(claims), token);
    }
    if (!(obo instanceof String) || !JwtChecker.looksLikeJwt((String) obo)) {
      throw new TokenRejectedException(TokenRejection.MALFORMED, "the obo claim of the plugin token from "
          + caller + " is not a limited-user token");
    }
    JWTClaimsSet user;
    try {
      user = checker.check(JwtChecker.parse((String) obo), limitedUserPolicy);
    } catch (TokenRejectedException e) {
      throw new TokenRejectedException(e.reason(), "the user token in the obo claim of the plugin token from "
          + caller + " was rejected: " + e.getMessage());
    }
    return BackstagePrincipal.userViaPlugin(user.getSubject(), caller, user.getExpirationTime().toInstant(),
        JwtChecker.visibleClaims(claims), (String) obo, token);
  }

  /**
   * Compares against every static token without stopping at a match. Both sides are SHA-256 digests, so the
   * time taken does not depend on where (or whether) the strings differ, nor on their lengths; the verifier
   * keeps only digests of the configured tokens.
   */
  private StaticEntry matchStatic(String token) {
    byte[] given = sha256(token);
    StaticEntry found = null;
    for (StaticEntry e : statics) {
      if (MessageDigest.isEqual(given, e.digest) && found == null) {
        found = e;
      }
    }
    return found;
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static TokenRejectedException rejected(TokenRejection reason, String message) {
    return new TokenRejectedException(reason, message);
  }

  private static final class StaticEntry {
    final byte[] digest;
    final String subject;

    StaticEntry(byte[] digest, String subject) {
      this.digest = digest;
      this.subject = subject;
    }
  }

  /** Builds a {@link TokenVerifier}. Not thread-safe. */
  public static final class Builder {
    private final List<StaticEntry> statics = new ArrayList<>();
    private final List<JwksAccess> jwksEntries = new ArrayList<>();
    private ClientConfig userTokenBackend;
    private String ownPluginId;
    private ClientConfig pluginBackend;
    private final List<String> userIssuers = new ArrayList<>();
    private final List<String> userAlgorithms = new ArrayList<>();
    private Duration clockSkew = Duration.ZERO;
    private Duration jwksCacheTtl = Duration.ofMinutes(10);
    private Duration jwksMinRefreshInterval = Duration.ofSeconds(30);
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Accepts plugin tokens addressed to plugin {@code ownPluginId} from the plugins of the Backstage described
     * by {@code backend}: each caller's keys come from {@code {backend.discovery()(caller)}/.backstage/auth/v1/
     * jwks.json} (no credentials are sent), and a user behind the call ({@code obo}) is verified with the auth
     * backend's keys at {@code {discovery(auth)}/.well-known/jwks.json}.
     *
     * @param ownPluginId this plugin's id, the audience callers must name
     * @param backend the Backstage the callers belong to (its discovery must route them the way Backstage does)
     * @return this builder
     */
    public Builder pluginTokens(String ownPluginId, ClientConfig backend) {
      this.ownPluginId = Objects.requireNonNull(ownPluginId, "ownPluginId");
      this.pluginBackend = Objects.requireNonNull(backend, "backend");
      return this;
    }

    /**
     * Accepts Backstage user tokens issued by the auth backend of the Backstage at {@code backend}; keys come from
     * {@code {discovery(auth)}/.well-known/jwks.json}. Like Backstage, any {@code iss} is accepted unless
     * {@link #userTokenIssuer} names the accepted ones.
     *
     * @param backend the Backstage whose auth backend signs the tokens
     * @return this builder
     */
    public Builder userTokens(ClientConfig backend) {
      this.userTokenBackend = Objects.requireNonNull(backend, "backend");
      return this;
    }

    /**
     * Adds an accepted {@code iss} for user tokens (repeatable): the auth backend's external base URL, e.g.
     * {@code https://backstage.example.com/api/auth}. Opt-in: Backstage itself does not check {@code iss}, and
     * without this call neither does the verifier.
     *
     * @param issuer an accepted issuer
     * @return this builder
     */
    public Builder userTokenIssuer(String issuer) {
      userIssuers.add(Objects.requireNonNull(issuer, "issuer"));
      return this;
    }

    /**
     * Restricts user tokens to {@code algorithm} (repeatable). By default every asymmetric algorithm is accepted,
     * since operators may configure the auth backend's algorithm (ES256 by default).
     *
     * @param algorithm e.g. ES256
     * @return this builder
     * @throws IllegalArgumentException for {@code none}, HMAC or unknown algorithms
     */
    public Builder userTokenAlgorithm(String algorithm) {
      userAlgorithms.add(JwksAccess.checkAlgorithm(algorithm));
      return this;
    }

    /**
     * Accepts a static external-access token ({@code type: static}) for service {@code subject}.
     *
     * @param token the token, as in the backend's externalAccess options
     * @param subject the service subject the principal gets
     * @return this builder
     * @throws IllegalArgumentException when the token is shorter than 8 characters, contains whitespace or is
     *     declared twice, or the subject is blank or contains whitespace (Backstage's own rules)
     */
    public Builder addStaticToken(String token, String subject) {
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(subject, "subject");
      if (token.length() < 8 || !token.matches("\\S+")) {
        throw new IllegalArgumentException("static token for subject " + subject
            + " must be at least 8 characters without whitespace");
      }
      if (!subject.matches("\\S+")) {
        throw new IllegalArgumentException("static token subject must be non-empty without whitespace, was '"
            + subject + "'");
      }
      byte[] digest = sha256(token);
      for (StaticEntry e : statics) {
        if (MessageDigest.isEqual(e.digest, digest)) {
          throw new IllegalArgumentException("static token for subject " + subject + " was declared twice");
        }
      }
      statics.add(new StaticEntry(digest, subject));
      return this;
    }

    /**
     * Accepts third-party JWTs verified against a remote JWKS ({@code type: jwks}).
     *
     * @param access the JWKS entry
     * @return this builder
     */
    public Builder addJwksAccess(JwksAccess access) {
      jwksEntries.add(Objects.requireNonNull(access, "access"));
      return this;
    }

    /**
     * Sets how far {@code exp} and {@code nbf} may be off (default none, as in Backstage; at most 5 min).
     *
     * @param skew the allowance
     * @return this builder
     */
    public Builder clockSkew(Duration skew) {
      if (skew.isNegative() || skew.compareTo(Duration.ofMinutes(5)) > 0) {
        throw new IllegalArgumentException("clockSkew must be between 0 and 5 minutes, was " + skew);
      }
      this.clockSkew = skew;
      return this;
    }

    /**
     * Sets how long fetched keys are used without a successful refetch (default 10 min). While the JWKS
     * endpoint is down, cached keys keep working until this runs out.
     *
     * @param ttl how long keys are used
     * @return this builder
     */
    public Builder jwksCacheTtl(Duration ttl) {
      if (ttl.isNegative() || ttl.isZero()) {
        throw new IllegalArgumentException("jwksCacheTtl must be positive, was " + ttl);
      }
      this.jwksCacheTtl = ttl;
      return this;
    }

    /**
     * Sets the least time between two fetches of one key set (default 30 s), so tokens naming unknown keys
     * cannot flood the issuer.
     *
     * @param interval the least time between fetches
     * @return this builder
     */
    public Builder jwksMinRefreshInterval(Duration interval) {
      if (interval.isNegative()) {
        throw new IllegalArgumentException("jwksMinRefreshInterval must not be negative, was " + interval);
      }
      this.jwksMinRefreshInterval = interval;
      return this;
    }

    /**
     * Sets the clock for expiry checks and key caching (default: system UTC).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Returns the verifier. No key set is fetched until the first token needs it.
     *
     * @return the verifier
     * @throws IllegalArgumentException when nothing is configured, or the cache TTL is shorter than the refresh
     *     interval
     */
    public TokenVerifier build() {
      if (statics.isEmpty() && jwksEntries.isEmpty() && userTokenBackend == null && pluginBackend == null) {
        throw new IllegalArgumentException("configure at least one of pluginTokens, userTokens, addStaticToken, "
            + "addJwksAccess");
      }
      if (jwksCacheTtl.compareTo(jwksMinRefreshInterval) < 0) {
        throw new IllegalArgumentException("jwksCacheTtl (" + jwksCacheTtl + ") must not be shorter than "
            + "jwksMinRefreshInterval (" + jwksMinRefreshInterval + ")");
      }
      List<JwtPolicy> policies = new ArrayList<>();
      JwtPolicy limitedUser = null;
      ClientConfig authBackend = userTokenBackend != null ? userTokenBackend : pluginBackend;
      if (authBackend != null) {
        HttpTransport auth = HttpTransport.create(authBackend, "auth");
        ApiRequest request = ApiRequest.get("/.well-known/jwks.json").build();
        String url = auth.pluginUrl() + "/.well-known/jwks.json";
        JwksCache keys = cache(url, () -> fetchUserKeys(auth, request));
        // One key set for both: the auth backend signs limited-user tokens with the user token's key.
        limitedUser = new JwtPolicy("limited-user tokens", keys, algorithms(userAlgorithms), List.of(), List.of(),
            JwtPolicy.Kind.LIMITED_USER, null);
        if (userTokenBackend != null) {
          policies.add(new JwtPolicy("Backstage user tokens", keys, algorithms(userAlgorithms),
              List.copyOf(userIssuers), List.of(JwtChecker.userAudience()), JwtPolicy.Kind.USER, null));
        }
      }
      for (JwksAccess a : jwksEntries) {
        // Never send Backstage credentials to a third-party key server.
        ClientConfig.Builder base = userTokenBackend != null ? userTokenBackend.toBuilder() : ClientConfig.builder();
        ClientConfig config = base.baseUrl(origin(a.url())).credentials(CredentialsProvider.none()).build();
        HttpTransport t = HttpTransport.createAt(config, "jwks-" + a.url().getHost(), a.url());
        ApiRequest request = ApiRequest.get("/").build();
        policies.add(new JwtPolicy("external access via " + a.url(), cache(a.url().toString(),
            () -> t.execute(request, TEXT)), algorithms(a.algorithms()), a.issuers(), a.audiences(),
            JwtPolicy.Kind.EXTERNAL, a.subjectPrefix()));
      }
      PluginCallerKeys callers = pluginBackend == null ? null
          : new PluginCallerKeys(ownPluginId, pluginBackend, clock, jwksMinRefreshInterval, this::cache);
      return new TokenVerifier(this, policies, callers, limitedUser);
    }

    private static String fetchUserKeys(HttpTransport auth, ApiRequest request) {
      try {
        return auth.execute(request, TEXT);
      } catch (NotFoundException e) {
        throw new BackstageException(e.getMessage() + "; is @backstage/plugin-auth-backend installed on that "
            + "backend? Without it Backstage issues no user tokens", e);
      }
    }

    private JwksCache cache(String url, Supplier<String> fetch) {
      return new JwksCache(url, fetch, clock, jwksCacheTtl, jwksMinRefreshInterval);
    }

    private static Set<JWSAlgorithm> algorithms(List<String> names) {
      if (names.isEmpty()) {
        return JwtPolicy.ASYMMETRIC;
      }
      Set<JWSAlgorithm> result = new LinkedHashSet<>();
      for (String n : names) {
        result.add(JWSAlgorithm.parse(n));
      }
      return Set.copyOf(result);
    }

    private static URI origin(URI url) {
      return URI.create(url.getScheme() + "://" + url.getRawAuthority());
    }
  }

  private static final ResponseHandler<String> TEXT = r -> r.text();
}
