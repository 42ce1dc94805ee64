package dev.backstage4j.core.auth.internal;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import dev.backstage4j.core.BackstageException;
import dev.backstage4j.core.auth.JwksUnavailableException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Public keys of one issuer, fetched from its JWKS endpoint and cached. Thread-safe.
 *
 * <p>Keys are trusted for {@code ttl} after a successful fetch; an unknown {@code kid} triggers a refetch, but
 * fetch attempts (successful or not) are at least {@code minRefreshInterval} apart, so a flood of tokens with
 * made-up key ids costs the issuer at most one request per interval. When a fetch fails, keys fetched less than
 * {@code ttl} ago stay in use; after that, lookups fail with {@link JwksUnavailableException}. Only asymmetric
 * public signing keys (EC, RSA) are kept: a symmetric ({@code oct}) or encryption key in the set is ignored, so
 * a public key can never be used as an HMAC secret.
 */
public final class JwksCache {
  private static final Logger LOG = LoggerFactory.getLogger(JwksCache.class);

  private final String source;
  private final Supplier<String> fetcher;
  private final Clock clock;
  private final Duration ttl;
  private final Duration minRefreshInterval;

  private List<JWK> keys;
  private Instant fetchedAt;
  private Instant lastAttempt;
  private BackstageException lastFailure;
  private long fetches;

  /**
   * Creates a cache.
   *
   * @param source the JWKS URL, for messages
   * @param fetcher returns the JWKS document; throws a {@link BackstageException} when it cannot
   */
  public JwksCache(String source, Supplier<String> fetcher, Clock clock, Duration ttl,
      Duration minRefreshInterval) {
    this.source = source;
    this.fetcher = fetcher;
    this.clock = clock;
    this.ttl = ttl;
    this.minRefreshInterval = minRefreshInterval;
  }

  /** Returns the URL the keys come from. */
  public String source() {
    return source;
  }

  /**
   * Returns the keys with id {@code kid} (every key when {@code kid} is null), refetching the set when the
   * cache has expired or the id is unknown and the rate limit allows. An empty list means the key is unknown.
   *
   * @throws JwksUnavailableException when no unexpired keys are cached and the set cannot be fetched
   */
  public synchronized List<JWK> keysFor(String kid) {
    Instant now = clock.instant();
    if (keys == null || !now.isBefore(fetchedAt.plus(ttl))) {
      if (!mayAttempt(now)) {
        throw unavailable("the last attempt failed less than " + minRefreshInterval.toSeconds()
            + " s ago and no unexpired keys are cached");
      }
      refresh(now);
    }
    List<JWK> found = match(kid);
    if (found.isEmpty() && mayAttempt(now)) {
      LOG.debug("Unknown key id {} for {}; refetching the key set", kid, source);
      refresh(now);
      found = match(kid);
    }
    return found;
  }

  /** Returns how many fetches were attempted (for diagnostics and tests). */
  public synchronized long fetchCount() {
    return fetches;
  }

  private boolean mayAttempt(Instant now) {
    return lastAttempt == null || !now.isBefore(lastAttempt.plus(minRefreshInterval));
  }

  private List<JWK> match(String kid) {
    List<JWK> result = new ArrayList<>();
    if (keys == null) {
      return result;
    }
    for (JWK k : keys) {
      if (kid == null || kid.equals(k.getKeyID())) {
        result.add(k);
      }
    }
    return result;
  }

  private void refresh(Instant now) {
    lastAttempt = now;
    fetches++;
    try {
      List<JWK> fresh = parse(fetcher.get());
      keys = fresh;
      fetchedAt = now;
      lastFailure = null;
      LOG.debug("Fetched {} signing keys from {}", fresh.size(), source);
    } catch (BackstageException e) {
      lastFailure = e;
      LOG.debug("Could not fetch the key set from {}: {}", source, e.getMessage());
      if (keys == null || !now.isBefore(fetchedAt.plus(ttl))) {
        keys = null;
        throw unavailable(e.getMessage());
      }
      // unexpired keys stay in use
    }
  }

  private List<JWK> parse(String json) {
    JWKSet set;
    try {
      set = JWKSet.parse(json);
    } catch (ParseException e) {
      throw new BackstageException("the key set from " + source + " is not a valid JWK set: " + e.getMessage(), e);
    }
    List<JWK> result = new ArrayList<>();
    for (JWK k : set.getKeys()) {
      boolean asymmetric = KeyType.EC.equals(k.getKeyType()) || KeyType.RSA.equals(k.getKeyType());
      if (!asymmetric || KeyUse.ENCRYPTION.equals(k.getKeyUse())) {
        continue;
      }
      JWK pub = k.toPublicJWK();
      if (pub != null) {
        result.add(pub);
      }
    }
    return List.copyOf(result);
  }

  private JwksUnavailableException unavailable(String why) {
    return new JwksUnavailableException("Cannot check tokens: the signing keys at " + source
        + " are unavailable (" + why + ")", lastFailure);
  }
}
