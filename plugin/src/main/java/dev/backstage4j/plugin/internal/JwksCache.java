package dev.backstage4j.plugin.internal;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import dev.backstage4j.core.BackstageException;
import dev.backstage4j.plugin.JwksUnavailableException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Public keys of one issuer, fetched from its JWKS endpoint and cached. Thread-safe.
 *
 * <p>Keys are trusted for {@code ttl} after a successful fetch, and refetched in the background once they are 80 %
 * of that old, so while the endpoint answers they never expire and no request waits for a fetch. An unknown
 * {@code kid} triggers a refetch, but fetch attempts (successful or not) are at least {@code minRefreshInterval}
 * apart, so a flood of tokens with made-up key ids costs the issuer at most one request per interval. At most one
 * fetch runs at a time, on a background thread; a request that needs its result waits for it at most
 * {@code maxWait}, however slow the endpoint. When a fetch fails, keys fetched less than {@code ttl} ago stay in
 * use; after that, lookups fail with {@link JwksUnavailableException}. Only asymmetric public signing keys (EC,
 * RSA) are kept: a symmetric ({@code oct}) or encryption key in the set is ignored, so a public key can never be
 * used as an HMAC secret.
 */
public final class JwksCache {
  private static final Logger LOG = LoggerFactory.getLogger(JwksCache.class);
  /** The default bound on how long a request waits for a fetch it needs. */
  public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(3);
  private static final Executor FETCHES = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "backstage4j-jwks-fetch");
    t.setDaemon(true);
    return t;
  });

  private final String source;
  private final Supplier<String> fetcher;
  private final Clock clock;
  private final Duration ttl;
  private final Duration refreshAhead;
  private final Duration minRefreshInterval;
  private final Duration maxWait;

  /** Keys and fetch time, replaced together; read without the lock. */
  private volatile Snapshot snapshot;
  private volatile BackstageException lastFailure;
  private Instant lastAttempt;
  private CompletableFuture<Snapshot> inFlight;
  private long fetches;

  /**
   * Creates a cache that waits at most {@link #DEFAULT_MAX_WAIT} for a fetch.
   *
   * @param source the JWKS URL, for messages
   * @param fetcher returns the JWKS document; throws a {@link BackstageException} when it cannot
   */
  public JwksCache(String source, Supplier<String> fetcher, Clock clock, Duration ttl,
      Duration minRefreshInterval) {
    this(source, fetcher, clock, ttl, minRefreshInterval, DEFAULT_MAX_WAIT);
  }

  /** Creates a cache whose requests wait at most {@code maxWait} for a fetch they need. */
  public JwksCache(String source, Supplier<String> fetcher, Clock clock, Duration ttl,
      Duration minRefreshInterval, Duration maxWait) {
    this.source = source;
    this.fetcher = fetcher;
    this.clock = clock;
    this.ttl = ttl;
    this.refreshAhead = ttl.multipliedBy(4).dividedBy(5);
    this.minRefreshInterval = minRefreshInterval;
    this.maxWait = maxWait;
  }

  /** {@return the URL the keys come from} */
  public String source() {
    return source;
  }

  /**
   * Returns the keys with id {@code kid} (every key when {@code kid} is null), refetching the set when the
   * cache has expired or the id is unknown and the rate limit allows. An empty list means the key is unknown.
   *
   * @throws JwksUnavailableException when no unexpired keys are cached and the set cannot be fetched in time
   */
  public List<JWK> keysFor(String kid) {
    Instant now = clock.instant();
    Snapshot current = snapshot;
    if (current != null && current.youngerThan(now, ttl)) {
      if (!current.youngerThan(now, refreshAhead)) {
        startFetch(now);  // ahead of expiry, in the background: this request does not wait for it
      }
      List<JWK> found = current.match(kid);
      if (!found.isEmpty()) {
        return found;
      }
      LOG.debug("Unknown key id {} for {}; refetching the key set", kid, source);
      Snapshot fetched = await(startFetch(now));
      return fetched == null ? found : fetched.match(kid);
    }
    CompletableFuture<Snapshot> fetch = startFetch(now);
    if (fetch == null) {
      throw unavailable("the last attempt failed less than " + minRefreshInterval.toSeconds()
          + " s ago and no unexpired keys are cached");
    }
    Snapshot fetched = await(fetch);
    if (fetched == null) {
      throw unavailable(fetch.isDone() ? describe(failureOf(fetch)).getMessage()
          : "no answer within " + maxWait.toMillis() + " ms; the fetch goes on in the background");
    }
    return fetched.match(kid);
  }

  /** {@return how many fetches were attempted (for diagnostics and tests)} */
  public synchronized long fetchCount() {
    return fetches;
  }

  /** Starts a fetch unless one runs or the rate limit forbids it; returns the running fetch, or null. */
  private synchronized CompletableFuture<Snapshot> startFetch(Instant now) {
    if (inFlight != null) {
      return inFlight;
    }
    if (lastAttempt != null && now.isBefore(lastAttempt.plus(minRefreshInterval))) {
      return null;
    }
    lastAttempt = now;
    fetches++;
    CompletableFuture<Snapshot> fetch = CompletableFuture.supplyAsync(() -> new Snapshot(parse(fetcher.get()), now),
        FETCHES);
    inFlight = fetch;
    fetch.whenComplete((fresh, failure) -> {
      if (fresh != null) {
        snapshot = fresh;
        lastFailure = null;
        LOG.debug("Fetched {} signing keys from {}", fresh.keys.size(), source);
      } else {
        lastFailure = describe(failure);
        LOG.debug("Could not fetch the key set from {}: {}", source, lastFailure.getMessage());
      }
      synchronized (this) {
        inFlight = null;
      }
    });
    return fetch;
  }

  private static Throwable failureOf(CompletableFuture<Snapshot> fetch) {
    try {
      fetch.join();
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }

  private BackstageException describe(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof java.util.concurrent.CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause instanceof BackstageException ? (BackstageException) cause
        : new BackstageException("fetching the key set from " + source + " failed: " + cause, cause);
  }

  /** The fetch's keys, or null when it failed or did not answer within {@code maxWait}. */
  private Snapshot await(CompletableFuture<Snapshot> fetch) {
    if (fetch == null) {
      return null;
    }
    try {
      return fetch.get(maxWait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException | TimeoutException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
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

    boolean youngerThan(Instant now, Duration age) {
      return now.isBefore(fetchedAt.plus(age));
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
