package dev.backstage4j.plugin;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Describes one {@code type: jwks} external-access entry of {@code backend.auth.externalAccess}: third-party
 * JWTs verified against a remote JWKS. Immutable.
 *
 * <p>Mirrors Backstage's {@code options: {url, issuer, algorithm, audience, subjectPrefix}}. When issuers,
 * audiences or algorithms are given, the token must match one of them. HMAC algorithms are never accepted for
 * JWKS keys.
 *
 * <pre>{@code
 * JwksAccess.builder(URI.create("https://idp.example.com/.well-known/jwks.json"))
 *     .addIssuer("https://idp.example.com").addAudience("backstage").subjectPrefix("ci").build();
 * }</pre>
 */
public final class JwksAccess {
  private static final Set<String> ASYMMETRIC = Set.of("ES256", "ES384", "ES512", "RS256", "RS384", "RS512",
      "PS256", "PS384", "PS512");

  private final URI url;
  private final List<String> issuers;
  private final List<String> audiences;
  private final List<String> algorithms;
  private final String subjectPrefix;

  private JwksAccess(Builder b) {
    this.url = b.url;
    this.issuers = List.copyOf(b.issuers);
    this.audiences = List.copyOf(b.audiences);
    this.algorithms = List.copyOf(b.algorithms);
    this.subjectPrefix = b.subjectPrefix;
  }

  /** {@return {@code algorithm} if it is an asymmetric JWS algorithm we verify; refuses none, HMAC and others} */
  static String checkAlgorithm(String algorithm) {
    Objects.requireNonNull(algorithm, "algorithm");
    if (!ASYMMETRIC.contains(algorithm)) {
      throw new IllegalArgumentException("algorithm " + algorithm + " is not allowed for JWKS keys; use one of "
          + new java.util.TreeSet<>(ASYMMETRIC));
    }
    return algorithm;
  }

  /**
   * Starts an entry whose keys are fetched from {@code url} (an absolute http(s) URL).
   *
   * @param url where the issuer publishes its keys
   * @return the builder
   */
  public static Builder builder(URI url) {
    return new Builder(url);
  }

  /** {@return the JWKS URL} */
  public URI url() {
    return url;
  }

  /** {@return the accepted issuers; empty means any} */
  public List<String> issuers() {
    return issuers;
  }

  /** {@return the accepted audiences; empty means any} */
  public List<String> audiences() {
    return audiences;
  }

  /** {@return the accepted algorithms; empty means every asymmetric one (ES*, RS*, PS*)} */
  public List<String> algorithms() {
    return algorithms;
  }

  /** {@return the subject prefix, or null for plain {@code external:<sub>}} */
  public String subjectPrefix() {
    return subjectPrefix;
  }

  @Override
  public String toString() {
    return "JwksAccess{url=" + url + ", issuers=" + issuers + ", audiences=" + audiences + ", algorithms="
        + algorithms + (subjectPrefix == null ? "" : ", subjectPrefix=" + subjectPrefix) + "}";
  }

  /** Builds a {@link JwksAccess}. Not thread-safe. */
  public static final class Builder {
    private final URI url;
    private final List<String> issuers = new ArrayList<>();
    private final List<String> audiences = new ArrayList<>();
    private final List<String> algorithms = new ArrayList<>();
    private String subjectPrefix;

    private Builder(URI url) {
      Objects.requireNonNull(url, "url");
      String scheme = url.getScheme();
      if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          || url.getHost() == null) {
        throw new IllegalArgumentException("JWKS url must be an absolute http(s) URL, was " + url);
      }
      this.url = url;
    }

    /**
     * Adds an accepted {@code iss} value.
     *
     * @param issuer an accepted issuer
     * @return this builder
     */
    public Builder addIssuer(String issuer) {
      issuers.add(Objects.requireNonNull(issuer, "issuer"));
      return this;
    }

    /**
     * Adds an accepted {@code aud} value.
     *
     * @param audience an accepted audience
     * @return this builder
     */
    public Builder addAudience(String audience) {
      audiences.add(Objects.requireNonNull(audience, "audience"));
      return this;
    }

    /**
     * Adds an accepted algorithm.
     *
     * @param algorithm e.g. RS256 or ES256
     * @return this builder
     * @throws IllegalArgumentException for {@code none}, HMAC or unknown algorithms
     */
    public Builder addAlgorithm(String algorithm) {
      algorithms.add(checkAlgorithm(algorithm));
      return this;
    }

    /**
     * Sets the subject prefix: subjects become {@code external:<prefix>:<sub>}.
     *
     * @param subjectPrefix the prefix, as Backstage's subjectPrefix option
     * @return this builder
     */
    public Builder subjectPrefix(String subjectPrefix) {
      this.subjectPrefix = subjectPrefix;
      return this;
    }

    /** {@return the entry} */
    public JwksAccess build() {
      return new JwksAccess(this);
    }
  }
}
