package dev.backstage4j.plugin.internal;

import com.nimbusds.jose.jwk.JWKSet;
import dev.backstage4j.core.BackstageException;
import dev.backstage4j.core.ClientConfig;
import dev.backstage4j.core.CredentialsProvider;
import dev.backstage4j.core.NotFoundException;
import dev.backstage4j.core.internal.ApiRequest;
import dev.backstage4j.core.internal.HttpTransport;
import dev.backstage4j.plugin.TokenRejectedException;
import dev.backstage4j.plugin.TokenRejection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key sets of the plugins that call this one, each at {@code {discovery(caller)}/.backstage/auth/v1/jwks.json}
 * and found the way Backstage's {@code PluginTokenHandler} finds them: a plain GET probes the endpoint first, a 404
 * means the caller is not a plugin, and only a successful probe is remembered (then the keys are cached and
 * refreshed by a {@link JwksCache} per caller). Thread-safe.
 *
 * <p>Unlike Backstage, which probes again on every such token, a failed probe of one plugin id is repeated at
 * most once per {@code minRefreshInterval}, ids never seen before are probed at most {@link #NEW_IDS_PER_MINUTE}
 * times a minute, and at most {@link #MAX_CALLERS} callers are remembered: a flood of forged tokens (made-up key
 * ids or made-up plugin ids) costs Backstage a bounded number of requests.
 */
public final class PluginCallerKeys {
  private static final Logger LOG = LoggerFactory.getLogger(PluginCallerKeys.class);
  /** How Backstage restricts the {@code sub} of a plugin token. */
  private static final Pattern PLUGIN_ID = Pattern.compile("^[a-z0-9_-]+$", Pattern.CASE_INSENSITIVE);
  /** Probes of plugin ids not yet known to be plugins, per minute. */
  public static final int NEW_IDS_PER_MINUTE = 10;
  /** Callers whose keys (or failed probes) are remembered. */
  public static final int MAX_CALLERS = 256;
  private static final String JWKS_PATH = "/.backstage/auth/v1/jwks.json";

  private final String ownPluginId;
  private final ClientConfig backend;
  private final Clock clock;
  private final Duration minRefreshInterval;
  private final BiFunction<String, Supplier<String>, JwksCache> cacheFactory;
  private final Map<String, JwtPolicy> known = new HashMap<>();
  private final Map<String, Instant> failedProbes = new HashMap<>();
  private final Deque<Instant> recentNewProbes = new ArrayDeque<>();

  /**
   * Creates the key sets for plugin {@code ownPluginId}.
   *
   * @param backend where the callers live (its {@link ClientConfig#discovery()}); no credentials are sent
   * @param cacheFactory makes the key cache of one caller from its JWKS URL and fetcher
   */
  public PluginCallerKeys(String ownPluginId, ClientConfig backend, Clock clock, Duration minRefreshInterval,
      BiFunction<String, Supplier<String>, JwksCache> cacheFactory) {
    this.ownPluginId = ownPluginId;
    this.backend = backend.toBuilder().credentials(CredentialsProvider.none()).build();
    this.clock = clock;
    this.minRefreshInterval = minRefreshInterval;
    this.cacheFactory = cacheFactory;
  }

  /** {@return this plugin's id, the audience its callers' tokens must name} */
  public String ownPluginId() {
    return ownPluginId;
  }

  /**
   * Returns the policy that checks tokens of plugin {@code caller}, probing its JWKS endpoint the first time.
   *
   * @throws TokenRejectedException MALFORMED for a {@code sub} Backstage forbids, NOT_A_PLUGIN when the probe
   *     failed (now or less than the refresh interval ago) or the probe budget is spent
   */
  public JwtPolicy policyFor(String caller) {
    if (caller == null || caller.isEmpty()) {
      throw new TokenRejectedException(TokenRejection.MISSING_CLAIM, "the plugin token has no sub claim");
    }
    if (!PLUGIN_ID.matcher(caller).matches()) {
      throw new TokenRejectedException(TokenRejection.MALFORMED, "the plugin token's subject "
          + JwtChecker.shown(caller) + " is not a plugin id ([a-z0-9_-]+)");
    }
    Instant now = clock.instant();
    synchronized (this) {
      JwtPolicy policy = known.get(caller);
      if (policy != null) {
        return policy;
      }
      Instant failed = failedProbes.get(caller);
      if (failed != null && now.isBefore(failed.plus(minRefreshInterval))) {
        throw notAPlugin(caller, "its JWKS probe failed less than " + minRefreshInterval.toSeconds() + " s ago");
      }
      while (!recentNewProbes.isEmpty() && !recentNewProbes.peekFirst().isAfter(now.minusSeconds(60))) {
        recentNewProbes.removeFirst();
      }
      if (recentNewProbes.size() >= NEW_IDS_PER_MINUTE || known.size() >= MAX_CALLERS) {
        throw notAPlugin(caller, "too many unknown plugin ids were probed; not probing " + JwtChecker.shown(caller));
      }
      recentNewProbes.addLast(now);
      if (failedProbes.size() >= MAX_CALLERS) {
        failedProbes.clear();
      }
    }
    // The probe runs outside the lock: one slow plugin must not hold up tokens from the others.
    HttpTransport transport = HttpTransport.create(backend, caller);
    String url = transport.pluginUrl() + JWKS_PATH;
    String why = probe(transport, url);
    synchronized (this) {
      if (why != null) {
        failedProbes.put(caller, now);
        throw notAPlugin(caller, why);
      }
      failedProbes.remove(caller);
      return known.computeIfAbsent(caller, c -> new JwtPolicy("plugin tokens of " + c,
          cacheFactory.apply(url, () -> fetch(transport)), JwtPolicy.ASYMMETRIC, List.of(), List.of(ownPluginId),
          JwtPolicy.Kind.PLUGIN, null));
    }
  }

  /** {@return null when the endpoint answered with a JSON object that has {@code keys}, else why not} */
  private static String probe(HttpTransport transport, String url) {
    try {
      JWKSet.parse(fetch(transport));
      return null;
    } catch (NotFoundException e) {
      return "it has no JWKS endpoint at " + url;
    } catch (BackstageException | java.text.ParseException e) {
      LOG.debug("Plugin JWKS probe of {} failed: {}", url, e.toString());
      return "its JWKS endpoint " + url + " did not answer with a key set";
    }
  }

  private static String fetch(HttpTransport transport) {
    return transport.execute(ApiRequest.get(JWKS_PATH).build(), r -> r.text());
  }

  private static TokenRejectedException notAPlugin(String caller, String why) {
    return new TokenRejectedException(TokenRejection.NOT_A_PLUGIN, "the token's source "
        + JwtChecker.shown(caller) + " is not a plugin this service can verify: " + why);
  }
}
