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

  /** Keys and fetch time, replaced together; read without the lock on the common path. */
  private volatile Snapshot snapshot;
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

  /** {@return the URL the keys come from} */
  public String source() {
    return source;
  }

  /**
   * Returns the keys with id {@code kid} (every key when {@code kid} is null), refetching the set when the
   * cache has expired or the id is unknown and the rate limit allows. An empty list means the key is unknown.
   *
   * @throws JwksUnavailableException when no unexpired keys are cached and the set cannot be fetched
   */
  public List<JWK> keysFor(String kid) {
    Snapshot current = snapshot;
    if (current != null && current.freshAt(clock.instant(), ttl)) {
      List<JWK> found = current.match(kid);
      if (!found.isEmpty()) {
        return found; // the common case takes no lock, so a slow refetch never stalls known-key checks
      }
    }
    return refreshAndFind(kid);
  }

  private synchronized List<JWK> refreshAndFind(String kid) {
    Instant now = clock.instant();
    Snapshot current = snapshot;
    if (current == null || !current.freshAt(now, ttl)) {
      if (!mayAttempt(now)) {
        throw unavailable("the last attempt failed less than " + minRefreshInterval.toSeconds()
            + " s ago and no unexpired keys are cached");
      }
      current = refresh(now);
    }
    List<JWK> found = current.match(kid);
    if (found.isEmpty() && mayAttempt(now)) {
      LOG.debug("Unknown key id {} for {}; refetching the key set", kid, source);
      found = refresh(now).match(kid);
    }
    return found;
  }

  /** {@return how many fetches were attempted (for diagnostics and tests)} */
  public synchronized long fetchCount() {
    return fetches;
  }

  private boolean mayAttempt(Instant now) {
    return lastAttempt == null || !now.isBefore(lastAttempt.plus(minRefreshInterval));
  }

  /** Fetches the set; on failure keeps unexpired keys, otherwise throws. Returns the snapshot now in use. */
  private Snapshot refresh(Instant now) {
    lastAttempt = now;
    fetches++;
    try {
      Snapshot fresh = new Snapshot(parse(fetcher.get()), now);
      snapshot = fresh;
      lastFailure = null;
      LOG.debug("Fetched {} signing keys from {}", fresh.keys.size(), source);
      return fresh;
    } catch (BackstageException e) {
      lastFailure = e;
      LOG.debug("Could not fetch the key set from {}: {}", source, e.getMessage());
      Snapshot current = snapshot;
      if (current == null || !current.freshAt(now, ttl)) {
        snapshot = null;
        throw unavailable(e.getMessage());
      }
      return current; // unexpired keys stay in use
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

  private static final class Snapshot {
    final List<JWK> keys;
    final Instant fetchedAt;

    Snapshot(List<JWK> keys, Instant fetchedAt) {
      this.keys = keys;
      this.fetchedAt = fetchedAt;
    }

    boolean freshAt(Instant now, Duration ttl) {
      return now.isBefore(fetchedAt.plus(ttl));
    }

    List<JWK> match(String kid) {
      List<JWK> result = new ArrayList<>();
      for (JWK k : keys) {
        if (kid == null || kid.equals(k.getKeyID())) {
          result.add(k);
        }
      }
      return result;
    }
  }

  private JwksUnavailableException unavailable(String why) {
    return new JwksUnavailableException("Cannot check tokens: the signing keys at " + source
        + " are unavailable (" + why + ")", lastFailure);
  }
}
